package org.hotline.cti.call.internal;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentState;
import org.hotline.cti.call.AgentStateChanged;

/**
 * Queue member events: one membership per (interface, queue), folded into one agent state; an agent in two
 * queues gets one QueueMemberStatus per queue, so only a change of the aggregate is an event.
 */
final class MemberHandlers {

    private final TrackerEngine e;

    MemberHandlers(TrackerEngine engine) {
        this.e = engine;
    }

    /** QueueMemberStatus/Pause/Added/Ringinuse (Interface, MemberName) or a QueueMember row (Location, Name). */
    void update(AmiMessage m, String interfaceField, String nameField) {
        String queue = e.required(m, "Queue");
        String raw = e.required(m, interfaceField);
        if (queue == null || raw == null) {
            return;
        }
        AgentInterface ai = e.memberInterface(raw);
        if (ai == null) {
            return;
        }
        Agent a = agent(ai);
        a.memberInterface = raw.trim();
        apply(a, queue, m, nameField);
        recompute(a);
    }

    /** QueueMemberRemoved. */
    void remove(AmiMessage m) {
        String queue = e.required(m, "Queue");
        String raw = e.required(m, "Interface");
        if (queue == null || raw == null) {
            return;
        }
        AgentInterface ai = e.memberInterface(raw);
        Agent a = ai == null ? null : e.agents.get(ai);
        if (a != null && a.memberships.remove(queue) != null) {
            recompute(a);
        }
    }

    Agent agent(AgentInterface ai) {
        Agent a = e.agents.get(ai);
        if (a == null) {
            a = new Agent(ai);
            a.sinceMicros = e.now();
            e.agents.put(ai, a);
        }
        return a;
    }

    /** Copies one member snapshot (Status, Paused, PausedReason, Penalty, Ringinuse) into the membership. */
    void apply(Agent a, String queue, AmiMessage m, String nameField) {
        String name = m.get(nameField);
        if (name != null && !name.isEmpty()) {
            a.memberName = name;
        }
        Agent.Membership ms = a.memberships.get(queue);
        if (ms == null) {
            ms = new Agent.Membership();
            a.memberships.put(queue, ms);
        }
        int status = e.intField(m, "Status", Fields.NO_INT);
        if (status != Fields.NO_INT) {
            ms.status = status;
            a.deviceStatus = status;
        }
        String paused = m.get("Paused");
        if (paused != null) {
            ms.paused = "1".equals(paused) || "true".equalsIgnoreCase(paused);
        }
        ms.pausedReason = m.get("PausedReason", "");
        ms.penalty = e.intField(m, "Penalty", ms.penalty);
        String ringInUse = m.get("Ringinuse");
        if (ringInUse != null) {
            ms.ringInUse = "1".equals(ringInUse) || "true".equalsIgnoreCase(ringInUse);
        }
    }

    /**
     * Derives the aggregate state and emits AgentStateChanged when state, pause reason, queue set or the set of
     * paused queues changed: an agent in several queues gets one QueueMemberPause per queue, and the last of an
     * unpause everywhere leaves the state READY as the one before it did, so only the paused queues tell them apart.
     */
    void recompute(Agent a) {
        boolean allPaused = !a.memberships.isEmpty();
        String reason = null;
        Map<String, String> paused = new TreeMap<>();
        for (Map.Entry<String, Agent.Membership> entry : a.memberships.entrySet()) {
            Agent.Membership ms = entry.getValue();
            allPaused &= ms.paused;
            if (ms.paused) {
                paused.put(entry.getKey(), ms.pausedReason);
                if (reason == null && !ms.pausedReason.isEmpty()) {
                    reason = ms.pausedReason;
                }
            }
        }
        AgentState state = AgentStates.derive(a.memberships.size(), allPaused, a.deviceStatus);
        String pausedReason = state == AgentState.PAUSED ? (reason == null ? "" : reason) : null;
        boolean queuesChanged = !sameQueues(a.queues, a.memberships);
        if (state == a.state && Objects.equals(pausedReason, a.pausedReason) && !queuesChanged
                && paused.equals(a.pausedQueues)) {
            return;
        }
        if (queuesChanged) {
            a.queues = Collections.unmodifiableSet(new LinkedHashSet<>(a.memberships.keySet()));
        }
        if (state != a.state) {
            a.sinceMicros = e.now();
        }
        a.state = state;
        a.pausedReason = pausedReason;
        a.pausedQueues = Collections.unmodifiableMap(paused);
        e.emit(new AgentStateChanged(a.agent, a.memberName, state, pausedReason, a.queues, a.pausedQueues,
                e.nowInstant()));
    }

    private static boolean sameQueues(Set<String> queues, Map<String, Agent.Membership> memberships) {
        if (queues.size() != memberships.size()) {
            return false;
        }
        for (String q : memberships.keySet()) {
            if (!queues.contains(q)) {
                return false;
            }
        }
        return true;
    }
}
