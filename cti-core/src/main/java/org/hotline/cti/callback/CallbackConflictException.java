package org.hotline.cti.callback;

/** The callback cannot change that way now: another agent took it first, or it is already finished. */
public final class CallbackConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With the message shown to the agent. */
    public CallbackConflictException(String message) {
        super(message);
    }
}
