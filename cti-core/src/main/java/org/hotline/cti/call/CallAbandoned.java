package org.hotline.cti.call;

import java.time.Duration;
import java.time.Instant;

/** The caller hung up while waiting in a queue ({@code QueueCallerAbandon}). */
public record CallAbandoned(CallId callId, String queue, int position, int originalPosition, Duration holdTime,
                            Instant at) implements CallEvent {
}
