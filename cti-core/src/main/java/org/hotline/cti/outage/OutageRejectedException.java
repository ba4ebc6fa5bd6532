package org.hotline.cti.outage;

/** An outage change refused, with a message for the user and why (bad input, unknown outage, or wrong state). */
public class OutageRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a change was refused; maps to HTTP 400, 404 and 409. */
    public enum Reason {
        /** The request itself is wrong: end before start, unknown line, empty reason. */
        INVALID,
        /** No outage with that id. */
        NOT_FOUND,
        /** The outage is no longer open (restored), so it cannot change. */
        CONFLICT
    }

    private final Reason reason;

    /** A refusal for {@code reason}, with a message the user can act on. */
    public OutageRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the change was refused. */
    public Reason reason() {
        return reason;
    }
}
