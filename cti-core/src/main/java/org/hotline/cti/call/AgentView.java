package org.hotline.cti.call;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A snapshot of one queue member interface: the interface exactly as the PBX names the member
 * ({@code Local/1001@agents/n}, what queue actions must send), its aggregate state since {@code since}, the pause
 * reason while {@link AgentState#PAUSED}, the queues it belongs to and those it is paused in (with each queue's
 * PausedReason in {@code pauseReasons}), and the call it rings for or talks on ({@code call} null when none).
 */
public record AgentView(AgentInterface agent, String memberInterface, String memberName, AgentState state,
                        String pausedReason, Set<String> queues, Set<String> pausedQueues,
                        Map<String, String> pauseReasons, CallId call, Instant since) {

    /** Copies the sets; the member interface defaults to the normalized one. */
    public AgentView {
        memberInterface = memberInterface == null || memberInterface.isBlank() ? agent.value() : memberInterface;
        queues = Set.copyOf(queues);
        pausedQueues = Set.copyOf(pausedQueues);
        pauseReasons = Collections.unmodifiableMap(new TreeMap<>(pauseReasons));
    }

    /** A view whose member interface is the normalized one and whose paused queues gave no reason. */
    public AgentView(AgentInterface agent, String memberName, AgentState state, String pausedReason,
                     Set<String> queues, Set<String> pausedQueues, CallId call, Instant since) {
        this(agent, null, memberName, state, pausedReason, queues, pausedQueues, noReasons(pausedQueues, state,
                pausedReason), call, since);
    }

    private static Map<String, String> noReasons(Set<String> paused, AgentState state, String reason) {
        Map<String, String> m = new TreeMap<>();
        paused.forEach(q -> m.put(q, state == AgentState.PAUSED && reason != null ? reason : ""));
        return m;
    }
}
