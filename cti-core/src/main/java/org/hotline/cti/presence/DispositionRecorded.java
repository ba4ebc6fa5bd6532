package org.hotline.cti.presence;

import java.time.Instant;
import java.util.Objects;
import org.hotline.cti.call.AgentInterface;

/**
 * A desk finished with a queue call (its wrap-up ended, or the call ended without one) and recorded its call outcome:
 * the code chosen, or {@link DeskRules#NONE_CHOSEN} when the agent chose none (the wrap-up timer ran out, a log-out).
 *
 * @param callId   the call (Asterisk Linkedid)
 * @param queue    the queue the call came through
 * @param username the agent's login name
 * @param agent    the agent's phone interface, as the call records name agents
 * @param code     the outcome's code, or {@code none}
 * @param at       when the desk finished with the call
 */
public record DispositionRecorded(String callId, String queue, String username, AgentInterface agent, String code,
                                  Instant at) {

    /** Checks the fields. */
    public DispositionRecorded {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(at, "at");
    }

    /** Whether the agent chose an outcome. */
    public boolean chosen() {
        return !DeskRules.NONE_CHOSEN.equals(code);
    }
}
