package org.hotline.pbxsim.internal;

import java.util.Map;

/**
 * The agent's side of the lab's dialplan shared by queue offers, blind transfers and redirects: the Local legs,
 * {@code [agents]} up to the ring, the talk wait, the {@code [agent-hangup]} handler, and the device it drives.
 */
final class AgentDialplan {

    private final CallEngine engine;
    private final Sim sim;
    private final Events ev;

    AgentDialplan(CallEngine engine) {
        this.engine = engine;
        this.sim = engine.sim;
        this.ev = engine.ev;
    }

    private static String handler(String ext) {
        return "agent-hangup,s,1(" + ext + ")";
    }

    /** Sets a device state and reports it once per queue the interface belongs to (QueueMemberStatus). */
    void setDevice(AgentDevice device, int status) {
        device.status = status;
        for (Member m : sim.memberships(device.iface)) {
            ev.member("QueueMemberStatus", m);
        }
    }

    /** Creates the agent's Local ;1/;2 legs for a dial from the caller, up to LocalBridge (captures 01, 05). */
    SimChannel[] newAgentLegs(Call call, String ext, String appOnOne) {
        SimChannel c2 = call.c2;
        String base = sim.newLocalBase(ext, "agents");
        SimChannel a1 = new SimChannel(base + ";1", sim.newUniqueid(), c2.linkedid(), 0, "agents", ext, call.simNow);
        SimChannel a2 = new SimChannel(base + ";2", sim.newUniqueid(), c2.linkedid(), 4, "agents", ext, call.simNow);
        ev.newchannel(a1);
        ev.newchannel(a2);
        String callerExten = c2.exten;
        a1.callerNum = callerExten;
        ev.newexten(a1, appOnOne, "(Outgoing Line)");
        ev.newCallerid(a1, CallEngine.PRES_ALLOWED);
        var inherited = c2.inheritable();
        a1.connectedNum = c2.callerNum;
        a1.connectedName = c2.callerName;
        if (inherited.isEmpty()) {
            // without inherited variables the second Newexten overtakes NewConnectedLine (capture 02)
            a1.exten = callerExten;
            ev.newexten(a1, appOnOne, "(Outgoing Line)");
            ev.newConnectedLine(a1);
        } else {
            ev.newConnectedLine(a1);
            for (Map.Entry<String, String> v : inherited) {
                ev.varSet(a1, v.getKey(), v.getValue());
            }
            a1.exten = callerExten;
            ev.newexten(a1, appOnOne, "(Outgoing Line)");
        }
        ev.varSet(a1, "DIALEDPEERNUMBER", ext + "@agents/n");
        ev.varSet(a2, "DIALEDPEERNUMBER", ext + "@agents/n");
        for (Map.Entry<String, String> v : inherited) {
            ev.varSet(a2, v.getKey(), v.getValue());
        }
        a2.callerNum = c2.callerNum;
        a2.callerName = c2.callerName;
        a2.connectedNum = callerExten;
        // the prohibited presentation set in caller-setup shows only on the agent's ;2 leg (captures 06, 08)
        ev.newCallerid(a2, CallEngine.isAnonymous(call) ? CallEngine.PRES_PROHIBITED : CallEngine.PRES_ALLOWED);
        ev.newConnectedLine(a2);
        ev.localBridge(a1, a2, "agents", ext, false);
        return new SimChannel[] {a1, a2};
    }

    /** Runs the agent dialplan up to Ringing and its wait: RINGING state, then answer delay or no-answer wait. */
    void ringAgentDialplan(SimChannel a1, SimChannel a2, String ext, AgentDevice device, String callerNum,
            boolean answers, long ringSeconds) {
        ev.newexten(a2, "agents", ext, 1, "NoOp", "Agent " + ext + " offered " + callerNum);
        ev.newexten(a2, "agents", ext, 2, "Set", "CHANNEL(hangup_handler_push)=" + handler(ext));
        ev.hangupHandlerPush(a2, handler(ext));
        ev.newexten(a2, "agents", ext, 3, "Set", "DEVICE_STATE(Custom:agent" + ext + ")=RINGING");
        ev.extensionStatus(ext, "agents", "Custom:agent" + ext, 8, "Ringing");
        setDevice(device, AgentDevice.RINGING);
        ev.deviceState("Custom:agent" + ext, "RINGING");
        ev.newexten(a2, "agents", ext, 4, "Ringing", "");
        ev.newstate(a1, 5);
        ev.deviceState("Local/" + ext + "@agents", "INUSE");
        ev.newexten(a2, "agents", ext, 5, "GotoIf", (answers ? "0" : "1") + "?noanswer");
        if (answers) {
            ev.newexten(a2, "agents", ext, 6, "Wait", Long.toString(ringSeconds));
        } else {
            ev.newexten(a2, "agents", ext, 11, "Wait", "600");
        }
    }

    /** Wait(talk time) half a second after the answer, then the next step once the talk time has passed. */
    void talkThen(Call call, SimChannel a2, String ext, Runnable next) {
        long talk = call.spec.talkTime().toNanos();
        engine.after(call, CallEngine.HALF_SECOND, () -> {
            ev.newexten(a2, "agents", ext, 9, "Wait", Long.toString(call.spec.talkTime().toSeconds()));
            engine.after(call, talk, next);
        });
    }

    /** The agent's hang-up handler up to Set(DEVICE_STATE…=NOT_INUSE), from its location {@code agent-hangup,s}. */
    void runHangupHandlerStart(SimChannel a2, String ext) {
        ev.softHangupRequest(a2, 16);
        ev.hangupHandlerRun(a2, handler(ext));
        a2.context = "agent-hangup";
        a2.exten = "s";
        a2.priority = 0;
        ev.varSet(a2, "LOCAL(ARG1)", ext);
        ev.varSet(a2, "LOCAL(ARGC)", "1");
        ev.newexten(a2, "agent-hangup", "s", 1, "Set", "DEVICE_STATE(Custom:agent" + ext + ")=NOT_INUSE");
    }

    /** The end of the hang-up handler: Return back to the agent's extension and the Gosub variables cleared. */
    void runHangupHandlerEnd(SimChannel a2, String ext, int priority) {
        ev.newexten(a2, "agent-hangup", "s", 2, "Return", "");
        ev.newexten(a2, "agents", ext, priority, "Return", "");
        ev.varSet(a2, "ARGC", "");
        ev.varSet(a2, "ARG1", "");
        ev.varSet(a2, "GOSUB_RETVAL", "");
    }

    /** The whole hang-up handler with nothing between, returning to where the ;2 leg was. */
    void runHangupHandler(SimChannel a2, String ext) {
        int priority = a2.priority;
        runHangupHandlerStart(a2, ext);
        ev.deviceState("Custom:agent" + ext, "NOT_INUSE");
        runHangupHandlerEnd(a2, ext, priority);
    }

    /** The agent's legs go after the other side left: ;2 asked to hang up, ;1 gone, the handler, ;2 gone. */
    void hangupAgentLegs(SimChannel a1, SimChannel a2, String ext, int cause) {
        ev.hangupRequest(a2, cause);
        ev.hangup(a1, cause);
        runHangupHandler(a2, ext);
        ev.hangup(a2, cause);
    }

    /** A completed queue call frees its member: CallsTaken, LastCall, QueueMemberStatus 1. */
    void completeMember(Member m) {
        m.callsTaken++;
        m.lastCall = sim.clock.epochSeconds();
        m.inCall = false;
        // shared_lastcall=yes: every membership of the interface shows the same last call
        for (Member other : sim.memberships(m.iface)) {
            other.lastCall = m.lastCall;
        }
        setDevice(m.device, AgentDevice.NOT_INUSE);
    }

    /** The member's queue counts the call completed and the agent goes into the queue's wrap-up. */
    void completeQueueCall(Call call, Member m, long talk) {
        QueueState q = sim.queue(m.queue);
        q.countCompleted(talk);
        call.talkSeconds = talk;
        release(m.device, q.wrapUpNanos);
    }

    /** Frees a device after a wrap-up, then lets its queues offer it again. */
    void release(AgentDevice device, long wrapUpNanos) {
        device.call = null;
        device.wrapUntilSimNanos = sim.clock.simNanos() + wrapUpNanos;
        if (wrapUpNanos > 0) {
            sim.schedule(wrapUpNanos, () -> engine.dispatcher.dispatchFor(device.iface));
        } else {
            engine.dispatcher.dispatchFor(device.iface);
        }
    }
}
