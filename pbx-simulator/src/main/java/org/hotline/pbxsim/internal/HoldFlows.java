package org.hotline.pbxsim.internal;

import org.hotline.pbxsim.CallResult;

/**
 * Hotline's hold and attended transfer on an answered queue call (ADR 0010): one Redirect moving the caller to music
 * and the agent's leg to a wait, a Bridge of the two back, and Atxfer to another agent's extension with its consult
 * leg. Never captured from the lab; built from Asterisk 18's bridging behaviour and the nearest captured pieces.
 */
final class HoldFlows {

    private final CallEngine engine;
    private final AgentDialplan dialplan;
    private final Sim sim;
    private final Events ev;

    HoldFlows(CallEngine engine) {
        this.engine = engine;
        this.dialplan = engine.dialplan;
        this.sim = engine.sim;
        this.ev = engine.ev;
    }

    /**
     * Both legs leave the bridge together, each at its new dialplan location (BridgeLeave shows it, as capture 05's
     * Redirect does); the caller runs MusicOnHold, the agent's leg Wait, and the emptied bridge goes.
     */
    void hold(Call call, String context, String callerExten, String agentExten) {
        engine.sync(call);
        call.cancelTimer();
        SimChannel c2 = call.c2;
        SimChannel a1 = call.a1;
        Bridge b = call.bridge;
        ev.varSet(c2, "BRIDGEPEER", "");
        ev.varSet(a1, "BRIDGEPEER", "");
        c2.context = context;
        c2.exten = callerExten;
        c2.priority = 1;
        ev.bridgeLeave(b, c2);
        a1.context = context;
        a1.exten = agentExten;
        a1.priority = 1;
        ev.bridgeLeave(b, a1);
        ev.bridgeDestroy(b);
        call.bridge = null;
        ev.newexten(c2, context, callerExten, 1, "NoOp", "Hotline hold: customer " + c2.callerNum);
        ev.newexten(a1, context, agentExten, 1, "NoOp", "Hotline hold: agent leg waits");
        ev.newexten(c2, context, callerExten, 2, "Answer", "");
        ev.newexten(a1, context, agentExten, 2, "Answer", "");
        ev.newexten(c2, context, callerExten, 3, "MusicOnHold", "default,1800");
        ev.musicOnHoldStart(c2);
        ev.newexten(a1, context, agentExten, 3, "Wait", "1800");
        call.phase = Call.Phase.HELD;
    }

    /** Bridge Channel1/Channel2: the caller's music stops and both enter a fresh bridge; the talk goes on. */
    void unhold(Call call) {
        engine.sync(call);
        SimChannel c2 = call.c2;
        SimChannel a1 = call.a1;
        ev.musicOnHoldStop(c2);
        Bridge b = Bridge.create();
        call.bridge = b;
        ev.bridgeCreate(b);
        ev.bridgeEnter(b, a1);
        ev.bridgeEnter(b, c2);
        ev.varSet(a1, "BRIDGEPEER", c2.name());
        ev.varSet(c2, "BRIDGEPEER", a1.name());
        call.phase = Call.Phase.TALKING;
        dialplan.talkThen(call, call.a2, call.member.extension, () -> engine.agents.agentHangup(call));
    }

    /** The caller or the agent hangs up while the caller hears music: both sides go, the queue call completes. */
    void heldHangup(Call call, boolean byCaller) {
        engine.sync(call);
        call.cancelAll();
        SimChannel c1 = call.c1;
        SimChannel c2 = call.c2;
        Member m = call.member;
        ev.musicOnHoldStop(c2);
        ev.hangupRequest(byCaller ? c2 : call.a1, 16);
        long talk = engine.agentComplete(call, byCaller ? "caller" : "agent");
        engine.answeredTimes(call, call.answerSim);
        ev.softHangupRequest(c2, 16);
        ev.hangup(c2, 16);
        ev.hangup(c1, 16);
        dialplan.hangupAgentLegs(call.a1, call.a2, m.extension, 16);
        dialplan.completeMember(m);
        ev.deviceState("Local/" + m.extension + "@agents", "NOT_INUSE");
        finish(call, m, talk);
    }

    /**
     * Atxfer: the transferer leaves the caller's bridge (which holds the caller on music) and dials the target's
     * phone; the target answering bridges the two for the consultation. A target that does not exist or is busy
     * gets Asterisk's events for an abandoned or refused consultation, and the call goes on as before.
     */
    void attendedTransfer(Call call, String target) {
        AgentDevice device = target.matches("[0-9]{4}") ? sim.devices.get("Local/" + target + "@agents/n") : null;
        engine.sync(call);
        SimChannel c2 = call.c2;
        SimChannel a1 = call.a1;
        if (device == null) {
            // no such target in the transfer context: Asterisk gives up before consulting (Asterisk 22's order)
            ev.hold(a1);
            ev.unhold(a1);
            ev.musicOnHoldStart(c2);
            ev.musicOnHoldStop(c2);
            return;
        }
        if (device.call != null || device.status != AgentDevice.NOT_INUSE || target.equals(call.member.extension)) {
            // the consultation starts and the busy target refuses it at once: the transferer is back with the caller
            Bridge consult = Bridge.create();
            ev.hold(a1);
            ev.musicOnHoldStart(c2);
            ev.bridgeCreate(consult);
            ev.bridgeLeave(call.bridge, a1);
            ev.bridgeEnter(consult, a1);
            ev.bridgeLeave(consult, a1);
            ev.bridgeEnter(call.bridge, a1);
            ev.musicOnHoldStop(c2);
            ev.unhold(a1);
            ev.bridgeDestroy(consult);
            return;
        }
        call.cancelTimer();
        ev.hold(a1);
        ev.varSet(a1, "BRIDGEPEER", "");
        ev.bridgeLeave(call.bridge, a1);
        ev.musicOnHoldStart(c2);
        ev.varSet(a1, "TRANSFERERNAME", a1.name());
        SimChannel[] legs = dialplan.newAgentLegs(call, target, "AppDial");
        ev.dialBegin(a1, legs[0], "Local/" + target + "@agents/n");
        long ring = 2_000_000_000L;
        dialplan.ringAgentDialplan(legs[0], legs[1], target, device, c2.callerNum, true, 2);
        ev.dialState(a1, legs[0], "RINGING");
        call.consult1 = legs[0];
        call.consult2 = legs[1];
        call.transferTarget = target;
        call.transferDevice = device;
        call.completeOnAnswer = false;
        device.call = call;
        call.phase = Call.Phase.CONSULT_RINGING;
        engine.after(call, ring, () -> consultAnswer(call));
    }

    /** The target answers the consultation: DialEnd ANSWER and a second bridge with the transferer. */
    void consultAnswer(Call call) {
        if (call.phase != Call.Phase.CONSULT_RINGING) {
            return;
        }
        SimChannel a1 = call.a1;
        SimChannel t1 = call.consult1;
        SimChannel t2 = call.consult2;
        String ext = call.transferTarget;
        ev.extensionStatus(ext, "agents", "Custom:agent" + ext, 1, "InUse");
        ev.newexten(t2, "agents", ext, 7, "Set", "DEVICE_STATE(Custom:agent" + ext + ")=INUSE");
        dialplan.setDevice(call.transferDevice, AgentDevice.INUSE);
        ev.deviceState("Custom:agent" + ext, "INUSE");
        ev.newexten(t2, "agents", ext, 8, "Answer", "");
        ev.newstate(t2, 6);
        ev.newstate(t1, 6);
        ev.dialEnd(a1, t1, "ANSWER");
        Bridge b = Bridge.create();
        call.consultBridge = b;
        ev.bridgeCreate(b);
        ev.bridgeEnter(b, a1);
        ev.bridgeEnter(b, t1);
        ev.varSet(a1, "BRIDGEPEER", t1.name());
        ev.varSet(t1, "BRIDGEPEER", a1.name());
        ev.newexten(t2, "agents", ext, 9, "Wait", Long.toString(call.spec.talkTime().toSeconds()));
        call.phase = Call.Phase.CONSULT_TALKING;
        if (call.completeOnAnswer) {
            completeTransfer(call);
        }
    }

    /**
     * The transferring agent hangs up: while the target rings the transfer completes on its answer (Asterisk's
     * default), once it talks the target moves into the caller's bridge (AttendedTransfer, DestType Bridge).
     */
    void transfererHangup(Call call) {
        engine.sync(call);
        if (call.phase == Call.Phase.CONSULT_RINGING) {
            call.completeOnAnswer = true;
        } else if (call.phase == Call.Phase.CONSULT_TALKING) {
            completeTransfer(call);
        }
    }

    private void completeTransfer(Call call) {
        SimChannel c2 = call.c2;
        SimChannel a1 = call.a1;
        SimChannel a2 = call.a2;
        SimChannel t1 = call.consult1;
        SimChannel t2 = call.consult2;
        Member m = call.member;
        Bridge orig = call.bridge;
        Bridge consult = call.consultBridge;
        // Asterisk 22 (testdata/ami/live/atxfer-completed): the target moves into the caller's bridge, the caller's
        // music stops, then AttendedTransfer; no Unhold for the transferer
        ev.varSet(t1, "BRIDGEPEER", "");
        ev.bridgeLeave(consult, t1);
        ev.bridgeEnter(orig, t1);
        ev.musicOnHoldStop(c2);
        ev.attendedTransfer(a1, orig, consult, c2, t1);
        ev.varSet(c2, "BRIDGEPEER", t1.name());
        ev.varSet(t1, "BRIDGEPEER", c2.name());
        ev.varSet(a1, "BRIDGEPEER", "");
        ev.bridgeLeave(consult, a1);
        ev.bridgeDestroy(consult);
        long talk = engine.agentComplete(call, "transfer");
        dialplan.hangupAgentLegs(a1, a2, m.extension, 16);
        dialplan.completeMember(m);
        ev.deviceState("Local/" + m.extension + "@agents", "NOT_INUSE");
        dialplan.completeQueueCall(call, m, talk);
        call.a1 = t1;
        call.a2 = t2;
        call.member = null;
        call.consult1 = null;
        call.consult2 = null;
        call.consultBridge = null;
        call.phase = Call.Phase.TRANSFER_TALKING;
        call.transferAnswerSim = call.simNow;
        call.cancelTimer();
        engine.after(call, call.spec.talkTime().toNanos(), () -> engine.transfers.targetHangup(call));
    }

    /** The caller hangs up during the consultation: every leg goes and both agents are free. */
    void consultCallerHangup(Call call) {
        engine.sync(call);
        call.cancelAll();
        SimChannel c1 = call.c1;
        SimChannel c2 = call.c2;
        Member m = call.member;
        boolean talking = call.phase == Call.Phase.CONSULT_TALKING;
        ev.hangupRequest(c2, 16);
        ev.hangup(c1, 16);
        ev.musicOnHoldStop(c2);
        long talk = engine.agentComplete(call, "caller");
        ev.varSet(c2, "BRIDGEPEER", "");
        ev.bridgeLeave(call.bridge, c2);
        ev.bridgeDestroy(call.bridge);
        ev.softHangupRequest(c2, 16);
        ev.hangup(c2, 16);
        if (talking) {
            ev.bridgeLeave(call.consultBridge, call.consult1);
            ev.bridgeLeave(call.consultBridge, call.a1);
            ev.bridgeDestroy(call.consultBridge);
        } else {
            ev.dialEnd(call.a1, call.consult1, "CANCEL");
        }
        dialplan.hangupAgentLegs(call.consult1, call.consult2, call.transferTarget, talking ? 16 : 0);
        dialplan.setDevice(call.transferDevice, AgentDevice.NOT_INUSE);
        dialplan.release(call.transferDevice, 0);
        dialplan.hangupAgentLegs(call.a1, call.a2, m.extension, 16);
        dialplan.completeMember(m);
        ev.deviceState("Local/" + m.extension + "@agents", "NOT_INUSE");
        finish(call, m, talk);
    }

    private void finish(Call call, Member m, long talk) {
        engine.callerDeviceFree(call);
        dialplan.completeQueueCall(call, m, talk);
        engine.end(call, CallResult.Disposition.ANSWERED);
    }
}
