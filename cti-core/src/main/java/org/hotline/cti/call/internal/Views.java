package org.hotline.cti.call.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentView;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallView;
import org.hotline.cti.call.QueueMembership;
import org.hotline.cti.call.TrackerStats;

/** Immutable snapshots of the engine's tables for readers on other threads. */
public final class Views {

    private Views() {
    }

    /** The order of {@link #calls}, sorted by the reader outside the tracker's lock. */
    public static final Comparator<CallView> OLDEST_FIRST = (a, b) -> compareNullable(a.startedAt(), b.startedAt());

    /** The order of {@link #agents}, sorted by the reader outside the tracker's lock. */
    public static final Comparator<AgentView> BY_INTERFACE = Comparator.comparing(v -> v.agent().value());

    /** Every call the engine tracks, in no order (see {@link #OLDEST_FIRST}); a new list the caller may sort. */
    public static List<CallView> calls(TrackerEngine e) {
        List<CallView> out = new ArrayList<>(e.calls.size());
        for (Call c : e.calls.values()) {
            out.add(call(c));
        }
        return out;
    }

    /** The call with this Linkedid, or null. */
    public static CallView call(TrackerEngine e, String linkedid) {
        Call c = e.calls.get(linkedid);
        return c == null ? null : call(c);
    }

    static CallView call(Call c) {
        // most calls are as they were at the last snapshot: their view is kept, their variables not copied again
        if (c.view != null && unchanged(c.view, c)) {
            return c.view;
        }
        c.view = view(c);
        c.variablesRead();
        return c.view;
    }

    /** Whether {@code v} is what {@link #view(Call)} would build from {@code c} now, the variables by their changes. */
    static boolean unchanged(CallView v, Call c) {
        Leg connected = c.connected;
        if (v.state() != c.state || !v.caller().equals(c.caller) || !Objects.equals(v.queue(), c.queue)
                || !Objects.equals(v.agent(), connected == null ? null : connected.agent)
                || !Objects.equals(v.memberName(), connected == null ? null : connected.memberName)
                || !Objects.equals(v.startedAt(), TrackerEngine.instant(c.startedMicros))
                || !Objects.equals(v.queuedAt(), TrackerEngine.instant(c.queuedMicros))
                || !Objects.equals(v.answeredAt(), TrackerEngine.instant(c.answeredMicros))
                || !c.variablesAsRead()) {
            return false;
        }
        // the same agents ringing: each ringing leg's agent in the view, and as many distinct ones as the view holds
        int distinct = 0;
        for (int i = 0; i < c.rings.size(); i++) {
            AgentInterface agent = c.rings.get(i).agent;
            if (agent == null) {
                continue;
            }
            if (!v.ringing().contains(agent)) {
                return false;
            }
            boolean seen = false;
            for (int j = 0; j < i && !seen; j++) {
                seen = agent.equals(c.rings.get(j).agent);
            }
            distinct += seen ? 0 : 1;
        }
        return distinct == v.ringing().size();
    }

    private static CallView view(Call c) {
        Set<AgentInterface> ringing = new LinkedHashSet<>();
        for (Leg l : c.rings) {
            if (l.agent != null) {
                ringing.add(l.agent);
            }
        }
        return new CallView(c.id, c.state, c.caller, c.queue, c.connected == null ? null : c.connected.agent,
                c.connected == null ? null : c.connected.memberName, ringing, TrackerEngine.instant(c.startedMicros),
                TrackerEngine.instant(c.queuedMicros), TrackerEngine.instant(c.answeredMicros), c.variables());
    }

    /** Every queue member interface the engine knows, in no order (see {@link #BY_INTERFACE}); a new list. */
    public static List<AgentView> agents(TrackerEngine e) {
        // derived from the calls on demand, so it is never stale and costs the hot path nothing
        Map<AgentInterface, CallId> callOf = new HashMap<>();
        for (Call c : e.calls.values()) {
            for (Leg l : c.rings) {
                if (l.agent != null) {
                    callOf.put(l.agent, c.id);
                }
            }
            if (c.connected != null && c.connected.agent != null) {
                callOf.put(c.connected.agent, c.id);
            }
        }
        List<AgentView> out = new ArrayList<>(e.agents.size());
        for (Agent a : e.agents.values()) {
            CallId call = callOf.get(a.agent);
            // most agents are as they were at the last snapshot: their view is kept, not rebuilt under the lock
            AgentView view = a.view != null && unchanged(a.view, a, call) ? a.view : view(a, call);
            a.view = view;
            out.add(view);
        }
        return out;
    }

    private static AgentView view(Agent a, CallId call) {
        Set<String> paused = new LinkedHashSet<>();
        Map<String, String> reasons = new HashMap<>();
        for (Map.Entry<String, Agent.Membership> ms : a.memberships.entrySet()) {
            if (ms.getValue().paused) {
                paused.add(ms.getKey());
                reasons.put(ms.getKey(), ms.getValue().pausedReason);
            }
        }
        return new AgentView(a.agent, a.memberInterface, a.memberName, a.state, a.pausedReason, a.queues, paused,
                reasons, call, TrackerEngine.instant(a.sinceMicros));
    }

    /** Whether {@code v} is what {@link #view} would build from {@code a} now: every input compared, nothing built. */
    static boolean unchanged(AgentView v, Agent a, CallId call) {
        String member = a.memberInterface == null || a.memberInterface.isBlank() ? a.agent.value() : a.memberInterface;
        if (v.state() != a.state || !Objects.equals(v.pausedReason(), a.pausedReason)
                || !v.memberInterface().equals(member) || !Objects.equals(v.memberName(), a.memberName)
                || !Objects.equals(v.call(), call) || !Objects.equals(v.since(), TrackerEngine.instant(a.sinceMicros))
                || !v.queues().equals(a.queues)) {
            return false;
        }
        int paused = 0;
        for (Map.Entry<String, Agent.Membership> ms : a.memberships.entrySet()) {
            if (ms.getValue().paused) {
                paused++;
                if (!v.pausedQueues().contains(ms.getKey())
                        || !Objects.equals(v.pauseReasons().get(ms.getKey()), ms.getValue().pausedReason)) {
                    return false;
                }
            }
        }
        return paused == v.pausedQueues().size();
    }

    /** Every queue membership the PBX reported, by queue then interface. */
    public static List<QueueMembership> memberships(TrackerEngine e) {
        List<QueueMembership> out = new ArrayList<>();
        for (Agent a : e.agents.values()) {
            a.memberships.forEach((queue, ms) -> out.add(new QueueMembership(queue, a.agent, a.memberInterface,
                    a.memberName, ms.penalty, ms.paused)));
        }
        out.sort(java.util.Comparator.comparing(QueueMembership::queue).thenComparing(m -> m.agent().value()));
        return out;
    }

    /** The queues the PBX reported in its last complete member list. */
    public static java.util.Set<String> pbxQueues(TrackerEngine e) {
        return java.util.Set.copyOf(e.pbxQueues);
    }

    /** The exact member interface of a current queue member, or null when the interface is in no queue. */
    public static String memberInterface(TrackerEngine e, AgentInterface agent) {
        Agent a = e.agents.get(agent);
        return a == null || a.memberships.isEmpty() ? null : a.memberInterface;
    }

    /** The counters with the current table sizes. */
    public static TrackerStats stats(TrackerEngine e, long sinkFailures) {
        TrackerCounters c = e.counters;
        return new TrackerStats(c.messages, c.events, c.responses, c.handled, c.ignored, c.unknown,
                c.unknownByName, c.malformed, c.missingFields, c.unknownChannels, c.listItems, c.resyncs, c.emitted,
                sinkFailures, e.calls.size(), e.agents.size());
    }

    private static <T extends Comparable<T>> int compareNullable(T a, T b) {
        return a == null ? (b == null ? 0 : 1) : b == null ? -1 : a.compareTo(b);
    }

    /**
     * The channel of the live leg of call {@code linkedid} that is on {@code agent} (or, with a null agent, of the
     * caller), preferring the half that sits in a bridge; null when there is none.
     */
    public static String channel(TrackerEngine e, String linkedid, AgentInterface agent) {
        Call c = e.calls.get(linkedid);
        if (c == null) {
            return null;
        }
        Leg leg = null;
        if (agent == null) {
            leg = c.callerLeg;
        } else {
            for (Leg l : c.legs) {
                if (!l.ended && agent.equals(l.agent)) {
                    leg = l;
                }
            }
        }
        if (leg == null && agent != null) {
            // a leg the tracker did not mark as the agent's (an originated click-to-dial): match by channel name
            for (Leg l : c.legs) {
                for (Channel ch : l.channels) {
                    if (!l.ended && agent.equals(AgentInterface.of(ch.name))) {
                        leg = l;
                    }
                }
            }
        }
        if (leg == null || leg.ended || leg.channels.isEmpty()) {
            return null;
        }
        for (Channel ch : leg.channels) {
            if (ch.bridgeId != null && !ch.bridgeId.isEmpty()) {
                return ch.name;
            }
        }
        for (Channel ch : leg.channels) {
            if (ch.wasBridged) {
                // out of its bridge (on hold): the half that talked is the one to bridge back
                return ch.name;
            }
        }
        return leg.primary().name;
    }
}
