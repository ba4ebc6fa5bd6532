package org.hotline.sms.outbox;

/** A message that can never be sent as given (bad number, empty or over-long text); nothing was queued. */
public class InvalidSmsException extends IllegalArgumentException {

    /** With a message an operator can act on. */
    public InvalidSmsException(String message) {
        super(message);
    }
}
