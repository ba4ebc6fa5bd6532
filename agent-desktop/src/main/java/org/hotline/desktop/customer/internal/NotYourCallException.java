package org.hotline.desktop.customer.internal;

/** A contact named a call that never reached this agent's phone. */
final class NotYourCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotYourCallException(String message) {
        super(message);
    }
}
