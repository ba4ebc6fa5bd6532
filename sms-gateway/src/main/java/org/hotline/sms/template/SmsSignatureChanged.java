package org.hotline.sms.template;

/**
 * An administrator changed the signature every text starts with; the server writes it to the audit log in the same
 * transaction.
 *
 * @param before the signature until now (the setting's when no administrator had set one)
 * @param after  the new signature
 * @param by     the administrator
 */
public record SmsSignatureChanged(String before, String after, String by) {
}
