package org.hotline.sms.message;

import java.time.Instant;
import java.util.List;

/**
 * A concatenated message given up before all its parts arrived; its partial text can still reach an agent.
 *
 * @param source the sender's address
 * @param dataCoding the data_coding of its parts
 * @param reference concatenation reference
 * @param total parts announced in the UDH
 * @param received the sequence numbers that did arrive, ascending
 * @param partialText the received parts' text in order, "…" where parts are missing
 * @param firstPartAt when its first part arrived
 * @param reason why it was given up
 */
public record IncompleteMessage(String source, int dataCoding, int reference, int total, List<Integer> received,
        String partialText, Instant firstPartAt, Reason reason) {

    /** Copies the list. */
    public IncompleteMessage {
        received = List.copyOf(received);
    }

    /** Why an incomplete message was given up. */
    public enum Reason {
        /** Its parts did not all arrive within the timeout. */
        TIMED_OUT,
        /** Too many sets were pending and it was the oldest. */
        EVICTED
    }
}
