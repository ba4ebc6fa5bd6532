package org.hotline.cti.call.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.Caller;

/**
 * Builds one call from its CoreShowChannel rows (and the QueueEntry of its caller, if it waits in a queue).
 *
 * <p>Rules: the caller is the leg holding the Linkedid channel (else the queued one, else the one in
 * {@code Queue()}); another leg is an agent when its interface is a known member or it is a dial's outgoing line
 * ({@code AppQueue}/{@code AppDial}); bridged with the caller means connected, Ring/Ringing (4/5) means ringing.
 */
final class ResyncedCall {

    private static final int RING = 4;
    private static final int RINGING = 5;

    private final TrackerEngine e;
    private final CallId id;
    private final List<AmiMessage> rows;
    private final Map<String, AmiMessage> entries;
    private final Map<Channel, AmiMessage> rowOf = new LinkedHashMap<>();

    ResyncedCall(TrackerEngine engine, CallId id, List<AmiMessage> rows, Map<String, AmiMessage> entries) {
        this.e = engine;
        this.id = id;
        this.rows = rows;
        this.entries = entries;
    }

    Call build(Call old) {
        long now = e.now();
        Call call = new Call(id, now);
        Map<String, Channel> byName = new HashMap<>();
        int maxDuration = 0;
        Channel linked = null;
        Channel queued = null;
        AmiMessage entry = null;
        for (AmiMessage row : rows) {
            Channel c = new Channel(row.get("Uniqueid"), row.get("Channel"));
            c.callerNum = row.get("CallerIDNum");
            c.callerName = row.get("CallerIDName");
            String bridge = row.get("BridgeId");
            c.bridgeId = bridge == null || bridge.isEmpty() ? null : bridge;
            e.refreshVariables(c, row, "ChanVariable");
            rowOf.put(c, row);
            maxDuration = Math.max(maxDuration, seconds(row));
            Channel partner = byName.get(Channel.localPartnerName(c.name));
            Leg leg = partner != null ? partner.leg : new Leg(call);
            if (partner == null) {
                call.legs.add(leg);
            }
            leg.channels.add(c);
            c.leg = leg;
            byName.put(c.name, c);
            call.liveChannels++;
            if (c.uniqueid.equals(id.value())) {
                linked = c;
            }
            AmiMessage en = entries.get(c.uniqueid);
            if (en != null) {
                entry = en;
                queued = c;
            }
        }
        Channel inQueueApp = null;
        for (Channel c : rowOf.keySet()) {
            if ("Queue".equals(rowOf.get(c).get("Application"))) {
                inQueueApp = c;
            }
        }
        Leg callerLeg = linked != null ? linked.leg : queued != null ? queued.leg
                : inQueueApp != null ? inQueueApp.leg : call.legs.get(0);
        e.makeCaller(call, callerLeg);
        if (inQueueApp != null && inQueueApp.leg != callerLeg) {
            inQueueApp = null;
        }
        queueOf(call, entry, inQueueApp, now);
        call.caller = callerOf(callerLeg, entry, queued != null ? queued : inQueueApp);
        for (Leg leg : call.legs) {
            if (leg != callerLeg) {
                agentLeg(call, leg, inQueueApp != null, now);
            }
        }
        call.state = call.connected != null ? CallState.TALKING : !call.rings.isEmpty() ? CallState.RINGING
                : call.inQueue ? CallState.QUEUED : CallState.DIALPLAN;
        call.startedMicros = now - maxDuration * 1_000_000L;
        if (old != null) {
            carryOver(old, call);
        }
        return call;
    }

    private void queueOf(Call call, AmiMessage entry, Channel inQueueApp, long now) {
        if (entry != null) {
            call.queue = entry.get("Queue");
            call.inQueue = true;
            call.queuedMicros = now - e.intField(entry, "Wait", 0) * 1_000_000L;
        } else if (inQueueApp != null) {
            // connected queue calls are no QueueEntry any more; Queue()'s first argument names the queue
            String data = rowOf.get(inQueueApp).get("ApplicationData", "");
            int comma = data.indexOf(',');
            call.queue = comma < 0 ? data : data.substring(0, comma);
        }
    }

    private Caller callerOf(Leg callerLeg, AmiMessage entry, Channel preferred) {
        Caller best = entry == null ? Caller.UNKNOWN : TrackerEngine.caller(entry, "CallerIDNum", "CallerIDName");
        if (best.number().isEmpty() && preferred != null) {
            best = new Caller(preferred.callerNum, preferred.callerName);
        }
        for (Channel c : callerLeg.channels) {
            if (best.number().isEmpty()) {
                best = new Caller(c.callerNum, c.callerName);
            }
        }
        return best;
    }

    private void agentLeg(Call call, Leg leg, boolean fromQueue, long now) {
        Channel primary = leg.primary();
        AgentInterface ai = quietInterface(primary.name);
        if (ai == null) {
            return;
        }
        Agent known = e.agents.get(ai);
        boolean dialled = false;
        boolean ringing = false;
        boolean bridged = false;
        for (Channel c : leg.channels) {
            AmiMessage row = rowOf.get(c);
            String app = row.get("Application", "");
            dialled |= app.equals("AppQueue") || app.equals("AppDial");
            int state = e.intField(row, "ChannelState", 0);
            ringing |= state == RING || state == RINGING;
            bridged |= c.bridgeId != null && bridgedWithCaller(call, c.bridgeId);
        }
        if (known == null && !dialled) {
            return;
        }
        leg.role = Leg.Role.AGENT;
        leg.agent = ai;
        leg.memberName = known == null ? null : known.memberName;
        if (bridged) {
            call.connected = leg;
        } else if (!ringing) {
            // answered but not bridged yet: connected unless a bridged agent leg says otherwise
            if (call.connected == null) {
                call.connected = leg;
            }
        } else {
            leg.ringing = true;
            leg.ringQueue = fromQueue ? call.queue : null;
            leg.ringStartedMicros = now - seconds(rowOf.get(primary)) * 1_000_000L;
            call.rings.add(leg);
        }
    }

    private static boolean bridgedWithCaller(Call call, String bridgeId) {
        for (Channel c : call.callerLeg.channels) {
            if (bridgeId.equals(c.bridgeId)) {
                return true;
            }
        }
        return false;
    }

    /** Keeps what the lists cannot tell: start, the exact queue time, answer time, hold, a known caller name. */
    private static void carryOver(Call old, Call call) {
        call.startedMicros = Math.min(call.startedMicros, old.startedMicros);
        if (old.queuedMicros != Fields.NO_LONG && Objects.equals(old.queue, call.queue)) {
            call.queuedMicros = old.queuedMicros;
        }
        if (call.connected != null && old.connected != null && call.connected.agent.equals(old.connected.agent)) {
            call.answeredMicros = old.answeredMicros;
        }
        if (Resync.stillHeld(old, call)) {
            call.state = CallState.ON_HOLD;
        }
        call.caller = CallHandlers.orKnown(call.caller, old.caller);
        if (call.caller.name().isEmpty() && call.caller.number().equals(old.caller.number())) {
            call.caller = old.caller;
        }
        call.cause = old.cause;
        call.causeText = old.causeText;
    }

    private int seconds(AmiMessage row) {
        String d = row.get("Duration");
        int s = Fields.parseHms(d);
        if (s == Fields.NO_INT) {
            if (d != null) {
                e.counters.malformed++;
            }
            return 0;
        }
        return s;
    }

    private static AgentInterface quietInterface(String name) {
        try {
            return name.isEmpty() ? null : AgentInterface.of(name);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
