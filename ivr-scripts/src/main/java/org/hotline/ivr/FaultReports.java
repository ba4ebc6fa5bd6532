package org.hotline.ivr;

import java.time.Instant;
import java.util.Objects;

/**
 * Reports a fault from the keypad as a repair work order: the port the server wires to the work-orders capability.
 * Point A of the order is the call's end (the caller's hang-up), taken from the call record.
 */
public interface FaultReports {

    /** The fault kinds a caller chooses by key. */
    enum Kind {
        /** 1: no power in the whole home. */
        NO_POWER("全户停电"),
        /** 2: part of the supply, or the voltage (lights flicker). */
        PARTIAL_OR_VOLTAGE("部分停电或电压异常"),
        /** 3: sparks, smoke, fire or a fallen wire: always put through to an agent as well. */
        DANGER("电线设备冒烟起火或断线"),
        /** 4: anything else. */
        OTHER("其他故障");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How the order's summary names it. */
        public String label() {
            return label;
        }
    }

    /**
     * One fault report.
     *
     * @param callId     the call's id (Linkedid): the order belongs to it, and A waits for its end
     * @param customerId the caller's customer
     * @param premisesId the premises the caller confirmed (by the account)
     * @param number     the number to call back
     * @param kind       what the caller chose
     */
    record Report(String callId, long customerId, long premisesId, String number, Kind kind) {

        /** Requires the call, number and kind. */
        public Report {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** What became of a report. */
    sealed interface Result permits Created, AlreadyOpen, InOutage, Refused {
    }

    /** A new order. */
    record Created(String orderNo) implements Result {
    }

    /** An open order on the same premises is the same fault: nothing new was created. */
    record AlreadyOpen(String orderNo) implements Result {
    }

    /** The premises are in an outage being repaired: nothing new was created. */
    record InOutage(String outageNo, Instant expectedEndAt) implements Result {
    }

    /** Not taken (no repair centre for the premises, the type not configured …): an agent takes it. */
    record Refused(String reason) implements Result {
    }

    /** Files the report; throws when the work orders cannot be reached now (the script then sends the caller on). */
    Result report(Report report);
}
