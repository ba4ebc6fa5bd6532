package org.hotline.sms.message;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;

/**
 * Normalises the message ids of one SMSC so that the id from submit_sm_resp and the id in its delivery receipt
 * ({@code id:} text or receipted_message_id) compare equal, as Kannel's {@code msg-id-type}: e.g. a response
 * {@code 1A2B} (hex) and a receipt {@code id:6699} (decimal) both normalise to {@code 6699}.
 *
 * @param submitResponse how submit_sm_resp writes ids
 * @param receipt how deliver_sm receipts write ids
 */
public record MessageIds(MessageIdFormat submitResponse, MessageIdFormat receipt) {

    /** Ids are opaque strings in both places (Kannel without msg-id-type). */
    public static final MessageIds STRINGS = new MessageIds(MessageIdFormat.STRING, MessageIdFormat.STRING);

    /** Checks the formats. */
    public MessageIds {
        Objects.requireNonNull(submitResponse, "submitResponse");
        Objects.requireNonNull(receipt, "receipt");
    }

    /**
     * Kannel's {@code msg-id-type}: bit 0 set means submit_sm_resp ids are hex (else decimal), bit 1 set means
     * deliver_sm ids are hex (else decimal).
     */
    public static MessageIds fromKannelMsgIdType(int msgIdType) {
        if (msgIdType < 0 || msgIdType > 3) {
            throw new IllegalArgumentException("msg-id-type: " + msgIdType + " (expected: 0..3)");
        }
        return new MessageIds((msgIdType & 1) != 0 ? MessageIdFormat.HEX : MessageIdFormat.DECIMAL,
                (msgIdType & 2) != 0 ? MessageIdFormat.HEX : MessageIdFormat.DECIMAL);
    }

    /** The correlation key of an id from submit_sm_resp. */
    public String fromSubmitResponse(String id) {
        return normalize(id, submitResponse);
    }

    /** The correlation key of an id from a receipt's {@code id:} or its receipted_message_id. */
    public String fromReceipt(String id) {
        return normalize(id, receipt);
    }

    /** An id's correlation key written back the way submit_sm_resp wrote it (for query_sm); as it is if it cannot be. */
    public String toSubmitResponse(String canonical) {
        if (submitResponse != MessageIdFormat.HEX || canonical == null) {
            return canonical;
        }
        try {
            return new BigInteger(canonical).toString(16).toUpperCase(Locale.ROOT);
        } catch (NumberFormatException e) {
            return canonical; // stored as written (a submit-id-format that did not fit)
        }
    }

    /**
     * The correlation key of an id: numbers as canonical decimal, strings trimmed.
     *
     * @throws IllegalArgumentException when the id is empty or not a number in the given base
     */
    public static String normalize(String id, MessageIdFormat format) {
        String trimmed = id == null ? "" : id.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("message id is empty");
        }
        if (format == MessageIdFormat.STRING) {
            return trimmed;
        }
        int radix = format == MessageIdFormat.HEX ? 16 : 10;
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.digit(trimmed.charAt(i), radix) < 0) {
                throw new IllegalArgumentException("message id '%s' is not %s (expected per this SMSC's setting)"
                        .formatted(trimmed, format.name().toLowerCase(Locale.ROOT)));
            }
        }
        return new BigInteger(trimmed, radix).toString();
    }
}
