package org.hotline.cti.control;

/** A call or desk command that did not happen, with a reason the agent can read and a kind the web layer maps. */
public final class ControlException extends RuntimeException {

    /** Why a command failed; the web layer maps each to an HTTP status. */
    public enum Kind {
        /** The request is malformed (bad number, unknown reason): 400. */
        INVALID(400),
        /** The call is not the agent's: 403. */
        NOT_YOUR_CALL(403),
        /** No such call or channel (any more): 404. */
        NO_SUCH_CALL(404),
        /** Not possible in the current state, or the phone is offline: 409. */
        CONFLICT(409),
        /** Asterisk refused the action for another reason: 502. */
        REJECTED(502),
        /** The AMI connection is down or did not answer: 503. */
        UNAVAILABLE(503);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** The HTTP status this kind maps to. */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;

    /** A failure of this kind with a readable message. */
    public ControlException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** A failure of this kind caused by {@code cause}. */
    public ControlException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** Why it failed. */
    public Kind kind() {
        return kind;
    }
}
