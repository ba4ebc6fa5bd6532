package org.hotline.cti.callrecord;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.hotline.cti.call.AgentInterface;

/**
 * One stretch of an agent phone's state, from one change to the next, as the reports count agent time: {@code state}
 * is {@code ready}, {@code ringing}, {@code talking}, {@code wrapup} (paused for after-call work), {@code paused}
 * (with its {@code reason}), {@code unavailable} or {@code loggedOut}.
 */
public record AgentInterval(AgentInterface agent, String state, String reason, Instant from, Instant to) {

    /** Checks the fields. */
    public AgentInterval {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** How long it lasted. */
    public Duration duration() {
        return to.isBefore(from) ? Duration.ZERO : Duration.between(from, to);
    }
}
