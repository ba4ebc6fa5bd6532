package org.hotline.pbxsim.internal;

import java.util.ArrayList;
import java.util.List;

/** QueuePause, QueueAdd, QueueRemove, QueuePenalty and QueueMemberRingInUse, with the member events of capture 04. */
final class QueueActions {

    private final Sim sim;
    private final CallEngine engine;
    private final Events ev;

    QueueActions(Sim sim, CallEngine engine) {
        this.sim = sim;
        this.engine = engine;
        this.ev = engine.ev;
    }

    void handle(ActionHandler h, AmiSession s, String action, Action a) {
        String id = a.actionId();
        String iface = a.get("Interface");
        String queue = a.get("Queue");
        if (iface == null || iface.isEmpty()) {
            h.reply(s, Frame.response("Error", id).add("Message", "'Interface' not specified."));
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
            if (queue == null || queue.isEmpty() || queue.equals(m.queue)) {
                out.add(m);
            }
        }
        return out;
    }

    private void pause(ActionHandler h, AmiSession s, Action a, String iface, String queue) {
        List<Member> members = targets(iface, queue);
        if (members.isEmpty()) {
            h.reply(s, Frame.response("Error", a.actionId()).add("Message", "Interface not found"));
            return;
        }
        boolean paused = a.flag("Paused");
        String reason = a.get("Reason") == null ? "" : a.get("Reason");
        h.reply(s, Frame.response("Success", a.actionId()).add("Message",
                paused ? "Interface paused successfully" : "Interface unpaused successfully"));
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
            h.reply(s, Frame.response("Error", a.actionId()).add("Message",
                    "Unable to add interface to queue: No such queue"));
            return;
        }
        if (q.members.containsKey(iface)) {
            h.reply(s, Frame.response("Error", a.actionId()).add("Message", "Unable to add interface: Already there"));
            return;
        }
        String ext = Member.extensionOf(iface);
        String name = a.get("MemberName") == null ? iface : a.get("MemberName");
        String state = a.get("StateInterface") == null ? iface : a.get("StateInterface");
        int penalty = parse(a.get("Penalty"));
        Member m = new Member(q.name, name, iface, state, sim.device(iface), "dynamic", penalty,
                sim.clock.epochSeconds());
        m.paused = a.flag("Paused");
        m.pausedReason = m.paused && a.get("Reason") != null ? a.get("Reason") : "";
        for (Member other : sim.memberships(iface)) {
            m.lastCall = Math.max(m.lastCall, other.lastCall);
        }
        q.members.put(iface, m);
        h.reply(s, Frame.response("Success", a.actionId()).add("Message", "Added interface to queue"));
        ev.deviceState("Queue:" + q.name + "_pause_" + iface, m.paused ? "INUSE" : "NOT_INUSE");
        ev.member("QueueMemberAdded", m);
        if (!ext.isEmpty()) {
            engine.dispatcher.dispatch(q);
        }
    }

    private void remove(ActionHandler h, AmiSession s, String id, String iface, String queue) {
        QueueState q = queue == null ? null : sim.queue(queue);
        if (q == null) {
            h.reply(s, Frame.response("Error", id).add("Message",
                    "Unable to remove interface from queue: No such queue"));
            return;
        }
        Member m = q.members.get(iface);
        if (m == null) {
            h.reply(s, Frame.response("Error", id).add("Message", "Unable to remove interface: Not there"));
            return;
        }
        if (!"dynamic".equals(m.membership)) {
            h.reply(s, Frame.response("Error", id).add("Message", "Unable to remove interface: Not dynamic"));
            return;
        }
        q.members.remove(iface);
        h.reply(s, Frame.response("Success", id).add("Message", "Removed interface from queue"));
        ev.member("QueueMemberRemoved", m);
    }

    private void penalty(ActionHandler h, AmiSession s, Action a, String iface, String queue) {
        List<Member> members = targets(iface, queue);
        if (members.isEmpty()) {
            h.reply(s, Frame.response("Error", a.actionId()).add("Message", "Invalid interface, queuename or penalty"));
            return;
        }
        int penalty = parse(a.get("Penalty"));
        h.reply(s, Frame.response("Success", a.actionId()).add("Message", "Interface penalty set successfully"));
        for (Member m : members) {
            m.penalty = penalty;
            ev.member("QueueMemberPenalty", m);
        }
    }

    private void ringInUse(ActionHandler h, AmiSession s, Action a, String iface, String queue) {
        List<Member> members = targets(iface, queue);
        if (members.isEmpty()) {
            h.reply(s, Frame.response("Error", a.actionId()).add("Message",
                    "Invalid interface, queuename, or ringinuse value"));
            return;
        }
        h.reply(s, Frame.response("Success", a.actionId()).add("Message", "Interface ringinuse set successfully"));
        for (Member m : members) {
            m.ringinuse = a.flag("RingInUse");
            ev.member("QueueMemberRinginuse", m);
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
