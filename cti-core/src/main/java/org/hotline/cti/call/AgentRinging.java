package org.hotline.cti.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An agent's phone started ringing for a call ({@code AgentCalled} for a queue, {@code DialBegin} for a direct call);
 * {@code queue} is null for a direct call, {@code waited} is how long the caller has waited in the queue so far,
 * {@code outbound} true when the agent placed the call (click-to-dial: {@code caller} is then the dialled customer).
 */
public record AgentRinging(CallId callId, AgentInterface agent, String memberName, String queue, Caller caller,
                           Duration waited, Map<String, String> variables, Instant at, boolean outbound)
        implements CallEvent {
    /** Copies the variables. */
    public AgentRinging {
        variables = Map.copyOf(variables);
    }

    /** An inbound call's ring. */
    public AgentRinging(CallId callId, AgentInterface agent, String memberName, String queue, Caller caller,
                        Duration waited, Map<String, String> variables, Instant at) {
        this(callId, agent, memberName, queue, caller, waited, variables, at, false);
    }
}
