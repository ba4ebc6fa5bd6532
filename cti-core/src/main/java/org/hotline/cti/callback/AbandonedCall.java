package org.hotline.cti.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A caller who hung up in a queue: the call, the normalized number, the queue and the wait before abandoning. */
public record AbandonedCall(String callId, String number, String queue, Duration waited, Instant at) {

    /** Validates the record. */
    public AbandonedCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(waited, "waited");
        Objects.requireNonNull(at, "at");
    }
}
