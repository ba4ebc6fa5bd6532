package org.hotline.pbxsim.internal;

import org.hotline.pbxsim.CallResult;
import org.hotline.pbxsim.Outcome;

/**
 * The agent side of a queue call: offer and ring, answer and talk, the agent's or the caller's hang-up,
 * ring-no-answer and cancel (captures 01, 02, 03, 08); the dialplan steps themselves are {@link AgentDialplan}'s.
 */
final class AgentFlows {

    private final CallEngine engine;
    private final Events ev;
    private final AgentDialplan dialplan;
    private final TransferFlows transfers;

    AgentFlows(CallEngine engine, AgentDialplan dialplan, TransferFlows transfers) {
        this.engine = engine;
        this.ev = engine.ev;
        this.dialplan = dialplan;
        this.transfers = transfers;
    }

    /** Offers a waiting caller to a member: agent legs, AgentCalled, DialBegin, ringing (capture 01). */
    void offer(Call call, Member m) {
        SimChannel c2 = call.c2;
        String ext = m.extension;
        SimChannel[] legs = dialplan.newAgentLegs(call, ext, "AppQueue");
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
        dialplan.ringAgentDialplan(call.a1, call.a2, ext, m.device, c2.callerNum, mode != Call.Ring.NEVER, waitSeconds);
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
        dialplan.setDevice(m.device, AgentDevice.INUSE);
        ev.dialEnd(c2, a1, "ANSWER");
        ev.deviceState("Local/" + ext + "@agents", "INUSE");
        ev.deviceState("Local/" + ext + "@agents", "INUSE");
        ev.musicOnHoldStop(c2);
        int position = engine.leaveQueue(call);
        long hold = Call.seconds(call.joinSim, call.simNow);
        ev.varSet(c2, "QUEUEPOSITION", Integer.toString(position));
        ev.varSet(c2, "QUEUEWAIT", Long.toString(hold));
        ev.varSet(c2, "QUEUEWAIT_MS", Long.toString(hold * 1000));
        ev.agentConnect(c2, a1, m, hold, Call.seconds(call.offerSim, call.simNow));
        call.cancelPatience();
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
        dialplan.talkThen(call, a2, ext, () -> {
            if (call.spec.outcome() instanceof Outcome.BlindTransfer t) {
                transfers.blindTransfer(call, t);
            } else {
                agentHangup(call);
            }
        });
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
        dialplan.runHangupHandlerStart(a2, ext);
        dialplan.completeMember(m);
        ev.deviceState("Custom:agent" + ext, "NOT_INUSE");
        dialplan.runHangupHandlerEnd(a2, ext, 10);
        ev.hangupRequest(a1, 16);
        ev.hangup(a2, 16);
        ev.deviceState("Local/" + ext + "@agents", "NOT_INUSE");
        long talk = engine.agentComplete(call, "agent");
        ev.varSet(a1, "BRIDGEPEER", "");
        ev.varSet(c2, "BRIDGEPEER", "");
        ev.bridgeLeave(call.bridge, a1);
        ev.hangup(a1, 16);
        ev.bridgeLeave(call.bridge, c2);
        engine.answeredTimes(call, call.answerSim);
        ev.bridgeDestroy(call.bridge);
        ev.deviceState("Local/" + ext + "@agents", "NOT_INUSE");
        ev.softHangupRequest(c2, 16);
        ev.hangupRequest(c1, 16);
        ev.hangup(c2, 16);
        ev.hangup(c1, 16);
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
        long talk = engine.agentComplete(call, "caller");
        ev.varSet(c2, "BRIDGEPEER", "");
        ev.varSet(a1, "BRIDGEPEER", "");
        ev.bridgeLeave(call.bridge, c2);
        engine.answeredTimes(call, call.answerSim);
        ev.softHangupRequest(c2, 16);
        ev.hangup(c2, 16);
        ev.bridgeLeave(call.bridge, a1);
        ev.bridgeDestroy(call.bridge);
        dialplan.hangupAgentLegs(a1, a2, ext, 16);
        dialplan.completeMember(m);
        ev.deviceState("Local/" + ext + "@agents", "NOT_INUSE");
        ev.deviceState("Local/" + ext + "@agents", "NOT_INUSE");
        finishAnswered(call, m, talk);
    }

    /** The caller's device is free, the queue counts the call, the agent wraps up, and the call ends. */
    private void finishAnswered(Call call, Member m, long talk) {
        engine.callerDeviceFree(call);
        dialplan.completeQueueCall(call, m, talk);
        engine.end(call, CallResult.Disposition.ANSWERED);
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
        dialplan.runHangupHandlerStart(a2, ext);
        ev.extensionStatus(ext, "agents", "Custom:agent" + ext, 0, "Idle");
        ev.deviceState("Custom:agent" + ext, "NOT_INUSE");
        dialplan.runHangupHandlerEnd(a2, ext, priority);
        ev.hangup(a2, 0);
        ev.deviceState("Local/" + ext + "@agents", "NOT_INUSE");
        dialplan.setDevice(m.device, AgentDevice.NOT_INUSE);
        if (call.counters != null) {
            call.counters.ringNoAnswer.incrementAndGet();
        }
        if (call.spec.outcome() instanceof Outcome.NoAnswerThenAnswer) {
            call.excluded.add(m.iface);
        }
        call.attempt++;
        call.detachAgent();
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
        dialplan.runHangupHandlerStart(call.a2, call.member.extension);
    }

    /** The cancelled agent's ;2 goes and the agent is free again (capture 02). */
    void releaseCancelledAgent(Call call) {
        Member m = call.member;
        String ext = m.extension;
        ev.deviceState("Custom:agent" + ext, "NOT_INUSE");
        dialplan.runHangupHandlerEnd(call.a2, ext, call.cancelRingPriority);
        ev.hangup(call.a2, 0);
        dialplan.setDevice(m.device, AgentDevice.NOT_INUSE);
        ev.deviceState("Local/" + ext + "@agents", "NOT_INUSE");
        call.detachAgent();
        m.device.call = null;
        engine.dispatcher.dispatchFor(m.iface);
    }
}
