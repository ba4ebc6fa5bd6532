package org.hotline.sms.template;

/** A template that cannot be saved or rendered as given (unknown or missing field, bad name, empty body). */
public class TemplateException extends IllegalArgumentException {

    /** With a message an operator can act on. */
    public TemplateException(String message) {
        super(message);
    }
}
