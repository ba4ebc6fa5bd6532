package org.hotline.cti.call.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentRingStopped;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.Caller;

/**
 * Rebuilds calls and agents from the lists asked after every (re)login: {@code CoreShowChannels} (one
 * CoreShowChannel per channel) and {@code QueueStatus} (QueueMember and QueueEntry rows, with their own field
 * names: Name/Location, {@code unknown} for an empty caller name). What changed while we were away becomes events.
 * A member list asked while live (the periodic member re-sync) reconciles the members alone.
 */
final class Resync {

    private static final String GONE = "Ended while disconnected";

    private final TrackerEngine e;
    private final MemberHandlers members;
    private final List<AmiMessage> channelRows = new ArrayList<>();
    private final List<AmiMessage> memberRows = new ArrayList<>();
    private final List<AmiMessage> entryRows = new ArrayList<>();
    private final Map<String, MemberList> memberLists = new HashMap<>();
    private boolean active;

    Resync(TrackerEngine engine, MemberHandlers members) {
        this.e = engine;
        this.members = members;
    }

    boolean active() {
        return active;
    }

    void begin() {
        active = true;
        channelRows.clear();
        memberRows.clear();
        entryRows.clear();
    }

    void member(AmiMessage m) {
        memberRows.add(m);
    }

    void item(String name, AmiMessage m) {
        (name.equals("CoreShowChannel") ? channelRows : entryRows).add(m);
    }

    void finish() {
        active = false;
        try {
            reconcileAgents();
            reconcileCalls();
        } finally {
            channelRows.clear();
            memberRows.clear();
            entryRows.clear();
        }
    }

    private void reconcileAgents() {
        Map<AgentInterface, List<AmiMessage>> rows = new LinkedHashMap<>();
        for (AmiMessage row : memberRows) {
            String queue = e.required(row, "Queue");
            String location = e.required(row, "Location");
            AgentInterface ai = queue == null || location == null ? null : e.memberInterface(location);
            if (ai != null) {
                rows.computeIfAbsent(ai, k -> new ArrayList<>(2)).add(row);
            }
        }
        for (Agent a : new ArrayList<>(e.agents.values())) {
            if (!rows.containsKey(a.agent) && !a.memberships.isEmpty()) {
                a.memberships.clear();
                members.recompute(a);
            }
        }
        for (Map.Entry<AgentInterface, List<AmiMessage>> entry : rows.entrySet()) {
            Agent a = members.agent(entry.getKey());
            a.memberships.clear();
            for (AmiMessage row : entry.getValue()) {
                a.memberInterface = row.get("Location").trim();
                members.apply(a, row.get("Queue"), row, "Name");
            }
            members.recompute(a);
        }
    }

    // ---------------------------------------------------------------- periodic member re-sync

    /** The response of a member list the tracker asked for: its rows follow. */
    void startMemberList(String actionId) {
        if (memberLists.size() >= 8) {
            // lists whose Complete never came (connection lost mid-list): the next one starts clean
            memberLists.clear();
        }
        memberLists.put(actionId, new MemberList());
    }

    /** A QueueMember row of a member list the tracker asked for; false when that list was not started. */
    boolean memberListRow(String actionId, AmiMessage m) {
        MemberList list = memberLists.get(actionId);
        if (list == null) {
            return false;
        }
        list.rows.add(m);
        return true;
    }

    /**
     * The member list (an unfiltered QueueStatus) is complete: members not listed are removed and listed ones take
     * the row's state (a {@code queue reload members} sends no event at all), each change one AgentStateChanged
     * as a live event would give. A queue the list does not name no longer exists ({@code queue reload all} after
     * its section was deleted also sends no event), so its memberships go too.
     */
    void finishMemberList(String actionId) {
        MemberList list = memberLists.remove(actionId);
        if (list == null) {
            return;
        }
        if (!list.queues.isEmpty()) {
            e.pbxQueues.clear();
            e.pbxQueues.addAll(list.queues);
        }
        Map<AgentInterface, List<AmiMessage>> rows = new LinkedHashMap<>();
        for (AmiMessage row : list.rows) {
            String queue = e.required(row, "Queue");
            String location = e.required(row, "Location");
            AgentInterface ai = queue == null || location == null ? null : e.memberInterface(location);
            if (ai != null) {
                rows.computeIfAbsent(ai, k -> new ArrayList<>(2)).add(row);
            }
        }
        for (Agent a : new ArrayList<>(e.agents.values())) {
            List<AmiMessage> listed = rows.getOrDefault(a.agent, List.of());
            boolean removed = a.memberships.keySet().removeIf(q -> !names(listed, q));
            if (removed && !rows.containsKey(a.agent)) {
                members.recompute(a);
            }
        }
        for (Map.Entry<AgentInterface, List<AmiMessage>> entry : rows.entrySet()) {
            Agent a = members.agent(entry.getKey());
            for (AmiMessage row : entry.getValue()) {
                a.memberInterface = row.get("Location").trim();
                members.apply(a, row.get("Queue"), row, "Name");
            }
            members.recompute(a);
        }
    }

    private static boolean names(List<AmiMessage> rows, String queue) {
        for (AmiMessage row : rows) {
            if (queue.equals(row.get("Queue"))) {
                return true;
            }
        }
        return false;
    }

    /** One member list being collected: its QueueMember rows and the queues it names (QueueParams). */
    private static final class MemberList {
        final List<AmiMessage> rows = new ArrayList<>();
        final java.util.Set<String> queues = new java.util.TreeSet<>();
    }

    /** A QueueParams row of a member list the tracker asked for; false when that list was not started. */
    boolean memberListQueue(String actionId, String queue) {
        MemberList list = memberLists.get(actionId);
        if (list == null) {
            return false;
        }
        list.queues.add(queue);
        return true;
    }

    private void reconcileCalls() {
        Map<String, List<AmiMessage>> byLinkedid = new LinkedHashMap<>();
        for (AmiMessage row : channelRows) {
            String uid = e.required(row, "Uniqueid");
            String linkedid = e.required(row, "Linkedid");
            if (uid != null && linkedid != null) {
                byLinkedid.computeIfAbsent(linkedid, k -> new ArrayList<>(4)).add(row);
            }
        }
        Map<String, AmiMessage> entries = new HashMap<>();
        for (AmiMessage row : entryRows) {
            String uid = e.required(row, "Uniqueid");
            if (uid != null && e.required(row, "Queue") != null) {
                entries.put(uid, row);
            }
        }
        Instant at = e.nowInstant();
        for (Call old : new ArrayList<>(e.calls.values())) {
            if (!byLinkedid.containsKey(old.id.value())) {
                uninstall(old);
                e.calls.remove(old.id.value());
                boolean known = old.cause != Fields.NO_INT;
                e.emit(new CallEnded(old.id, old.caller, known ? old.cause : 0, known ? old.causeText : GONE, at));
            }
        }
        for (Map.Entry<String, List<AmiMessage>> group : byLinkedid.entrySet()) {
            Call old = e.calls.get(group.getKey());
            Call fresh = new ResyncedCall(e, old == null ? new CallId(group.getKey()) : old.id, group.getValue(),
                    entries).build(old);
            diff(old, fresh, at);
            if (old != null) {
                uninstall(old);
            }
            install(fresh);
        }
    }

    /** Events for what happened to a call while we did not listen: new rings, rings gone, a new connection. */
    private void diff(Call old, Call fresh, Instant at) {
        Caller caller = fresh.caller;
        if (old == null) {
            for (Leg ring : fresh.rings) {
                e.emit(CallHandlers.ringing(fresh, ring, caller, e.since(fresh.queuedMicros), at));
            }
            return;
        }
        AgentInterface oldConnected = old.connected == null ? null : old.connected.agent;
        AgentInterface newConnected = fresh.connected == null ? null : fresh.connected.agent;
        for (Leg ring : fresh.rings) {
            if (!rings(old, ring.agent) && !ring.agent.equals(oldConnected)) {
                e.emit(CallHandlers.ringing(fresh, ring, caller, e.since(fresh.queuedMicros), at));
            }
        }
        for (Leg ring : old.rings) {
            if (!rings(fresh, ring.agent) && !ring.agent.equals(newConnected)) {
                e.emit(new AgentRingStopped(old.id, ring.agent, ring.ringQueue, AgentRingStopped.Reason.CANCELLED,
                        e.since(ring.ringStartedMicros), at));
            }
        }
        if (newConnected != null && !newConnected.equals(oldConnected)) {
            e.emit(CallHandlers.answered(fresh, fresh.connected, fresh.queue, e.since(fresh.queuedMicros), at));
        }
    }

    private static boolean rings(Call call, AgentInterface agent) {
        for (Leg l : call.rings) {
            if (agent.equals(l.agent)) {
                return true;
            }
        }
        return false;
    }

    private void uninstall(Call call) {
        for (Leg leg : call.legs) {
            for (Channel c : leg.channels) {
                e.forgetChannel(c);
            }
        }
    }

    private void install(Call call) {
        e.calls.put(call.id.value(), call);
        for (Leg leg : call.legs) {
            for (Channel c : leg.channels) {
                e.channels.put(c.uniqueid, c);
                if (!c.name.isEmpty()) {
                    e.channelsByName.put(c.name, c);
                }
            }
        }
    }

    /** True when the resynced call keeps the old call's hold state (still connected to the same agent). */
    static boolean stillHeld(Call old, Call fresh) {
        return old != null && old.state == CallState.ON_HOLD && fresh.state == CallState.TALKING
                && old.connected != null && fresh.connected != null
                && old.connected.agent.equals(fresh.connected.agent);
    }
}
