package org.hotline.cti.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A callback a caller asked for from the IVR: the call, the normalized number, the queue, when the caller joined it
 * (their place, kept) and when they asked.
 */
public record RequestedCallback(String callId, String number, String queue, Instant queuedAt, Instant at) {

    /** Validates the record; a place after the request is moved back to it. */
    public RequestedCallback {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(at, "at");
        if (number == null || !number.matches("[0-9]{3,20}")) {
            throw new IllegalArgumentException("number: '" + number + "' (expected: a phone number, 3 to 20 digits)");
        }
        queuedAt = queuedAt == null || queuedAt.isAfter(at) ? at : queuedAt;
    }

    /** How long the caller had waited when they asked. */
    public Duration waited() {
        return Duration.between(queuedAt, at);
    }
}
