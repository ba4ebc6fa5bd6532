package org.hotline.pbxsim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * QueuePause, QueueAdd, QueueRemove, QueuePenalty and QueueMemberRingInUse, with the member events of capture 04.
 * As in Asterisk 22 (observed on the lab's), the Interface must name the member exactly: {@code Local/1001@agents}
 * is not the member {@code Local/1001@agents/n} (QueuePause: "Interface not found"; QueueAdd adds a second member).
 */
final class QueueActions {

    private final Sim sim;
    private final CallEngine engine;
    private final Events ev;

    QueueActions(CallEngine engine) {
        this.sim = engine.sim;
        this.engine = engine;
        this.ev = engine.ev;
    }

    void handle(ActionHandler h, AmiSession s, String action, Action a) {
        String id = a.actionId();
        String iface = a.get("Interface");
        String queue = a.get("Queue");
        if (iface == null || iface.isEmpty()) {
            h.error(s, id, "'Interface' not specified.");
            return;
        }
        switch (action) {
            case "queuepause" -> pause(h, s, a, iface, queue);
            case "queueadd" -> add(h, s, a, iface, queue);
            case "queueremove" -> remove(h, s, id, iface, queue);
            case "queuepenalty" -> penalty(h, s, a, iface, queue);
            default -> ringInUse(h, s, a, iface, queue);
        }
    }

    private List<Member> targets(String iface, String queue) {
        List<Member> out = new ArrayList<>();
        for (Member m : sim.memberships(iface)) {
            // sim.memberships also finds Local/x@agents/n for Local/x@agents (for channels); actions match exactly
            if (m.iface.equals(iface) && ListActions.selects(queue, m.queue)) {
                out.add(m);
            }
        }
        return out;
    }

    private void pause(ActionHandler h, AmiSession s, Action a, String iface, String queue) {
        List<Member> members = targets(iface, queue);
        if (members.isEmpty()) {
            h.error(s, a.actionId(), "Interface not found");
            return;
        }
        boolean paused = a.flag("Paused");
        String reason = a.get("Reason", "");
        h.success(s, a.actionId(), paused ? "Interface paused successfully" : "Interface unpaused successfully");
        for (Member m : members) {
            m.paused = paused;
            m.pausedReason = paused ? reason : "";
            if (paused) {
                m.lastPause = sim.clock.epochSeconds();
            }
            ev.deviceState("Queue:" + m.queue + "_pause_" + m.iface, paused ? "INUSE" : "NOT_INUSE");
            ev.member("QueueMemberPause", m);
        }
        if (!paused) {
            engine.dispatcher.dispatchFor(iface);
        }
    }

    private void add(ActionHandler h, AmiSession s, Action a, String iface, String queue) {
        QueueState q = queue == null ? null : sim.queue(queue);
        if (q == null) {
            h.error(s, a.actionId(), "Unable to add interface to queue: No such queue");
            return;
        }
        if (q.members.containsKey(iface)) {
            h.error(s, a.actionId(), "Unable to add interface: Already there");
            return;
        }
        String ext = Member.extensionOf(iface);
        String name = a.get("MemberName", iface);
        String state = a.get("StateInterface", iface);
        int penalty = parse(a.get("Penalty"));
        Member m = new Member(q.name, name, iface, state, sim.device(iface), "dynamic", penalty,
                sim.clock.epochSeconds());
        m.paused = a.flag("Paused");
        m.pausedReason = m.paused && a.get("Reason") != null ? a.get("Reason") : "";
        for (Member other : sim.memberships(iface)) {
            m.lastCall = Math.max(m.lastCall, other.lastCall);
        }
        q.members.put(iface, m);
        h.success(s, a.actionId(), "Added interface to queue");
        ev.deviceState("Queue:" + q.name + "_pause_" + iface, m.paused ? "INUSE" : "NOT_INUSE");
        ev.member("QueueMemberAdded", m);
        if (!ext.isEmpty()) {
            engine.dispatcher.dispatch(q);
        }
    }

    private void remove(ActionHandler h, AmiSession s, String id, String iface, String queue) {
        QueueState q = queue == null ? null : sim.queue(queue);
        if (q == null) {
            h.error(s, id, "Unable to remove interface from queue: No such queue");
            return;
        }
        Member m = q.members.get(iface);
        if (m == null) {
            h.error(s, id, "Unable to remove interface: Not there");
            return;
        }
        if (!"dynamic".equals(m.membership)) {
            h.error(s, id, "Unable to remove interface: Not dynamic");
            return;
        }
        q.members.remove(m.iface);
        h.success(s, id, "Removed interface from queue");
        ev.member("QueueMemberRemoved", m);
    }

    private void penalty(ActionHandler h, AmiSession s, Action a, String iface, String queue) {
        int penalty = parse(a.get("Penalty"));
        change(h, s, a.actionId(), targets(iface, queue), "Invalid interface, queuename or penalty",
                "Interface penalty set successfully", "QueueMemberPenalty", m -> m.penalty = penalty);
    }

    private void ringInUse(ActionHandler h, AmiSession s, Action a, String iface, String queue) {
        boolean ringInUse = a.flag("RingInUse");
        change(h, s, a.actionId(), targets(iface, queue), "Invalid interface, queuename, or ringinuse value",
                "Interface ringinuse set successfully", "QueueMemberRinginuse", m -> m.ringinuse = ringInUse);
    }

    /** Changes the memberships an action names and reports each in an event, or answers the error for none. */
    private void change(ActionHandler h, AmiSession s, String id, List<Member> members, String invalid, String done,
            String event, Consumer<Member> change) {
        if (members.isEmpty()) {
            h.error(s, id, invalid);
            return;
        }
        h.success(s, id, done);
        for (Member m : members) {
            change.accept(m);
            ev.member(event, m);
        }
    }

    private static int parse(String v) {
        try {
            return v == null || v.isEmpty() ? 0 : Math.max(0, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
