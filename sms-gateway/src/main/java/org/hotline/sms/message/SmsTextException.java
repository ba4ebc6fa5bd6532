package org.hotline.sms.message;

/** A text that cannot be sent as an SMS under the codec's settings (empty, too long, an unsendable character). */
public class SmsTextException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that states what was wrong and what was expected. */
    public SmsTextException(String message) {
        super(message);
    }
}
