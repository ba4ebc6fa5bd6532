package org.hotline.cti.call;

import java.time.Instant;
import java.util.Set;

/**
 * An agent's phone or queue membership changed state ({@code QueueMemberStatus}, {@code QueueMemberPause},
 * {@code QueueMemberAdded/Removed}); {@code queues} are the queues the interface is a member of now.
 */
public record AgentStateChanged(AgentInterface agent, String memberName, AgentState state, String pausedReason,
                                Set<String> queues, Instant at) implements TelephonyEvent {
    /** Copies the queues. */
    public AgentStateChanged {
        queues = Set.copyOf(queues);
    }
}
