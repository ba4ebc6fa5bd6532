package org.hotline.cti.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An agent's phone started ringing for a call ({@code AgentCalled} for a queue, {@code DialBegin} for a direct call);
 * {@code queue} is null for a direct call, {@code waited} is how long the caller has waited in the queue so far.
 */
public record AgentRinging(CallId callId, AgentInterface agent, String memberName, String queue, Caller caller,
                           Duration waited, Map<String, String> variables, Instant at) implements CallEvent {
    /** Copies the variables. */
    public AgentRinging {
        variables = Map.copyOf(variables);
    }
}
