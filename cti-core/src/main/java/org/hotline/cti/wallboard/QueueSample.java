package org.hotline.cti.wallboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One fact the wallboard counts, at the moment it became known: a call left a queue (answered, abandoned or
 * unanswered, {@code duration} = its wait in the queue), a call's talk ended ({@code duration} = talk without
 * hold) or a wrap-up ended ({@code duration} = after-call work). {@code agent} is the answering agent's interface,
 * null for abandoned and unanswered calls.
 */
public record QueueSample(Kind kind, String queue, String agent, Instant at, Duration duration) {

    /** What was counted. */
    public enum Kind {
        /** An agent answered a call waiting in the queue. */
        ANSWERED,
        /** The caller hung up while waiting. */
        ABANDONED,
        /** The call left the queue without an agent (timeout, empty queue). */
        UNANSWERED,
        /** A call answered from the queue ended; its talk time. */
        TALK,
        /** An agent finished the after-call work of a call from the queue. */
        WRAPUP
    }

    /** Checks the fields. */
    public QueueSample {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            duration = Duration.ZERO;
        }
    }
}
