package org.hotline.pbxsim.internal;

import org.hotline.pbxsim.CallResult;
import org.hotline.pbxsim.Outcome;

/**
 * Transfers of an answered caller: the agent's BlindTransfer to an extension dialled with plain Dial events
 * (capture 05, second call), and the AMI Redirect of the caller into another queue (capture 05, first call).
 */
final class TransferFlows {

    private final CallEngine engine;
    private final AgentDialplan dialplan;
    private final Sim sim;
    private final Events ev;

    TransferFlows(CallEngine engine, AgentDialplan dialplan) {
        this.engine = engine;
        this.dialplan = dialplan;
        this.sim = engine.sim;
        this.ev = engine.ev;
    }

    /** The agent blind-transfers the caller to {@code [transfer]} target, which Dial()s the target's phone. */
    void blindTransfer(Call call, Outcome.BlindTransfer t) {
        SimChannel c2 = call.c2;
        SimChannel a1 = call.a1;
        SimChannel a2 = call.a2;
        Member m = call.member;
        String ext = m.extension;
        Bridge b = call.bridge;
        ev.unhold(a1);
        ev.varSet(a1, "BLINDTRANSFER", c2.name());
        ev.varSet(c2, "BLINDTRANSFER", a1.name());
        ev.varSet(a1, "BRIDGEPEER", "");
        ev.blindTransfer(a1, c2, b, "transfer", t.target());
        ev.bridgeLeave(b, a1);
        ev.varSet(c2, "BRIDGEPEER", "");
        ev.newexten(c2, "Queue", call.queue.name);
        ev.bridgeLeave(b, c2);
        ev.hangupRequest(a2, 16);
        int priority = a2.priority;
        dialplan.runHangupHandlerStart(a2, ext);
        ev.extensionStatus(ext, "agents", "Custom:agent" + ext, 0, "Idle");
        long talk = engine.agentComplete(call, "transfer");
        ev.hangup(a1, 16);
        ev.bridgeDestroy(b);
        engine.unansweredTimes(call);
        String target = t.target();
        ev.newexten(c2, "transfer", target, 2, "Dial", "Local/" + target + "@agents/n,20");
        for (String v : new String[] {"DIALSTATUS", "DIALEDPEERNUMBER", "DIALEDPEERNAME", "ANSWEREDTIME",
                "ANSWEREDTIME_MS", "DIALEDTIME", "DIALEDTIME_MS", "RINGTIME", "RINGTIME_MS", "PROGRESSTIME",
                "PROGRESSTIME_MS"}) {
            ev.varSet(c2, v, "");
        }
        SimChannel[] legs = dialplan.newAgentLegs(call, target, "AppDial");
        ev.dialBegin(c2, legs[0], "Local/" + target + "@agents/n");
        AgentDevice targetDevice = sim.device("Local/" + target + "@agents/n");
        long ring = t.targetRingTime().toNanos();
        dialplan.ringAgentDialplan(legs[0], legs[1], target, targetDevice, c2.callerNum, true,
                Math.max(1, (ring + 999_999_999L) / 1_000_000_000L));
        ev.deviceState("Custom:agent" + ext, "NOT_INUSE");
        dialplan.runHangupHandlerEnd(a2, ext, priority);
        ev.hangup(a2, 16);
        dialplan.completeMember(m);
        ev.varSet(c2, "RINGTIME", "0");
        ev.varSet(c2, "RINGTIME_MS", "0");
        ev.dialState(c2, legs[0], "RINGING");
        dialplan.completeQueueCall(call, m, talk);
        call.a1 = legs[0];
        call.a2 = legs[1];
        call.member = null;
        call.bridge = null;
        call.transferTarget = target;
        call.transferDevice = targetDevice;
        targetDevice.call = call;
        call.phase = Call.Phase.TRANSFER_RINGING;
        call.offerSim = call.simNow;
        engine.after(call, ring, () -> answer(call));
    }

    /** The transfer target answers: DialEnd ANSWER and a new bridge, no Agent* events (capture 05). */
    void answer(Call call) {
        SimChannel c2 = call.c2;
        SimChannel b1 = call.a1;
        SimChannel b2 = call.a2;
        String ext = call.transferTarget;
        ev.extensionStatus(ext, "agents", "Custom:agent" + ext, 1, "InUse");
        ev.newexten(b2, "agents", ext, 7, "Set", "DEVICE_STATE(Custom:agent" + ext + ")=INUSE");
        dialplan.setDevice(call.transferDevice, AgentDevice.INUSE);
        ev.deviceState("Custom:agent" + ext, "INUSE");
        ev.newexten(b2, "agents", ext, 8, "Answer", "");
        ev.newstate(b2, 6);
        ev.newstate(b1, 6);
        ev.varSet(c2, "DIALSTATUS", "ANSWER");
        ev.varSet(c2, "DIALEDPEERNAME", b1.name());
        ev.varSet(c2, "DIALEDPEERNUMBER", ext + "@agents/n");
        ev.dialEnd(c2, b1, "ANSWER");
        Bridge b = Bridge.create();
        call.bridge = b;
        ev.bridgeCreate(b);
        ev.deviceState("Local/" + ext + "@agents", "INUSE");
        ev.deviceState("Local/" + ext + "@agents", "INUSE");
        ev.newexten(b1, "AppDial", "(Outgoing Line)");
        ev.bridgeEnter(b, b1);
        ev.bridgeEnter(b, c2);
        ev.varSet(c2, "BLINDTRANSFER", "");
        ev.varSet(b1, "BRIDGEPEER", c2.name());
        ev.varSet(c2, "BRIDGEPEER", b1.name());
        call.phase = Call.Phase.TRANSFER_TALKING;
        call.transferAnswerSim = call.simNow;
        dialplan.talkThen(call, b2, ext, () -> targetHangup(call));
    }

    /** The transfer target hangs up after talking; the caller's legs follow (capture 05). */
    void targetHangup(Call call) {
        SimChannel c1 = call.c1;
        SimChannel c2 = call.c2;
        SimChannel b1 = call.a1;
        SimChannel b2 = call.a2;
        String ext = call.transferTarget;
        ev.newexten(b2, "agents", ext, 10, "Hangup", "");
        dialplan.runHangupHandler(b2, ext);
        ev.hangupRequest(b1, 16);
        ev.hangup(b2, 16);
        ev.deviceState("Local/" + ext + "@agents", "NOT_INUSE");
        ev.extensionStatus(ext, "agents", "Custom:agent" + ext, 0, "Idle");
        dialplan.setDevice(call.transferDevice, AgentDevice.NOT_INUSE);
        ev.varSet(b1, "BRIDGEPEER", "");
        ev.varSet(c2, "BRIDGEPEER", "");
        ev.bridgeLeave(call.bridge, b1);
        ev.bridgeLeave(call.bridge, c2);
        engine.answeredTimes(call, call.transferAnswerSim);
        ev.varSet(c2, "DIALSTATUS", "ANSWER");
        ev.softHangupRequest(c2, 16);
        ev.varSet(c1, "CHANLOCALSTATUS", "ANSWER");
        ev.hangupRequest(c1, 16);
        ev.hangup(c2, 16);
        ev.bridgeDestroy(call.bridge);
        ev.hangup(b1, 16);
        ev.hangup(c1, 16);
        engine.callerDeviceFree(call);
        dialplan.release(call.transferDevice, 0);
        engine.end(call, CallResult.Disposition.ANSWERED);
    }

    /** The caller hangs up while the transfer target rings or talks. */
    void callerHangup(Call call) {
        call.cancelAll();
        SimChannel c1 = call.c1;
        SimChannel c2 = call.c2;
        SimChannel b1 = call.a1;
        SimChannel b2 = call.a2;
        String ext = call.transferTarget;
        boolean talking = call.phase == Call.Phase.TRANSFER_TALKING;
        ev.hangupRequest(c2, 16);
        ev.hangup(c1, 16);
        if (talking) {
            ev.varSet(c2, "BRIDGEPEER", "");
            ev.varSet(b1, "BRIDGEPEER", "");
            ev.bridgeLeave(call.bridge, c2);
        } else {
            ev.dialEnd(c2, b1, "CANCEL");
        }
        ev.softHangupRequest(c2, 16);
        ev.hangup(c2, 16);
        if (talking) {
            ev.bridgeLeave(call.bridge, b1);
            ev.bridgeDestroy(call.bridge);
        }
        int cause = talking ? 16 : 0;
        dialplan.hangupAgentLegs(b1, b2, ext, cause);
        dialplan.setDevice(call.transferDevice, AgentDevice.NOT_INUSE);
        engine.callerDeviceFree(call);
        dialplan.release(call.transferDevice, 0);
        engine.end(call, CallResult.Disposition.ANSWERED);
    }

    /**
     * Moves a queue caller into another queue's extension. An answered caller's agent is freed at once while the
     * first queue's AgentComplete waits for the caller's hang-up (Reason=caller), as capture 05 shows.
     */
    void redirect(Call call, String context, String exten, QueueState target) {
        SimChannel c2 = call.c2;
        if (call.phase == Call.Phase.TALKING) {
            call.cancelTimer();
            SimChannel a1 = call.a1;
            SimChannel a2 = call.a2;
            Member m = call.member;
            ev.bridgeLeave(call.bridge, c2);
            ev.bridgeLeave(call.bridge, a1);
            ev.bridgeDestroy(call.bridge);
            dialplan.hangupAgentLegs(a1, a2, m.extension, 16);
            dialplan.completeMember(m);
            call.redirectedFrom = m;
            call.redirectedHold = call.holdSeconds;
            call.redirectedAnswerSim = call.answerSim;
            call.detachAgent();
            dialplan.release(m.device, sim.queue(m.queue).wrapUpNanos);
        } else {
            call.cancelAll();
            ev.musicOnHoldStop(c2);
            engine.leaveQueue(call);
        }
        ev.newexten(c2, context, exten, 1, "NoOp", "Transferred to " + target.name + ": " + c2.callerNum);
        engine.joinQueue(call, target, 2);
    }
}
