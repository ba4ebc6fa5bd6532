package org.hotline.cti.callrecord;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.hotline.cti.call.AgentInterface;

/**
 * One part of a call's life, for the reports: {@code queue} (waiting in a queue, result answered, abandoned, timeout
 * or left), {@code ring} (an agent's phone ringing, answered or missed), {@code talk} (an agent on the call, ended or
 * transferred: a transfer splits the talk between the agents who had the call) or {@code hold} (an agent holding).
 */
public record CallSegment(String kind, String queue, AgentInterface agent, Instant from, Instant to, String result) {

    /** Checks the fields that are always there. */
    public CallSegment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** How long it lasted. */
    public Duration duration() {
        return to.isBefore(from) ? Duration.ZERO : Duration.between(from, to);
    }
}
