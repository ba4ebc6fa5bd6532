package org.hotline.workorder;

import java.util.List;

/** A request on work orders that was refused, with the reason users read and the kind that picks the HTTP status. */
public class WorkOrderRejectedException extends RuntimeException {

    /** Why, by the HTTP status it maps to. */
    public enum Kind {
        /** 400: malformed or missing input. */
        INVALID,
        /** 404: no such order, call, alarm. */
        NOT_FOUND,
        /** 409: conflicts with the order's state (out of order, already recorded, closed, duplicate). */
        CONFLICT,
        /** 422: well-formed but not doable (unknown type, premises with no repair centre). */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final transient List<WorkOrderSummary> duplicates;
    private final transient List<ActiveOutage> outages;

    /** A refusal of this kind. */
    public WorkOrderRejectedException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    /** A duplicate-order refusal listing the open orders the new one would duplicate. */
    public WorkOrderRejectedException(Kind kind, String message, List<WorkOrderSummary> duplicates) {
        this(kind, message, duplicates, List.of());
    }

    /** A duplicate-order refusal listing the open orders and the outages in effect that the new one would repeat. */
    public WorkOrderRejectedException(Kind kind, String message, List<WorkOrderSummary> duplicates,
                                      List<ActiveOutage> outages) {
        super(message);
        this.kind = kind;
        this.duplicates = List.copyOf(duplicates);
        this.outages = List.copyOf(outages);
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The duplicate candidates (empty unless this refuses a second order for one fault). */
    public List<WorkOrderSummary> duplicates() {
        return duplicates;
    }

    /** The outages in effect over the premises (empty unless this refuses a repair order under an outage). */
    public List<ActiveOutage> outages() {
        return outages;
    }
}
