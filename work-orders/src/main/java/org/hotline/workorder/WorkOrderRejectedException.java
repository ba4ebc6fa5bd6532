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

    /** A refusal of this kind. */
    public WorkOrderRejectedException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    /** A duplicate-order refusal listing the open orders the new one would duplicate. */
    public WorkOrderRejectedException(Kind kind, String message, List<WorkOrderSummary> duplicates) {
        super(message);
        this.kind = kind;
        this.duplicates = List.copyOf(duplicates);
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The duplicate candidates (empty unless this refuses a second order for one fault). */
    public List<WorkOrderSummary> duplicates() {
        return duplicates;
    }
}
