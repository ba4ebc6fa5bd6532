package org.hotline.cti.call.internal;

import java.time.Duration;
import java.util.ArrayList;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentRingStopped;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.Caller;

/** Agent phones ringing and answering: queue rings (AgentCalled…) and direct dials (DialBegin/DialEnd). */
final class RingHandlers {

    /** The channel variable click-to-dial sets to the number it dials (ADR 0010, manager.conf channelvars). */
    static final String DIALLED = "HOTLINE_DIALLED";

    private final TrackerEngine e;

    RingHandlers(TrackerEngine engine) {
        this.e = engine;
    }

    /** AgentCalled: the caller's fields come first, then {@code Dest*} for the agent's leg (README). */
    void agentCalled(AmiMessage m) {
        Channel src = e.channel(m, "Uniqueid", "Linkedid", "Channel");
        Channel dest = e.channel(m, "DestUniqueid", "DestLinkedid", "DestChannel");
        if (src == null || dest == null) {
            return;
        }
        String iface = m.get("Interface");
        AgentInterface agent = e.agentInterface(iface != null ? iface : dest.name);
        if (agent == null) {
            return;
        }
        Call call = src.leg.call;
        e.refreshVariables(src, m, "ChanVariable");
        if (call.callerLeg == null) {
            e.makeCaller(call, src.leg);
        }
        // the number for the pop is the queue caller's; the agent leg's CallerIDNum is the caller's extension
        call.caller = CallHandlers.orKnown(TrackerEngine.caller(m, "CallerIDNum", "CallerIDName"), call.caller);
        Leg leg = dest.leg;
        start(call, leg, agent, m.get("MemberName"), m.get("Queue"));
        e.emit(CallHandlers.ringing(call, leg, call.caller, e.since(call.queuedMicros), e.nowInstant()));
    }

    /** AgentRingNoAnswer: RingTime is in milliseconds here (AgentConnect's is in seconds). */
    void agentRingNoAnswer(AmiMessage m) {
        Channel dest = e.channels.get(m.get("DestUniqueid"));
        if (dest == null) {
            e.counters.unknownChannels++;
            return;
        }
        Leg leg = dest.leg;
        if (!leg.ringing) {
            return;
        }
        int ms = e.intField(m, "RingTime", Fields.NO_INT);
        stop(leg.call, leg, AgentRingStopped.Reason.NO_ANSWER,
                ms == Fields.NO_INT ? e.since(leg.ringStartedMicros) : Duration.ofMillis(ms));
    }

    /** AgentConnect: the queue call is answered; HoldTime is the caller's wait in seconds. */
    void agentConnect(AmiMessage m) {
        Channel src = e.channel(m, "Uniqueid", "Linkedid", "Channel");
        Channel dest = e.channel(m, "DestUniqueid", "DestLinkedid", "DestChannel");
        if (src == null || dest == null) {
            return;
        }
        Call call = src.leg.call;
        Leg leg = dest.leg;
        if (leg.agent == null) {
            String iface = m.get("Interface");
            leg.agent = e.agentInterface(iface != null ? iface : dest.name);
            if (leg.agent == null) {
                return;
            }
            leg.memberName = m.get("MemberName");
        }
        call.caller = CallHandlers.orKnown(TrackerEngine.caller(m, "CallerIDNum", "CallerIDName"), call.caller);
        answer(call, leg, m.get("Queue", call.queue), Duration.ofSeconds(e.intField(m, "HoldTime", 0)));
    }

    /**
     * DialBegin: a queue's own dial follows its AgentCalled and is skipped; another dial from the caller's leg, or
     * to a known member interface, rings an agent directly (queue null). A dial without a calling channel is an
     * Originate.
     */
    void dialBegin(AmiMessage m) {
        if (m.get("Uniqueid") == null) {
            originatedToAgent(m);
            return;
        }
        Channel src = e.channel(m, "Uniqueid", "Linkedid", "Channel");
        Channel dest = e.channel(m, "DestUniqueid", "DestLinkedid", "DestChannel");
        if (src == null || dest == null) {
            return;
        }
        Call call = src.leg.call;
        Leg leg = dest.leg;
        dest.leg.dialledBy = src.leg;
        if (call.outbound && src.leg == call.dialler && call.callerLeg == null) {
            // click-to-dial: the agent's leg dials the customer, who is the call's other party from now on
            e.makeCaller(call, leg);
            leg.ringStartedMicros = e.now();
            return;
        }
        if (leg.ringing || leg == call.connected || leg == call.callerLeg) {
            return;
        }
        AgentInterface agent = e.agentInterface(dest.name);
        Agent known = e.agent(agent);
        if (agent == null || known == null && !(src.leg == call.callerLeg && !isMember(src.name))) {
            // an unknown destination rings an agent only when the caller dials it, not when an agent dials out
            return;
        }
        if (src.leg != call.callerLeg && call.connected != null
                && (call.state == CallState.TALKING || call.state == CallState.ON_HOLD)) {
            // an attended transfer's consultation: not a ring of the call; the target answers it when the transfer
            // completes (AttendedTransfer), and a refused consultation leaves the call as it was
            leg.role = Leg.Role.AGENT;
            leg.agent = agent;
            leg.memberName = known == null ? null : known.memberName;
            return;
        }
        e.refreshVariables(src, m, "ChanVariable");
        if (src.leg == call.callerLeg) {
            call.caller = CallHandlers.orKnown(TrackerEngine.caller(m, "CallerIDNum", "CallerIDName"), call.caller);
        }
        start(call, leg, agent, known == null ? null : known.memberName, null);
        e.emit(CallHandlers.ringing(call, leg, call.caller, Duration.ZERO, e.nowInstant()));
    }

    /**
     * A DialBegin with no calling channel is an Originate's; one that rings a member's interface is click-to-dial
     * (ADR 0010): the agent's phone rings first, showing the number it will call. The call is outbound: its other party
     * is the dialled customer ({@code HOTLINE_DIALLED}, else the Originate's CallerID), who "answers" it.
     */
    private void originatedToAgent(AmiMessage m) {
        Channel dest = e.channel(m, "DestUniqueid", "DestLinkedid", "DestChannel");
        if (dest == null || dest.name.isEmpty()) {
            return;
        }
        AgentInterface agent;
        try {
            agent = AgentInterface.of(dest.name);
        } catch (IllegalArgumentException ex) {
            return;
        }
        Agent known = e.agent(agent);
        Leg leg = dest.leg;
        Call call = leg.call;
        if (known == null || leg.ringing || leg == call.connected) {
            return;
        }
        e.refreshVariables(dest, m, "DestChanVariable");
        String dialled = call.variables().get(DIALLED);
        if (dialled == null || dialled.isEmpty()) {
            dialled = dest.variable(DIALLED);
        }
        Caller customer = dialled == null || dialled.isEmpty()
                ? TrackerEngine.caller(m, "DestCallerIDNum", "DestCallerIDName") : new Caller(dialled, "");
        call.caller = CallHandlers.orKnown(customer, call.caller);
        call.outbound = true;
        call.dialler = leg;
        if (call.callerLeg == leg) {
            // the agent's own leg is the Linkedid channel, but the caller of an outbound call is the customer
            call.callerLeg = null;
        }
        start(call, leg, agent, known.memberName, null);
        e.emit(CallHandlers.ringing(call, leg, call.caller, Duration.ZERO, e.nowInstant()));
    }

    private boolean isMember(String channelName) {
        try {
            return !channelName.isEmpty() && e.agents.containsKey(AgentInterface.of(channelName));
        } catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /** DialEnd: stops a ring once (an abandon sends CANCEL twice for one dial) or answers a direct dial. */
    void dialEnd(AmiMessage m) {
        Channel dest = e.channels.get(m.get("DestUniqueid"));
        if (dest == null) {
            return;
        }
        Leg leg = dest.leg;
        Call call = leg.call;
        String status = m.get("DialStatus");
        if (status == null) {
            e.counters.missingFields++;
            status = "";
        }
        if (call.outbound && leg == call.callerLeg && call.dialler != null && call.connected == null) {
            // the customer of a click-to-dial answered (or not): that is when the outbound call is answered
            if (status.equals("ANSWER")) {
                answer(call, call.dialler, null, e.since(leg.ringStartedMicros));
            } else if (!status.equals("CANCEL")) {
                // busy, congestion, no answer in time: the dialplan ends the call (CANCEL: the agent gave up)
                call.customerDialFailed = true;
            }
            return;
        }
        if (!leg.ringing) {
            return;
        }
        switch (status) {
            case "ANSWER" -> {
                if (leg.ringQueue != null) {
                    // AgentConnect follows with HoldTime; until then the ring is answered, not stopped
                    leg.ringing = false;
                    call.rings.remove(leg);
                    call.answering = leg;
                } else if (call.outbound && leg == call.dialler) {
                    // the agent took their own click-to-dial call: it is answered when the customer answers
                    leg.ringing = false;
                    call.rings.remove(leg);
                    e.transition(call, CallInput.RINGS_STOPPED_UNQUEUED);
                } else {
                    answer(call, leg, null, e.since(leg.ringStartedMicros));
                }
            }
            case "NOANSWER" -> stop(call, leg, AgentRingStopped.Reason.NO_ANSWER, e.since(leg.ringStartedMicros));
            case "BUSY", "CHANUNAVAIL", "CONGESTION", "DONTCALL", "TORTURE", "INVALIDARGS" ->
                    stop(call, leg, AgentRingStopped.Reason.FAILED, e.since(leg.ringStartedMicros));
            default -> stop(call, leg, AgentRingStopped.Reason.CANCELLED, e.since(leg.ringStartedMicros));
        }
    }

    void start(Call call, Leg leg, AgentInterface agent, String memberName, String queue) {
        leg.role = Leg.Role.AGENT;
        leg.agent = agent;
        leg.memberName = memberName;
        leg.ringQueue = queue;
        leg.ringing = true;
        leg.ringStartedMicros = e.now();
        if (!call.rings.contains(leg)) {
            call.rings.add(leg);
        }
        e.transition(call, CallInput.RING_STARTED);
    }

    void answer(Call call, Leg leg, String queue, Duration holdTime) {
        leg.role = Leg.Role.AGENT;
        leg.ringing = false;
        call.rings.remove(leg);
        call.answering = null;
        call.connected = leg;
        call.endedBy = null;
        call.answeredMicros = e.now();
        e.transition(call, CallInput.ANSWERED);
        e.emit(CallHandlers.answered(call, leg, queue, holdTime, e.nowInstant()));
    }

    void stop(Call call, Leg leg, AgentRingStopped.Reason reason, Duration ringTime) {
        leg.ringing = false;
        call.rings.remove(leg);
        e.emit(new AgentRingStopped(call.id, leg.agent, leg.ringQueue, reason, ringTime, e.nowInstant()));
        if (call.rings.isEmpty() && call.answering == null) {
            e.transition(call, call.inQueue ? CallInput.RINGS_STOPPED_QUEUED : CallInput.RINGS_STOPPED_UNQUEUED);
        }
    }

    void stopAll(Call call, AgentRingStopped.Reason reason) {
        if (call.rings.isEmpty()) {
            return;
        }
        for (Leg leg : new ArrayList<>(call.rings)) {
            stop(call, leg, reason, e.since(leg.ringStartedMicros));
        }
    }
}
