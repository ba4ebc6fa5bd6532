package org.hotline.pbxsim.internal;

import java.util.Map;
import org.hotline.pbxsim.CallResult;
import org.hotline.pbxsim.Outcome;

/**
 * The agent side of a queue call as the lab's {@code [agents]} dialplan runs it: offer and ring, answer and talk,
 * ring-no-answer, cancel, and the hang-up handler that frees the agent (captures 01, 02, 03, 08).
 */
final class AgentFlows {

    private final CallEngine engine;
    private final Sim sim;
    private final Events ev;
    private final TransferFlows transfers;

    AgentFlows(CallEngine engine) {
        this.engine = engine;
        this.sim = engine.sim;
        this.ev = engine.ev;
        this.transfers = new TransferFlows(engine, this);
    }

    static String handler(String ext) {
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

    /** Offers a waiting caller to a member: agent legs, AgentCalled, DialBegin, ringing (capture 01). */
    void offer(Call call, Member m) {
        SimChannel c2 = call.c2;
        String ext = m.extension;
        SimChannel[] legs = newAgentLegs(call, ext, "AppQueue");
        call.a1 = legs[0];
        call.a2 = legs[1];
        call.member = m;
        call.phase = Call.Phase.RINGING;
        call.offerSim = call.simNow;
        m.device.call = call;
        ev.agentCalled(c2, call.a1, m);
        ev.dialBegin(c2, call.a1, m.iface);
        Call.Ring mode = call.ringMode();
        long ring = call.ringTime().toNanos();
        long timeout = call.queue.timeoutNanos;
        boolean answers = mode == Call.Ring.ANSWER && ring < timeout;
        long waitSeconds = mode == Call.Ring.HELD ? 600 : Math.max(1, (ring + 999_999_999L) / 1_000_000_000L);
        ringAgentDialplan(call.a1, call.a2, ext, m.device, c2.callerNum, mode != Call.Ring.NEVER, waitSeconds);
        ev.dialState(c2, call.a1, "RINGING");
        call.ringing.complete(m.iface);
        if (answers) {
            engine.after(call, ring, () -> answer(call));
        } else if (mode != Call.Ring.HELD) {
            engine.after(call, timeout, () -> ringNoAnswer(call));
        }
    }

    /** The agent answers: INUSE, DialEnd ANSWER, QueueCallerLeave, AgentConnect, bridge (capture 01). */
    void answer(Call call) {
        SimChannel c2 = call.c2;
        SimChannel a1 = call.a1;
        SimChannel a2 = call.a2;
        Member m = call.member;
        String ext = m.extension;
        QueueState q = call.queue;
        ev.newexten(a2, "agents", ext, 7, "Set", "DEVICE_STATE(Custom:agent" + ext + ")=INUSE");
        ev.extensionStatus(ext, "agents", "Custom:agent" + ext, 1, "InUse");
        ev.deviceState("Custom:agent" + ext, "INUSE");
        ev.newexten(a2, "agents", ext, 8, "Answer", "");
        ev.newstate(a2, 6);
        ev.newstate(a1, 6);
        setDevice(m.device, AgentDevice.INUSE);
        ev.dialEnd(c2, a1, "ANSWER");
        ev.deviceState("Local/" + ext + "@agents", "INUSE");
        ev.deviceState("Local/" + ext + "@agents", "INUSE");
        ev.musicOnHoldStop(c2);
        int position = q.positionOf(c2);
        q.remove(c2);
        if (q.entries.isEmpty()) {
            ev.deviceState("Queue:" + q.name, "NOT_INUSE");
        }
        ev.queueCallerLeave(c2, q.name, position, q.entries.size());
        long hold = Call.seconds(call.joinSim, call.simNow);
        ev.varSet(c2, "QUEUEPOSITION", Integer.toString(position));
        ev.varSet(c2, "QUEUEWAIT", Long.toString(hold));
        ev.varSet(c2, "QUEUEWAIT_MS", Long.toString(hold * 1000));
        ev.agentConnect(c2, a1, m, hold, Call.seconds(call.offerSim, call.simNow));
        if (call.patienceTimer != null) {
            call.patienceTimer.cancel(false);
            call.patienceTimer = null;
        }
        m.inCall = true;
        call.phase = Call.Phase.TALKING;
        call.answerSim = call.simNow;
        call.holdSeconds = hold;
        if (call.answeredIface == null) {
            call.answeredIface = m.iface;
        }
        q.answered++;
        q.holdTimeTotal += hold;
        if (call.counters != null) {
            call.counters.answered.incrementAndGet();
        }
        Bridge b = Bridge.create();
        call.bridge = b;
        ev.bridgeCreate(b);
        ev.bridgeEnter(b, a1);
        ev.bridgeEnter(b, c2);
        ev.varSet(a1, "BRIDGEPEER", c2.name());
        ev.varSet(c2, "BRIDGEPEER", a1.name());
        long talk = call.spec.talkTime().toNanos();
        engine.after(call, CallEngine.HALF_SECOND, () -> {
            ev.newexten(a2, "agents", ext, 9, "Wait", Long.toString(call.spec.talkTime().toSeconds()));
            engine.after(call, talk, () -> {
                if (call.spec.outcome() instanceof Outcome.BlindTransfer t) {
                    transfers.blindTransfer(call, t);
                } else {
                    agentHangup(call);
                }
            });
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

    /** The agent hangs up after talking: Reason=agent (capture 01). */
    void agentHangup(Call call) {
        SimChannel c1 = call.c1;
        SimChannel c2 = call.c2;
        SimChannel a1 = call.a1;
        SimChannel a2 = call.a2;
        Member m = call.member;
        String ext = m.extension;
        ev.newexten(a2, "agents", ext, 10, "Hangup", "");
        ev.extensionStatus(ext, "agents", "Custom:agent" + ext, 0, "Idle");
        runHangupHandlerStart(a2, ext);
        completeMember(m);
        ev.deviceState("Custom:agent" + ext, "NOT_INUSE");
        runHangupHandlerEnd(a2, ext, 10);
        ev.hangupRequest(a1, 16);
        ev.hangup(a2, 16);
        ev.deviceState("Local/" + ext + "@agents", "NOT_INUSE");
        long talk = Call.seconds(call.answerSim, call.simNow);
        ev.agentComplete(c2, a1, m, call.holdSeconds, talk, "agent");
        ev.varSet(a1, "BRIDGEPEER", "");
        ev.varSet(c2, "BRIDGEPEER", "");
        ev.bridgeLeave(call.bridge, a1);
        ev.hangup(a1, 16);
        ev.bridgeLeave(call.bridge, c2);
        answeredTimes(call, call.answerSim);
        ev.bridgeDestroy(call.bridge);
        ev.deviceState("Local/" + ext + "@agents", "NOT_INUSE");
        ev.softHangupRequest(c2, 16);
        ev.hangupRequest(c1, 16);
        ev.hangup(c2, 16);
        ev.hangup(c1, 16);
        callerDeviceFree(call);
        finishAnswered(call, m, talk);
    }

    /** The caller hangs up while talking: Reason=caller (capture 08). */
    void callerHangupTalking(Call call) {
        call.cancelAll();
        SimChannel c1 = call.c1;
        SimChannel c2 = call.c2;
        SimChannel a1 = call.a1;
        SimChannel a2 = call.a2;
        Member m = call.member;
        String ext = m.extension;
        ev.hangupRequest(c2, 16);
        ev.hangup(c1, 16);
        long talk = Call.seconds(call.answerSim, call.simNow);
        ev.agentComplete(c2, a1, m, call.holdSeconds, talk, "caller");
        ev.varSet(c2, "BRIDGEPEER", "");
        ev.varSet(a1, "BRIDGEPEER", "");
        ev.bridgeLeave(call.bridge, c2);
        answeredTimes(call, call.answerSim);
        ev.softHangupRequest(c2, 16);
        ev.hangup(c2, 16);
        ev.bridgeLeave(call.bridge, a1);
        ev.bridgeDestroy(call.bridge);
        ev.hangupRequest(a2, 16);
        ev.hangup(a1, 16);
        int priority = a2.priority;
        runHangupHandlerStart(a2, ext);
        ev.deviceState("Custom:agent" + ext, "NOT_INUSE");
        runHangupHandlerEnd(a2, ext, priority);
        ev.hangup(a2, 16);
        completeMember(m);
        ev.deviceState("Local/" + ext + "@agents", "NOT_INUSE");
        ev.deviceState("Local/" + ext + "@agents", "NOT_INUSE");
        callerDeviceFree(call);
        finishAnswered(call, m, talk);
    }

    /** The ANSWEREDTIME/DIALEDTIME variables the Queue application sets when it returns. */
    void answeredTimes(Call call, long answeredAt) {
        SimChannel c2 = call.c2;
        ev.varSet(c2, "ANSWEREDTIME", Long.toString(Call.seconds(answeredAt, call.simNow)));
        ev.varSet(c2, "ANSWEREDTIME_MS", Long.toString(Call.millis(answeredAt, call.simNow)));
        ev.varSet(c2, "DIALEDTIME", Long.toString(Call.seconds(call.queueAppSim, call.simNow)));
        ev.varSet(c2, "DIALEDTIME_MS", Long.toString(Call.millis(call.queueAppSim, call.simNow)));
    }

    void callerDeviceFree(Call call) {
        String device = "Local/" + call.queue.callerExten + "@callers";
        ev.deviceState(device, "NOT_INUSE");
        ev.deviceState(device, "NOT_INUSE");
    }

    /** Queue statistics, wrap-up, and the end of an answered call. */
    void finishAnswered(Call call, Member m, long talk) {
        QueueState q = sim.queue(m.queue);
        q.completed++;
        q.talkTimeTotal += talk;
        call.talkSeconds = talk;
        release(m.device, q.wrapUpNanos);
        engine.end(call, CallResult.Disposition.ANSWERED);
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

    /** The member rang for the queue's whole timeout: AgentRingNoAnswer, the legs go, retry later (capture 03). */
    void ringNoAnswer(Call call) {
        SimChannel c2 = call.c2;
        SimChannel a1 = call.a1;
        SimChannel a2 = call.a2;
        Member m = call.member;
        String ext = m.extension;
        ev.agentRingNoAnswer(c2, a1, m, Call.millis(call.offerSim, call.simNow));
        ev.dialEnd(c2, a1, "NOANSWER");
        ev.dialEnd(c2, a1, "CANCEL");
        ev.hangupRequest(a2, 0);
        ev.hangup(a1, 0);
        int priority = a2.priority;
        runHangupHandlerStart(a2, ext);
        ev.extensionStatus(ext, "agents", "Custom:agent" + ext, 0, "Idle");
        ev.deviceState("Custom:agent" + ext, "NOT_INUSE");
        runHangupHandlerEnd(a2, ext, priority);
        ev.hangup(a2, 0);
        ev.deviceState("Local/" + ext + "@agents", "NOT_INUSE");
        setDevice(m.device, AgentDevice.NOT_INUSE);
        if (call.counters != null) {
            call.counters.ringNoAnswer.incrementAndGet();
        }
        if (call.spec.outcome() instanceof Outcome.NoAnswerThenAnswer) {
            call.excluded.add(m.iface);
        }
        call.attempt++;
        call.a1 = null;
        call.a2 = null;
        call.member = null;
        call.phase = Call.Phase.RETRY;
        m.device.call = null;
        engine.after(call, call.queue.retryNanos, () -> {
            call.phase = Call.Phase.WAITING;
            engine.dispatcher.dispatch(call.queue, call);
        });
        engine.dispatcher.dispatchFor(m.iface);
    }

    /** The caller left while the agent rang: CANCEL twice, the agent's ;1 goes (capture 02). */
    void cancelRinging(Call call) {
        Member m = call.member;
        ev.extensionStatus(m.extension, "agents", "Custom:agent" + m.extension, 0, "Idle");
        ev.dialEnd(call.c2, call.a1, "CANCEL");
        ev.dialEnd(call.c2, call.a1, "CANCEL");
        ev.hangupRequest(call.a2, 0);
        ev.hangup(call.a1, 0);
    }

    /** The cancelled agent's hang-up handler starts (capture 02). */
    void finishCancelledAgentLeg(Call call) {
        call.cancelRingPriority = call.a2.priority;
        runHangupHandlerStart(call.a2, call.member.extension);
    }

    /** The cancelled agent's ;2 goes and the agent is free again (capture 02). */
    void releaseCancelledAgent(Call call) {
        Member m = call.member;
        String ext = m.extension;
        ev.deviceState("Custom:agent" + ext, "NOT_INUSE");
        runHangupHandlerEnd(call.a2, ext, call.cancelRingPriority);
        ev.hangup(call.a2, 0);
        setDevice(m.device, AgentDevice.NOT_INUSE);
        ev.deviceState("Local/" + ext + "@agents", "NOT_INUSE");
        call.a1 = null;
        call.a2 = null;
        call.member = null;
        m.device.call = null;
        engine.dispatcher.dispatchFor(m.iface);
    }

    /** Answers a transfer target now. */
    void transferAnswer(Call call) {
        transfers.answer(call);
    }

    /** The caller hangs up after a blind transfer. */
    void callerHangupAfterTransfer(Call call) {
        transfers.callerHangup(call);
    }
}
