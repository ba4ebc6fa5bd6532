package org.hotline.cti.call;

import java.time.Instant;
import java.util.Set;

/**
 * A snapshot of one queue member interface: its aggregate state since {@code since}, the pause reason while
 * {@link AgentState#PAUSED}, the queues it belongs to and those it is paused in, and the call it rings for or
 * talks on ({@code call} null when none).
 */
public record AgentView(AgentInterface agent, String memberName, AgentState state, String pausedReason,
                        Set<String> queues, Set<String> pausedQueues, CallId call, Instant since) {
    /** Copies the sets. */
    public AgentView {
        queues = Set.copyOf(queues);
        pausedQueues = Set.copyOf(pausedQueues);
    }
}
