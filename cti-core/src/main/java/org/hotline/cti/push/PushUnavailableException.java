package org.hotline.cti.push;

/** The shared store (Redis) could not answer in time; the caller may retry or show the agent a reconnecting state. */
public class PushUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Wraps the cause with a message saying what could not be done. */
    public PushUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
