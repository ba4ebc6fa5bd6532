package org.hotline.pbxsim.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Click-to-dial as Hotline sends it (ADR 0010): Originate of an agent's interface into the dial context. The
 * agent's phone rings and auto-answers after a second (the lab's agents are dialplan, not phones), then the context
 * dials the number over the trunk, which answers after two seconds and stays until either side hangs up. An
 * interface that is not a lab agent answers Error; a phone set offline or already busy is accepted and then fails
 * in its OriginateResponse (Reason 0 or 5), as Asterisk 22 answers an Async Originate.
 */
final class ClickToDial {

    private static final Pattern AGENT =
            Pattern.compile("(?:Local/([0-9]{2,8})@agents(?:/n)?|(?:PJSIP|SIP)/([0-9]{2,8}))");
    private static final long AGENT_ANSWER = 1_000_000_000L;
    private static final long TRUNK_ANSWER = 2_000_000_000L;

    /** One click-to-dial: the agent's Local legs, the trunk leg once dialled, and where it is. */
    static final class Dial {
        final String actionId;
        final String ext;
        final String number;
        final String context;
        final AgentDevice device;
        SimChannel a1;
        SimChannel a2;
        SimChannel trunk;
        Bridge bridge;
        boolean talking;
        ScheduledFuture<?> timer;

        Dial(String actionId, String ext, String number, String context, AgentDevice device) {
            this.actionId = actionId;
            this.ext = ext;
            this.number = number;
            this.context = context;
            this.device = device;
        }

        boolean has(String channel) {
            return a1 != null && a1.name().equals(channel) || a2 != null && a2.name().equals(channel)
                    || trunk != null && trunk.name().equals(channel);
        }
    }

    private final CallEngine engine;
    private final AgentDialplan dialplan;
    private final Sim sim;
    private final Events ev;
    private final List<Dial> live = new ArrayList<>();
    private final Set<String> offline = new HashSet<>();
    private long trunkSeq;

    ClickToDial(CallEngine engine) {
        this.engine = engine;
        this.dialplan = engine.dialplan;
        this.sim = engine.sim;
        this.ev = engine.ev;
    }

    /** Marks an agent extension's phone offline (Originate to it fails) or online again. */
    void phoneOnline(String ext, boolean online) {
        if (online) {
            offline.remove(ext);
        } else {
            offline.add(ext);
        }
    }

    /** The extension of an agent interface this simulator can ring, or null. */
    String agentExtension(String channel) {
        Matcher m = AGENT.matcher(channel);
        if (!m.matches()) {
            return null;
        }
        String ext = m.group(1) != null ? m.group(1) : m.group(2);
        return sim.devices.containsKey(iface(ext)) ? ext : null;
    }

    private static String iface(String ext) {
        return "Local/" + ext + "@agents/n";
    }

    /** Why the phone cannot be rung as OriginateResponse's Reason: 0 offline, 5 busy; -1 when it can. */
    int refusal(String ext) {
        AgentDevice device = sim.devices.get(iface(ext));
        if (offline.contains(ext)) {
            return 0;
        }
        return device.call != null || device.status != AgentDevice.NOT_INUSE ? 5 : -1;
    }

    /** Starts the dial of a phone that {@link #refusal} found free. */
    void originate(String ext, String context, String number, String actionId, Map<String, String> variables) {
        AgentDevice device = sim.devices.get(iface(ext));
        Dial d = new Dial(actionId, ext, number, context, device);
        live.add(d);
        long now = sim.clock.simNanos();
        String base = sim.newLocalBase(ext, "agents");
        String linkedid = sim.newUniqueid();
        SimChannel a1 = new SimChannel(base + ";1", linkedid, linkedid, 0, context, number, now);
        SimChannel a2 = new SimChannel(base + ";2", sim.newUniqueid(), linkedid, 4, "agents", ext, now);
        // Originate's CallerID shows the customer's number on the agent's phone
        a1.callerNum = number;
        a1.callerName = number;
        a2.callerNum = number;
        a2.callerName = number;
        d.a1 = a1;
        d.a2 = a2;
        ev.newchannel(a1);
        ev.newchannel(a2);
        for (Map.Entry<String, String> v : variables.entrySet()) {
            // Asterisk sets an Originate's variables on the Local channel and copies them to its other half
            ev.varSet(a1, v.getKey(), v.getValue());
            ev.varSet(a2, v.getKey(), v.getValue());
        }
        ev.localBridge(a1, a2, "agents", ext, false);
        // an originate's dial has no calling channel: DialBegin carries only the Dest fields (capture 01)
        ev.dialBegin(null, a1, ext + "@agents");
        dialplan.ringAgentDialplan(a1, a2, ext, device, number, true, 1);
        d.timer = sim.schedule(AGENT_ANSWER, () -> agentAnswers(d));
    }

    private void agentAnswers(Dial d) {
        SimChannel a1 = d.a1;
        SimChannel a2 = d.a2;
        String ext = d.ext;
        ev.extensionStatus(ext, "agents", "Custom:agent" + ext, 1, "InUse");
        ev.newexten(a2, "agents", ext, 7, "Set", "DEVICE_STATE(Custom:agent" + ext + ")=INUSE");
        dialplan.setDevice(d.device, AgentDevice.INUSE);
        ev.deviceState("Custom:agent" + ext, "INUSE");
        ev.newexten(a2, "agents", ext, 8, "Answer", "");
        ev.newstate(a2, 6);
        ev.newstate(a1, 6);
        ev.dialEnd(null, a1, "ANSWER");
        if (d.actionId != null) {
            ev.originateResponseExten(d.actionId, a1, "Success", 4, d.context, d.number);
        }
        ev.newexten(a2, "agents", ext, 9, "Wait", "3600");
        String agent = a1.var("HOTLINE_AGENT");
        ev.newexten(a1, d.context, d.number, 1, "NoOp", "Hotline click-to-dial by " + agent + " to " + d.number);
        ev.newexten(a1, d.context, d.number, 2, "Set", "CDR(userfield)=agent=" + agent);
        ev.newexten(a1, d.context, d.number, 3, "Set", "CALLERID(all)=\"Hotline\" <95598>");
        a1.callerNum = "95598";
        a1.callerName = "Hotline";
        ev.newCallerid(a1, CallEngine.PRES_ALLOWED);
        ev.newexten(a1, d.context, d.number, 4, "Dial", "PJSIP/" + d.number + "@trunk,60");
        SimChannel t = new SimChannel(String.format("PJSIP/trunk-%08x", trunkSeq++), sim.newUniqueid(),
                a1.linkedid(), 0, "from-trunk", "s", sim.clock.simNanos());
        t.callerNum = d.number;
        t.connectedNum = "95598";
        t.connectedName = "Hotline";
        d.trunk = t;
        ev.newchannel(t);
        ev.dialBegin(a1, t, d.number + "@trunk");
        ev.newstate(t, 5);
        ev.dialState(a1, t, "RINGING");
        d.timer = sim.schedule(TRUNK_ANSWER, () -> trunkAnswers(d));
    }

    private void trunkAnswers(Dial d) {
        ev.newstate(d.trunk, 6);
        ev.varSet(d.a1, "DIALSTATUS", "ANSWER");
        ev.dialEnd(d.a1, d.trunk, "ANSWER");
        Bridge b = Bridge.create();
        d.bridge = b;
        ev.bridgeCreate(b);
        ev.bridgeEnter(b, d.trunk);
        ev.bridgeEnter(b, d.a1);
        ev.varSet(d.a1, "BRIDGEPEER", d.trunk.name());
        ev.varSet(d.trunk, "BRIDGEPEER", d.a1.name());
        d.talking = true;
        d.timer = null;
    }

    /** Hangs up the click-to-dial one of whose channels this is; false when no dial has that channel. */
    boolean hangup(String channel) {
        Dial d = null;
        for (Dial candidate : live) {
            if (candidate.has(channel)) {
                d = candidate;
            }
        }
        if (d == null) {
            return false;
        }
        live.remove(d);
        if (d.timer != null) {
            d.timer.cancel(false);
        }
        boolean byTrunk = d.trunk != null && d.trunk.name().equals(channel);
        if (d.talking) {
            ev.hangupRequest(byTrunk ? d.trunk : d.a1, 16);
            ev.varSet(d.a1, "BRIDGEPEER", "");
            ev.varSet(d.trunk, "BRIDGEPEER", "");
            ev.bridgeLeave(d.bridge, byTrunk ? d.trunk : d.a1);
            ev.bridgeLeave(d.bridge, byTrunk ? d.a1 : d.trunk);
            ev.bridgeDestroy(d.bridge);
            ev.hangup(d.trunk, 16);
        } else if (d.trunk != null) {
            ev.dialEnd(d.a1, d.trunk, "CANCEL");
            ev.hangup(d.trunk, 16);
        } else {
            ev.dialEnd(null, d.a1, "CANCEL");
            if (d.actionId != null) {
                ev.originateResponseExten(d.actionId, d.a1, "Failure", 5, d.context, d.number);
            }
        }
        dialplan.hangupAgentLegs(d.a1, d.a2, d.ext, 16);
        ev.extensionStatus(d.ext, "agents", "Custom:agent" + d.ext, 0, "Idle");
        dialplan.setDevice(d.device, AgentDevice.NOT_INUSE);
        ev.deviceState("Local/" + d.ext + "@agents", "NOT_INUSE");
        engine.dispatcher.dispatchFor(d.device.iface);
        return true;
    }
}
