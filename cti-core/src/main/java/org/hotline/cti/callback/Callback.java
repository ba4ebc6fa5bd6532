package org.hotline.cti.callback;

import java.time.Instant;
import java.util.Locale;

/**
 * One callback (回拨) as the side panel lists it: whom to call, why, and who has it. Users are named by username;
 * {@code customerNo}/{@code customerName} are null when the number matched no customer; {@code queuedAt} (the
 * caller's place in the queue) is set only for {@link Kind#REQUESTED}.
 */
public record Callback(long id, Kind kind, String number, Long customerId, String customerNo, String customerName,
                       String queue, Integer waitedSeconds, Instant dueAt, String createdBy, String assignedTo,
                       Status status, String takenBy, Instant takenAt, Instant doneAt, String note, String callId,
                       Instant createdAt, Instant queuedAt) {

    /** Why the customer is to be called back. */
    public enum Kind {
        /** The caller hung up while waiting in a queue. */
        ABANDONED,
        /** An agent promised to call back at a time. */
        SCHEDULED,
        /** The caller asked for a callback from the IVR, keeping their place in the queue. */
        REQUESTED;

        /** The code stored in {@code callbacks.kind}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the callback stands. */
    public enum Status {
        /** Waiting for an agent. */
        OPEN,
        /** An agent took it and is calling. */
        TAKEN,
        /** Called back, or the customer called again and was answered. */
        DONE,
        /** No longer wanted. */
        CANCELLED;

        /** The code stored in {@code callbacks.status}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
