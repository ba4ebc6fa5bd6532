package org.hotline.cti.call.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentRingStopped;
import org.hotline.cti.call.AgentRinging;
import org.hotline.cti.call.CallAbandoned;
import org.hotline.cti.call.CallAnswered;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.call.CallerIdentified;
import org.hotline.cti.call.CallHoldChanged;
import org.hotline.cti.call.CallQueueTimedOut;
import org.hotline.cti.call.CallQueued;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.CallTransferred;
import org.hotline.cti.call.Caller;

/** Channel, queue-caller, dial, bridge, transfer and hangup events: everything that moves a call. */
final class CallHandlers {

    /** The extension Hotline's hold Redirects the caller to (ADR 0010, {@code hotline.control.hold-context}). */
    private static final String HOLD_EXTEN = "moh";

    private final TrackerEngine e;
    private final RingHandlers rings;

    CallHandlers(TrackerEngine engine, RingHandlers rings) {
        this.e = engine;
        this.rings = rings;
    }

    void newChannel(AmiMessage m) {
        Channel c = e.channel(m, "Uniqueid", "Linkedid", "Channel");
        if (c != null) {
            c.callerNum = m.get("CallerIDNum");
            c.callerName = m.get("CallerIDName");
            e.refreshVariables(c, m, "ChanVariable");
            noteCaller(c, m);
        }
    }

    /** NewCallerid: the dialplan set the Caller ID (a trunk's or an IVR's), often before any queue. */
    void newCallerid(AmiMessage m) {
        Channel c = e.channels.get(m.get("Uniqueid"));
        if (c != null) {
            c.callerNum = m.get("CallerIDNum");
            c.callerName = m.get("CallerIDName");
            noteCaller(c, m);
        }
    }

    /**
     * A call that never reaches a queue still needs its caller: take the caller leg's own Caller ID, and say so at
     * once so that the caller is looked up while the IVR runs.
     */
    private void noteCaller(Channel c, AmiMessage m) {
        Call call = c.leg.call;
        if (c.leg == call.callerLeg && call.caller.number().isEmpty() && !call.outbound) {
            call.caller = TrackerEngine.caller(m, "CallerIDNum", "CallerIDName");
            if (!call.caller.number().isEmpty() && !c.hungUp) {
                e.emit(new CallerIdentified(call.id, call.caller, e.nowInstant()));
            }
        }
    }

    /** LocalBridge ties the two halves of a Local channel into one leg. */
    void localBridge(AmiMessage m) {
        Channel one = e.channels.get(m.get("LocalOneUniqueid"));
        Channel two = e.channels.get(m.get("LocalTwoUniqueid"));
        if (one == null || two == null) {
            e.counters.unknownChannels++;
            return;
        }
        merge(one.leg, two.leg);
    }

    private void merge(Leg keep, Leg drop) {
        if (keep == drop || keep.call != drop.call) {
            return;
        }
        if (keep.role == Leg.Role.OTHER && drop.role != Leg.Role.OTHER) {
            Leg t = keep;
            keep = drop;
            drop = t;
        }
        Call call = keep.call;
        for (Channel c : drop.channels) {
            c.leg = keep;
            keep.channels.add(c);
        }
        call.legs.remove(drop);
        if (keep.agent == null) {
            keep.agent = drop.agent;
            keep.memberName = drop.memberName;
        }
        if (call.callerLeg == drop) {
            e.makeCaller(call, keep);
        }
        if (call.connected == drop) {
            call.connected = keep;
        }
        if (call.answering == drop) {
            call.answering = keep;
        }
        if (call.rings.remove(drop) && !call.rings.contains(keep)) {
            keep.ringing = true;
            keep.ringQueue = drop.ringQueue;
            keep.ringStartedMicros = drop.ringStartedMicros;
            call.rings.add(keep);
        }
    }

    void queueJoin(AmiMessage m) {
        Channel c = e.channel(m, "Uniqueid", "Linkedid", "Channel");
        String queue = e.required(m, "Queue");
        if (c == null || queue == null) {
            return;
        }
        Call call = c.leg.call;
        e.refreshVariables(c, m, "ChanVariable");
        if (call.callerLeg != c.leg) {
            e.makeCaller(call, c.leg);
        }
        if ((call.state == CallState.TALKING || call.state == CallState.ON_HOLD) && call.connected != null) {
            // re-queued while connected and no BridgeLeave told us: a Redirect straight into a queue
            e.emit(new CallTransferred(call.id, CallTransferred.Kind.REDIRECT, call.connected.agent, queue,
                    e.nowInstant()));
            call.connected = null;
        }
        call.queue = queue;
        call.inQueue = true;
        call.queuedMicros = e.now();
        call.caller = TrackerEngine.caller(m, "CallerIDNum", "CallerIDName");
        e.transition(call, CallInput.QUEUE_JOINED);
        e.emit(new CallQueued(call.id, queue, call.caller, e.intField(m, "Position", 0), call.variables(),
                e.nowInstant()));
    }

    void queueLeave(AmiMessage m) {
        Call call = knownCall(m);
        if (call != null) {
            call.inQueue = false;
            e.transition(call, CallInput.QUEUE_LEFT);
        }
    }

    /**
     * QueueCallerAbandon is also sent when Queue() times out (or the queue empties) with the caller still on the line:
     * only a caller whose leg hung up before it abandoned (testdata/ami/live/README.md).
     */
    void queueAbandon(AmiMessage m) {
        Call call = knownCall(m);
        if (call == null) {
            return;
        }
        String queue = m.get("Queue", call.queue);
        rings.stopAll(call, AgentRingStopped.Reason.CANCELLED);
        call.inQueue = false;
        int position = e.intField(m, "Position", 0);
        int original = e.intField(m, "OriginalPosition", 0);
        Duration waited = Duration.ofSeconds(e.intField(m, "HoldTime", 0));
        Leg caller = call.callerLeg;
        if (caller != null && !caller.hangupSignalled && !caller.ended) {
            e.emit(new CallQueueTimedOut(call.id, queue, position, original, waited, e.nowInstant()));
            e.transition(call, CallInput.QUEUE_TIMED_OUT);
            return;
        }
        e.emit(new CallAbandoned(call.id, queue, position, original, waited, e.nowInstant()));
        e.transition(call, CallInput.ABANDONED);
    }

    /** HangupRequest / SoftHangupRequest: remembers that the leg is going, and whether our dialplan did it. */
    boolean hangupRequested(AmiMessage m, boolean soft) {
        Channel c = e.channels.get(m.get("Uniqueid"));
        if (c == null) {
            e.counters.ignored++;
            return false;
        }
        Leg leg = c.leg;
        if (!leg.hangupSignalled) {
            leg.hangupSignalled = true;
            String context = m.get("Context");
            // the dialplan's Hangup() shows as a SoftHangupRequest in the context that ran it (after-queue, hold)
            leg.systemHangup = soft && context != null && context.startsWith("hotline-");
            noteEnding(leg.call, leg);
        }
        return true;
    }

    /**
     * Who ends the call is the side whose hang-up is signalled first (the Hangup events of the other legs can come in
     * either order); a new connection (answer, transfer) clears it, so a transferer who hangs up does not count.
     */
    private static void noteEnding(Call call, Leg leg) {
        if (call.endedBy != null) {
            return;
        }
        if (leg == call.callerLeg) {
            call.endedBy = leg.systemHangup || call.customerDialFailed ? CallEnded.EndedBy.SYSTEM
                    : CallEnded.EndedBy.CALLER;
        } else if (leg == call.connected || leg == call.dialler) {
            // an outbound call whose dial failed is ended by the dialplan, whichever leg it hangs up first
            call.endedBy = call.customerDialFailed ? CallEnded.EndedBy.SYSTEM : CallEnded.EndedBy.AGENT;
        }
    }

    void bridgeEnter(AmiMessage m) {
        Channel c = e.channel(m, "Uniqueid", "Linkedid", "Channel");
        if (c != null) {
            c.bridgeId = m.get("BridgeUniqueid");
            c.wasBridged = true;
            c.bridgeContext = m.get("Context");
            c.bridgeExten = m.get("Exten");
            Call call = c.leg.call;
            if (c.leg == call.callerLeg && call.state == CallState.ON_HOLD && call.connected != null) {
                // Hotline's unhold is a Bridge of the held caller with the agent again (ADR 0010)
                e.transition(call, CallInput.UNHELD);
                call.heldBy = null;
                e.emit(new CallHoldChanged(call.id, call.connected.agent, false, e.nowInstant()));
            }
        }
    }

    /**
     * A caller leaving an agent's bridge at another dialplan location than it entered, with no transfer event before,
     * was moved by a Redirect (AMI has no Redirect event: capture 05 shows the new Context/Exten on BridgeLeave).
     */
    void bridgeLeave(AmiMessage m) {
        Channel c = e.channels.get(m.get("Uniqueid"));
        if (c == null) {
            e.counters.unknownChannels++;
            return;
        }
        String context = m.get("Context");
        String exten = m.get("Exten");
        boolean moved = c.bridgeContext != null
                && (!c.bridgeContext.equals(context) || !Objects.equals(c.bridgeExten, exten));
        c.bridgeId = null;
        c.bridgeContext = null;
        c.bridgeExten = null;
        Call call = c.leg.call;
        if (c.leg != call.callerLeg) {
            return;
        }
        if (call.transferPending) {
            call.transferPending = false;
        } else if (moved && HOLD_EXTEN.equals(exten) && call.state == CallState.TALKING && call.connected != null) {
            // Hotline's hold Redirects the caller to Exten moh of the hold context: on hold, not transferred
            e.transition(call, CallInput.HELD);
            call.heldBy = call.connected.agent;
            e.emit(new CallHoldChanged(call.id, call.connected.agent, true, e.nowInstant()));
        } else if (moved && (call.state == CallState.TALKING || call.state == CallState.ON_HOLD)) {
            AgentInterface from = call.connected == null ? null : call.connected.agent;
            call.connected = null;
            e.emit(new CallTransferred(call.id, CallTransferred.Kind.REDIRECT, from, exten + "@" + context,
                    e.nowInstant()));
            e.transition(call, CallInput.REDIRECTED);
        }
    }

    void hold(AmiMessage m, boolean onHold) {
        Channel c = e.channels.get(m.get("Uniqueid"));
        if (c == null) {
            e.counters.unknownChannels++;
            return;
        }
        Call call = c.leg.call;
        CallState before = call.state;
        e.transition(call, onHold ? CallInput.HELD : CallInput.UNHELD);
        if (call.state != before) {
            // BlindTransfer sends an Unhold for a call that was never held: only real changes are events
            AgentInterface agent = c.leg.role == Leg.Role.AGENT ? c.leg.agent
                    : call.connected == null ? null : call.connected.agent;
            call.heldBy = onHold ? agent : null;
            e.emit(new CallHoldChanged(call.id, agent, onHold, e.nowInstant()));
        }
    }

    /**
     * A party is gone when the first of its channels hangs up (a Local pair's other half follows at once); the call
     * ends when its last channel is gone, with the cause of the caller's leg (16 normal, 0 abandoned).
     */
    void hangup(AmiMessage m) {
        Channel c = e.channels.get(m.get("Uniqueid"));
        if (c == null) {
            e.counters.unknownChannels++;
            return;
        }
        e.forgetChannel(c);
        c.hungUp = true;
        noteCaller(c, m);
        Leg leg = c.leg;
        if (!leg.hangupSignalled) {
            leg.hangupSignalled = true;
            noteEnding(leg.call, leg);
        }
        Call call = leg.call;
        call.liveChannels--;
        int cause = e.intField(m, "Cause", 0);
        String causeText = m.get("Cause-txt", "");
        if (!leg.ended) {
            leg.ended = true;
            if (leg == call.callerLeg) {
                call.cause = cause;
                call.causeText = causeText;
                rings.stopAll(call, AgentRingStopped.Reason.CANCELLED);
                e.transition(call, CallInput.CALLER_LEFT);
            } else if (leg.ringing) {
                rings.stop(call, leg, AgentRingStopped.Reason.CANCELLED, e.since(leg.ringStartedMicros));
            } else if (leg == call.connected) {
                call.connected = null;
                e.transition(call, CallInput.AGENT_LEFT);
            }
            if (leg == call.answering) {
                call.answering = null;
            }
        }
        if (call.liveChannels <= 0) {
            end(call, cause, causeText);
        }
    }

    private void end(Call call, int cause, String causeText) {
        if (call.cause == Fields.NO_INT) {
            call.cause = cause;
            call.causeText = causeText;
        }
        e.transition(call, CallInput.LAST_CHANNEL_GONE);
        e.calls.remove(call.id.value(), call);
        for (Leg l : call.legs) {
            for (Channel ch : l.channels) {
                e.forgetChannel(ch);
            }
        }
        e.emit(new CallEnded(call.id, call.caller, call.cause, call.causeText, call.endedBy, call.outbound,
                e.nowInstant()));
    }

    /** The call of the event's channel, created if the channel is new to us. */
    private Call knownCall(AmiMessage m) {
        Channel c = e.channel(m, "Uniqueid", "Linkedid", "Channel");
        return c == null ? null : c.leg.call;
    }

    static Caller orKnown(Caller fresh, Caller known) {
        return fresh.number().isEmpty() && !known.number().isEmpty() ? known : fresh;
    }

    static AgentRinging ringing(Call call, Leg leg, Caller caller, Duration waited, Instant at) {
        return new AgentRinging(call.id, leg.agent, leg.memberName, leg.ringQueue, caller, waited, call.variables(),
                at, call.outbound);
    }

    static CallAnswered answered(Call call, Leg leg, String queue, Duration holdTime, Instant at) {
        return new CallAnswered(call.id, leg.agent, leg.memberName, queue, call.caller, holdTime, at);
    }
}
