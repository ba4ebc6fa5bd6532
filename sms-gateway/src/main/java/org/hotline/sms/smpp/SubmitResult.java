package org.hotline.sms.smpp;

/**
 * What became of one submit_sm.
 *
 * @param outcome the class of result
 * @param messageId the SMSC's id, canonical (see {@code MessageIds}), when accepted
 * @param commandStatus the SMPP command_status of a rejection, else null
 * @param detail a readable reason for anything but acceptance
 */
public record SubmitResult(Outcome outcome, String messageId, Integer commandStatus, String detail) {

    /** The classes of result the sender acts on. */
    public enum Outcome {
        /** The SMSC took it and answered with an id. */
        ACCEPTED,
        /** Refused for now (system error, submit failure): send again later. */
        TEMPORARY,
        /** Refused for good (bad destination, bad data): fail the message with the code. */
        PERMANENT,
        /** Never written to the wire (no bind): safe to send again. */
        NOT_SENT,
        /** Written but no response arrived: the SMSC may or may not have it (ADR 0009). */
        IN_DOUBT
    }

    /** Accepted with an id. */
    public static SubmitResult accepted(String id) {
        return new SubmitResult(Outcome.ACCEPTED, id, null, null);
    }

    /** Anything else. */
    public static SubmitResult of(Outcome outcome, Integer status, String detail) {
        return new SubmitResult(outcome, null, status, detail);
    }
}
