package org.hotline.workorder;

import java.util.Objects;

/**
 * The revisit's rules as one pure transition: an open revisit takes attempts; a reached customer who is satisfied
 * or neutral closes the order, a dissatisfied one reopens it, and the configured number of attempts without
 * reaching the customer closes it as unreachable.
 */
public final class RevisitRules {

    /** Where a revisit stands. */
    public enum Status {
        /** Waiting for a call that reaches the customer. */
        OPEN,
        /** The customer was satisfied or neutral: the order closed. */
        SATISFIED,
        /** The customer was dissatisfied: the order reopened. */
        DISSATISFIED,
        /** Not reached within the allowed attempts: the order closed. */
        UNREACHABLE,
        /** The order was closed or reopened by someone else first: nothing left to ask. */
        CANCELLED;

        /** The column value. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Parses the column value. */
        public static Status of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** What the order gets from the transition. */
    public enum Effect {
        /** Nothing: the revisit stays open for another attempt. */
        NONE,
        /** Close the order with {@link Transition#reason()}. */
        CLOSE_ORDER,
        /** Reopen the order with {@link Transition#reason()}. */
        REOPEN_ORDER
    }

    /**
     * One call to the customer.
     *
     * @param reached      whether the customer was reached
     * @param satisfaction their answer when reached, null when not
     * @param notes        what the agent wrote, may be null
     */
    public record Attempt(boolean reached, Satisfaction satisfaction, String notes) {
    }

    /**
     * The result: the revisit's new status and attempt count, and what happens to the order and why.
     *
     * @param status   the new status
     * @param attempts attempts so far, this one included
     * @param effect   what the order gets
     * @param reason   the close or reopen reason, null for {@link Effect#NONE}
     */
    public record Transition(Status status, int attempts, Effect effect, String reason) {
    }

    private RevisitRules() {
    }

    /**
     * Applies {@code attempt} to a revisit with {@code status} and {@code attemptsBefore} attempts.
     *
     * @throws WorkOrderRejectedException INVALID: reached without an answer, not reached with one, notes over
     *                                    2000 characters; CONFLICT: the revisit is finished
     */
    public static Transition apply(Status status, int attemptsBefore, Attempt attempt, int maxAttempts) {
        Objects.requireNonNull(attempt, "attempt");
        if (status != Status.OPEN) {
            throw new WorkOrderRejectedException(WorkOrderRejectedException.Kind.CONFLICT,
                    "this revisit is finished (" + status.code() + "): nothing more to record");
        }
        if (attempt.reached() && attempt.satisfaction() == null) {
            throw new WorkOrderRejectedException(WorkOrderRejectedException.Kind.INVALID,
                    "satisfaction: empty (expected: the customer's answer when reached)");
        }
        if (!attempt.reached() && attempt.satisfaction() != null) {
            throw new WorkOrderRejectedException(WorkOrderRejectedException.Kind.INVALID,
                    "satisfaction: " + attempt.satisfaction() + " (expected: none when the customer was not reached)");
        }
        if (attempt.notes() != null && attempt.notes().length() > 2000) {
            throw new WorkOrderRejectedException(WorkOrderRejectedException.Kind.INVALID,
                    "notes: " + attempt.notes().length() + " characters (expected: at most 2000)");
        }
        int n = attemptsBefore + 1;
        if (attempt.reached()) {
            Satisfaction s = attempt.satisfaction();
            String said = "回访" + s.label() + (blank(attempt.notes()) ? "" : "：" + attempt.notes().strip());
            return s.reopens() ? new Transition(Status.DISSATISFIED, n, Effect.REOPEN_ORDER, said)
                    : new Transition(Status.SATISFIED, n, Effect.CLOSE_ORDER, said);
        }
        if (n >= maxAttempts) {
            return new Transition(Status.UNREACHABLE, n, Effect.CLOSE_ORDER, "回访" + n + "次未联系上客户");
        }
        return new Transition(Status.OPEN, n, Effect.NONE, null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
