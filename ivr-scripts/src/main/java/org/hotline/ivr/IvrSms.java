package org.hotline.ivr;

import java.util.Map;
import java.util.Objects;

/**
 * Texts the caller from a script: the port the server wires to the SMS gateway's outbox (signature, templates, opt-outs
 * and quiet hours are the gateway's). A message is queued once per key, however often the caller presses.
 */
public interface IvrSms {

    /** What a message is about, which picks its text. */
    enum Purpose {
        /** The amount owed, the due date and how to pay. */
        ARREARS_PAYMENT,
        /** The number of the repair order just created, or linked to. */
        FAULT_REPORTED,
        /** The fault is part of an outage being repaired, with the expected restore time. */
        FAULT_IN_OUTAGE
    }

    /** What became of the request. */
    enum Outcome {
        /** Queued for sending (or queued before under the same key). */
        QUEUED,
        /** The number opted out of messages of this kind. */
        OPTED_OUT,
        /** The number cannot take SMS (a landline, a withheld number). */
        NOT_A_MOBILE
    }

    /**
     * One message to the caller.
     *
     * @param key     names the message for good: the same key is never queued twice
     * @param number  the caller's number as Asterisk gave it
     * @param purpose what it is about
     * @param fields  what fills its text (the SMS templates' names: accountNo, amount, dueDate, orderNo, outageNo, end)
     */
    record Request(String key, String number, Purpose purpose, Map<String, String> fields) {

        /** Requires every part. */
        public Request {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(purpose, "purpose");
            fields = Map.copyOf(fields);
        }
    }

    /** Queues the message; throws when the gateway cannot take it now (the script then says so). */
    Outcome send(Request request);
}
