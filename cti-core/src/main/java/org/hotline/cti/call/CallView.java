package org.hotline.cti.call;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of one live call for wallboards and desktops: where it stands, who calls, the queue it is or was in,
 * the connected agent ({@code agent} null until answered), the agents whose phones ring, its times (null when
 * unknown) and the caller leg's channel variables.
 */
public record CallView(CallId callId, CallState state, Caller caller, String queue, AgentInterface agent,
                       String memberName, Set<AgentInterface> ringing, Instant startedAt, Instant queuedAt,
                       Instant answeredAt, Map<String, String> variables) {
    /** Copies the collections. */
    public CallView {
        ringing = Set.copyOf(ringing);
        variables = Map.copyOf(variables);
    }
}
