package org.hotline.cti.call;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An agent's phone or queue membership changed state ({@code QueueMemberStatus}, {@code QueueMemberPause},
 * {@code QueueMemberAdded/Removed}, or a member re-sync); {@code queues} are the queues the interface is a member of
 * now, {@code pausedQueues} those of them it is paused in, with each queue's PausedReason ("" when none was given):
 * an agent paused in some queues only is {@link AgentState#READY} with a non-empty {@code pausedQueues}.
 */
public record AgentStateChanged(AgentInterface agent, String memberName, AgentState state, String pausedReason,
                                Set<String> queues, Map<String, String> pausedQueues, Instant at)
        implements TelephonyEvent {

    /** Copies the queues (the paused ones sorted by name). */
    public AgentStateChanged {
        queues = Set.copyOf(queues);
        pausedQueues = Collections.unmodifiableMap(new TreeMap<>(pausedQueues));
    }

    /** A change that names no paused queues but those implied by {@code state} (PAUSED: every queue). */
    public AgentStateChanged(AgentInterface agent, String memberName, AgentState state, String pausedReason,
                             Set<String> queues, Instant at) {
        this(agent, memberName, state, pausedReason, queues, impliedPauses(state, pausedReason, queues), at);
    }

    private static Map<String, String> impliedPauses(AgentState state, String reason, Set<String> queues) {
        Map<String, String> m = new TreeMap<>();
        if (state == AgentState.PAUSED) {
            queues.forEach(q -> m.put(q, reason == null ? "" : reason));
        }
        return m;
    }
}
