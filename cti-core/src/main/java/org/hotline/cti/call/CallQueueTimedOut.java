package org.hotline.cti.call;

import java.time.Duration;
import java.time.Instant;

/**
 * The caller left a queue unanswered while still on the line: Queue()'s longest wait ran out (QUEUESTATUS=TIMEOUT,
 * the caller hears the after-queue message), or the queue emptied; Asterisk reports {@code QueueCallerAbandon} for
 * these too, but with no hang-up of the caller's leg before it (testdata/ami/live/README.md).
 */
public record CallQueueTimedOut(CallId callId, String queue, int position, int originalPosition, Duration waited,
                                Instant at) implements CallEvent {
}
