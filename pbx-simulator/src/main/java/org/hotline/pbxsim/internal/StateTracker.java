package org.hotline.pbxsim.internal;

import java.util.List;
import java.util.Map;

/** Keeps channels, queue callers and members in step with replayed events, so list actions reflect them. */
final class StateTracker {

    private final Sim sim;

    StateTracker(Sim sim) {
        this.sim = sim;
    }

    void apply(String event, List<Map.Entry<String, String>> headers) {
        Map<String, String> h = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : headers) {
            h.putIfAbsent(e.getKey(), e.getValue());
        }
        for (String prefix : new String[] {"", "Dest", "LocalOne", "LocalTwo", "Transferer", "Transferee"}) {
            update(prefix, h, event.equals("Newchannel") && prefix.isEmpty());
        }
        SimChannel c = h.get("Channel") == null ? null : sim.channels.get(h.get("Channel"));
        switch (event) {
            case "Newexten" -> {
                if (c != null) {
                    c.application = h.getOrDefault("Application", "");
                    c.applicationData = h.getOrDefault("AppData", "");
                }
            }
            case "VarSet" -> {
                if (c != null) {
                    c.setVar(h.getOrDefault("Variable", ""), h.getOrDefault("Value", ""));
                }
            }
            case "Hangup" -> {
                if (c != null) {
                    sim.remove(c);
                    for (QueueState q : sim.queues.values()) {
                        q.remove(c);
                    }
                }
            }
            case "BridgeEnter" -> {
                if (c != null) {
                    c.bridgeId = h.getOrDefault("BridgeUniqueid", "");
                }
            }
            case "BridgeLeave" -> {
                if (c != null) {
                    c.bridgeId = "";
                }
            }
            case "QueueCallerJoin" -> {
                if (c != null) {
                    QueueState q = queue(h.get("Queue"));
                    q.entries.add(new QueueState.Entry(c, null, sim.clock.simNanos()));
                }
            }
            case "QueueCallerLeave" -> {
                if (c != null) {
                    queue(h.get("Queue")).remove(c);
                }
            }
            case "QueueCallerAbandon" -> queue(h.get("Queue")).abandoned++;
            case "AgentComplete" -> queue(h.get("Queue")).completed++;
            case "QueueMemberStatus", "QueueMemberPause", "QueueMemberAdded", "QueueMemberPenalty",
                    "QueueMemberRinginuse" -> member(h);
            case "QueueMemberRemoved" -> queue(h.get("Queue")).members.remove(h.get("Interface"));
            default -> {
                // other events carry no state the list actions show
            }
        }
    }

    private QueueState queue(String name) {
        return sim.queues.computeIfAbsent(name == null ? "" : name, QueueState::new);
    }

    private void update(String p, Map<String, String> h, boolean create) {
        String name = h.get(p + "Channel");
        if (name == null || h.get(p + "Uniqueid") == null) {
            return;
        }
        SimChannel c = sim.channels.get(name);
        if (c == null) {
            if (!create) {
                return;
            }
            c = new SimChannel(name, h.get(p + "Uniqueid"), h.getOrDefault(p + "Linkedid", h.get(p + "Uniqueid")),
                    0, "", "", sim.clock.simNanos());
            sim.add(c);
        }
        c.state = parse(h.get(p + "ChannelState"), c.state);
        c.callerNum = h.getOrDefault(p + "CallerIDNum", c.callerNum);
        c.callerName = h.getOrDefault(p + "CallerIDName", c.callerName);
        c.connectedNum = h.getOrDefault(p + "ConnectedLineNum", c.connectedNum);
        c.connectedName = h.getOrDefault(p + "ConnectedLineName", c.connectedName);
        c.language = h.getOrDefault(p + "Language", c.language);
        c.context = h.getOrDefault(p + "Context", c.context);
        c.exten = h.getOrDefault(p + "Exten", c.exten);
        c.priority = parse(h.get(p + "Priority"), c.priority);
    }

    private void member(Map<String, String> h) {
        QueueState q = queue(h.get("Queue"));
        String iface = h.get("Interface");
        if (iface == null) {
            return;
        }
        Member m = q.members.get(iface);
        if (m == null) {
            m = new Member(q.name, h.getOrDefault("MemberName", iface), iface, h.getOrDefault("StateInterface", iface),
                    sim.device(iface), h.getOrDefault("Membership", "dynamic"), 0, sim.clock.epochSeconds());
            q.members.put(iface, m);
        }
        m.membership = h.getOrDefault("Membership", m.membership);
        m.penalty = parse(h.get("Penalty"), m.penalty);
        m.callsTaken = parse(h.get("CallsTaken"), m.callsTaken);
        m.lastCall = parseLong(h.get("LastCall"), m.lastCall);
        m.lastPause = parseLong(h.get("LastPause"), m.lastPause);
        m.loginTime = parseLong(h.get("LoginTime"), m.loginTime);
        m.inCall = "1".equals(h.getOrDefault("InCall", m.inCall ? "1" : "0"));
        m.paused = "1".equals(h.getOrDefault("Paused", m.paused ? "1" : "0"));
        m.pausedReason = h.getOrDefault("PausedReason", m.pausedReason);
        m.ringinuse = "1".equals(h.getOrDefault("Ringinuse", m.ringinuse ? "1" : "0"));
        m.device.status = parse(h.get("Status"), m.device.status);
    }

    private static int parse(String v, int fallback) {
        try {
            return v == null || v.isEmpty() ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long parseLong(String v, long fallback) {
        try {
            return v == null || v.isEmpty() ? fallback : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
