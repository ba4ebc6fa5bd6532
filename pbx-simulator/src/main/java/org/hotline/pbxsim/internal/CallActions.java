package org.hotline.pbxsim.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;

/** Originate, Hangup and Redirect over the generated calls, like the lab driver uses them (captures 01, 05, 08). */
final class CallActions {

    private final Sim sim;
    private final CallEngine engine;
    private final Events ev;

    CallActions(CallEngine engine) {
        this.sim = engine.sim;
        this.engine = engine;
        this.ev = engine.ev;
    }

    /** {@code Local/<exten>@callers} with CALLERNUM/CALLERNAME/__TALKTIME variables, as the lab driver sends. */
    void originate(ActionHandler h, AmiSession s, Action a) {
        String channel = a.get("Channel", "");
        if (SpyFlows.isSpy(a)) {
            engine.spyFlows.originate(h, s, a);
            return;
        }
        String agentExt = engine.clickToDial.agentExtension(channel);
        if (agentExt != null) {
            originateFromAgent(h, s, a, agentExt);
            return;
        }
        QueueState q = null;
        if (channel.startsWith("Local/") && channel.endsWith("@callers")) {
            String exten = channel.substring(6, channel.indexOf('@'));
            for (QueueState candidate : sim.queues.values()) {
                if (candidate.callerExten.equals(exten)) {
                    q = candidate;
                }
            }
        }
        if (q == null) {
            h.error(s, a.actionId(), "Originate failed");
            return;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String v : a.all("Variable")) {
            int eq = v.indexOf('=');
            if (eq > 0) {
                vars.put(v.substring(0, eq).trim(), v.substring(eq + 1));
            }
        }
        String number = vars.getOrDefault("CALLERNUM", "anonymous");
        String name = vars.get("CALLERNAME");
        long talk = seconds(vars.get("__TALKTIME"), 5 + ThreadLocalRandom.current().nextLong(8));
        long patience = seconds(a.get("Data"), 120);
        Map<String, String> extra = new LinkedHashMap<>(vars);
        extra.keySet().removeAll(List.of("CALLERNUM", "CALLERNAME", "__TALKTIME"));
        // the lab's agents answer after RAND(1,4) seconds unless AGENT_DELAY is set
        Duration ring = Duration.ofSeconds(1 + ThreadLocalRandom.current().nextLong(4));
        CallSpec spec = new CallSpec(number, name, q.name, extra, Outcome.answer(ring), Duration.ofSeconds(talk),
                Duration.ofSeconds(patience));
        h.success(s, a.actionId(), "Originate successfully queued");
        engine.place(spec, a.actionId() == null ? "" : a.actionId(), null);
    }

    /** Click-to-dial: the agent's phone rings first, then the context dials the number (ADR 0010). */
    private void originateFromAgent(ActionHandler h, AmiSession s, Action a, String ext) {
        String context = a.get("Context", "");
        String exten = a.get("Exten", "");
        if (context.isEmpty() || !exten.matches("\\+?[0-9]{3,20}")) {
            h.error(s, a.actionId(), "Originate failed");
            return;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String v : a.all("Variable")) {
            int eq = v.indexOf('=');
            if (eq > 0) {
                vars.put(v.substring(0, eq).trim(), v.substring(eq + 1));
            }
        }
        String number = exten.startsWith("+") ? exten.substring(1) : exten;
        boolean async = "true".equalsIgnoreCase(a.get("Async", "false"));
        if (!async) {
            // a synchronous Originate answers only after the agent's phone is up; Hotline always sends Async
            h.error(s, a.actionId(), "Originate failed");
            return;
        }
        // Async: Asterisk queues the originate at once; a phone that is offline (Reason 0) or busy (Reason 5) shows
        // only in the OriginateResponse that follows, as on Asterisk 22
        h.success(s, a.actionId(), "Originate successfully queued");
        int refusal = engine.clickToDial.refusal(ext);
        if (refusal >= 0) {
            ev.originateFailure(a.actionId(), a.get("Channel", ""), context, exten, refusal);
            return;
        }
        engine.clickToDial.originate(ext, context, number, a.actionId(), vars);
    }

    /**
     * ShowDialPlan of one extension of the shipped {@code hotline-transfer} context (4-digit agents, {@code q-<queue>},
     * 5+ digit numbers): its priorities as a list, or Asterisk's error for an extension the context lacks. Other
     * contexts are listed as empty.
     */
    void showDialPlan(ActionHandler h, AmiSession s, Action a) {
        String id = a.actionId();
        String context = a.get("Context", "");
        String exten = a.get("Extension", "");
        String pattern = null;
        int priorities = 0;
        if (!context.equals("hotline-transfer") || exten.isEmpty()) {
            pattern = "";
        } else if (exten.matches("[123][0-9]{3}")) {
            pattern = "_[123]XXX";
            priorities = 3;
        } else if (exten.matches("q-.+")) {
            pattern = "_q-.";
            priorities = 2;
        } else if (exten.matches("[0-9]{5,}")) {
            pattern = "_XXXXX.";
            priorities = 3;
        }
        if (pattern == null) {
            h.error(s, id, "Did not find extension " + exten + "@" + context);
            return;
        }
        List<Frame> out = new ArrayList<>();
        out.add(Frame.response("Success", id).add("EventList", "start").add("Message", "DialPlan list will follow"));
        for (int p = 1; p <= priorities; p++) {
            out.add(Frame.bare("ListDialplan").actionId(id).add("Context", context).add("Extension", pattern)
                    .add("Priority", p).add("Registrar", "pbx_config"));
        }
        out.add(Frame.bare("ShowDialPlanComplete").actionId(id).add("EventList", "Complete")
                .add("ListItems", priorities).add("ListExtensions", priorities > 0 ? 1 : 0)
                .add("ListPriorities", priorities).add("ListContexts", 1));
        h.reply(s, Frame.concat(out));
    }

    /**
     * Setvar of a channel variable ({@code HOTLINE_HELD_PEER}, {@code TRANSFER_EXTEN}) with its VarSet event, or of a
     * global without Channel; a channel that does not exist is an error, as in Asterisk.
     */
    void setvar(ActionHandler h, AmiSession s, Action a) {
        String id = a.actionId();
        String name = a.get("Variable", "");
        String value = a.get("Value", "");
        String channel = a.get("Channel", "");
        if (name.isEmpty()) {
            h.error(s, id, "No variable specified");
            return;
        }
        if (channel.isEmpty()) {
            h.success(s, id, "Variable Set");
            return;
        }
        SimChannel c = sim.channels.get(channel);
        if (c == null) {
            h.error(s, id, "No such channel");
            return;
        }
        h.success(s, id, "Variable Set");
        ev.varSet(c, name, value);
    }

    private static long seconds(String v, long fallback) {
        try {
            return v == null || v.isBlank() ? fallback : Math.max(0, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Hangup of one channel, or of every channel matching {@code /regex/} (listed as in capture 08). */
    void hangup(ActionHandler h, AmiSession s, Action a) {
        String spec = a.get("Channel", "");
        String id = a.actionId();
        boolean regex = spec.length() > 1 && spec.startsWith("/") && spec.endsWith("/");
        List<String> matched = new ArrayList<>();
        if (regex) {
            Pattern p;
            try {
                p = Pattern.compile(spec.substring(1, spec.length() - 1));
            } catch (PatternSyntaxException e) {
                h.error(s, id, "Invalid regex");
                return;
            }
            for (String name : sim.channels.keySet()) {
                if (p.matcher(name).find()) {
                    matched.add(name);
                }
            }
            List<Frame> out = new ArrayList<>();
            out.add(Frame.response("Success", id).add("EventList", "start").add("Message",
                    "Channels hung up will follow"));
            for (String name : matched) {
                out.add(Frame.bare("ChannelHungup").add("Channel", name).actionId(id));
            }
            out.add(Frame.bare("ChannelsHungupListComplete").actionId(id).add("EventList", "Complete")
                    .add("ListItems", matched.size()));
            h.reply(s, Frame.concat(out));
        } else {
            if (!sim.channels.containsKey(spec)) {
                h.error(s, id, "No such channel");
                return;
            }
            matched.add(spec);
            h.success(s, id, "Channel Hungup");
        }
        for (String name : matched) {
            hangupChannel(name);
        }
    }

    private void hangupChannel(String name) {
        SimChannel c = sim.channels.get(name);
        if (c == null || engine.clickToDial.hangup(name)) {
            return;
        }
        Call call = engine.findByChannel(name);
        if (call == null) {
            // a channel replayed from a capture: it just goes
            ev.hangupRequest(c, 16);
            ev.hangup(c, 16);
        } else if (c == call.c1 || c == call.c2) {
            engine.callerHangup(call);
        } else if (c == call.consult1 || c == call.consult2) {
            // the consulted target refuses: not modelled, the consultation goes on until the transferer acts
            return;
        } else if (call.phase == Call.Phase.HELD) {
            engine.holds.heldHangup(call, false);
        } else if (call.phase == Call.Phase.CONSULT_RINGING || call.phase == Call.Phase.CONSULT_TALKING) {
            engine.holds.transfererHangup(call);
        } else if (call.phase == Call.Phase.TALKING) {
            engine.sync(call);
            call.cancelTimer();
            engine.agents.agentHangup(call);
        } else if (call.phase == Call.Phase.RINGING) {
            engine.sync(call);
            call.cancelTimer();
            engine.agents.ringNoAnswer(call);
        }
    }

    /** Redirect of a queue caller into another queue's extension (capture 05, first call). */
    void redirect(ActionHandler h, AmiSession s, Action a) {
        String id = a.actionId();
        String channel = a.get("Channel");
        Call call = channel == null ? null : engine.findByChannel(channel);
        if (channel == null || !sim.channels.containsKey(channel)) {
            h.error(s, id, "Channel does not exist: " + channel);
            return;
        }
        String extra = a.get("ExtraChannel");
        if (extra != null && !extra.isEmpty()) {
            redirectBoth(h, s, a, call, channel, extra);
            return;
        }
        String exten = a.get("Exten", "");
        QueueState target = null;
        for (QueueState q : sim.queues.values()) {
            if (q.name.equals(exten) || q.callerExten.equals(exten)) {
                target = q;
            }
        }
        if (call == null || !channel.equals(call.callerChannel()) || target == null
                || !(call.phase == Call.Phase.WAITING || call.phase == Call.Phase.RETRY
                        || call.phase == Call.Phase.TALKING)) {
            h.error(s, id, "Redirect failed");
            return;
        }
        h.success(s, id, "Redirect successful");
        engine.sync(call);
        engine.transfers.redirect(call, a.get("Context", "transfer"), exten, target);
    }

    /**
     * BlindTransfer of an agent leg that talks to a queue caller: to a 4-digit agent extension (Dial, as capture 05)
     * or to {@code q-<queue>} (the caller re-enters that queue), as Hotline's {@code hotline-transfer} context does.
     */
    void blindTransfer(ActionHandler h, AmiSession s, Action a) {
        String id = a.actionId();
        String channel = a.get("Channel");
        if (channel == null || !sim.channels.containsKey(channel)) {
            h.error(s, id, "No such channel");
            return;
        }
        Call call = engine.findByChannel(channel);
        String exten = a.get("Exten", "");
        if (call == null || call.phase != Call.Phase.TALKING || call.a1 == null || call.member == null
                || !channel.equals(call.a1.name())) {
            h.error(s, id, "Transfer failed");
            return;
        }
        if (exten.startsWith("q-")) {
            QueueState target = sim.queue(exten.substring(2));
            if (target == null) {
                h.error(s, id, "Transfer failed");
                return;
            }
            h.success(s, id, "Transfer succeeded");
            engine.sync(call);
            call.cancelTimer();
            ev.unhold(call.a1);
            ev.blindTransfer(call.a1, call.c2, call.bridge, a.get("Context", "transfer"), exten);
            engine.transfers.redirect(call, a.get("Context", "transfer"), exten, target);
        } else if (exten.matches("[0-9]{4}")) {
            h.success(s, id, "Transfer succeeded");
            engine.sync(call);
            call.cancelTimer();
            engine.transfers.blindTransfer(call, new Outcome.BlindTransfer(call.member.extension, Duration.ZERO,
                    exten, Duration.ofSeconds(2)));
        } else {
            h.error(s, id, "Transfer failed");
        }
    }

    /**
     * Redirect with ExtraChannel of both parties of an answered queue call, as Hotline's hold sends it: the caller
     * and the agent's leg each to their own location, leaving the bridge together (ADR 0010).
     */
    private void redirectBoth(ActionHandler h, AmiSession s, Action a, Call call, String channel, String extra) {
        String id = a.actionId();
        if (!sim.channels.containsKey(extra)) {
            h.error(s, id, "Channel does not exist: " + extra);
            return;
        }
        if (call == null || call.phase != Call.Phase.TALKING || call.a1 == null || call.member == null) {
            h.error(s, id, "Redirect failed");
            return;
        }
        boolean callerFirst = channel.equals(call.c2.name()) && extra.equals(call.a1.name());
        boolean agentFirst = channel.equals(call.a1.name()) && extra.equals(call.c2.name());
        if (!callerFirst && !agentFirst) {
            h.error(s, id, "Redirect failed");
            return;
        }
        String context = a.get("Context", "");
        String extraContext = a.get("ExtraContext", context);
        String callerExten = callerFirst ? a.get("Exten", "") : a.get("ExtraExten", "");
        String agentExten = callerFirst ? a.get("ExtraExten", "") : a.get("Exten", "");
        if (context.isEmpty() || !context.equals(extraContext) || callerExten.isEmpty() || agentExten.isEmpty()) {
            h.error(s, id, "Redirect failed");
            return;
        }
        h.success(s, id, "Dual Redirect successful");
        engine.holds.hold(call, context, callerExten, agentExten);
    }

    /** Bridge Channel1/Channel2 of a held call's agent leg and caller: the two talk again. */
    void bridge(ActionHandler h, AmiSession s, Action a) {
        String id = a.actionId();
        String one = a.get("Channel1", "");
        String two = a.get("Channel2", "");
        if (!sim.channels.containsKey(one)) {
            h.error(s, id, "Channel1 does not exist: " + one);
            return;
        }
        if (!sim.channels.containsKey(two)) {
            h.error(s, id, "Channel2 does not exist: " + two);
            return;
        }
        Call call = engine.findByChannel(one);
        if (call == null || call != engine.findByChannel(two) || call.phase != Call.Phase.HELD
                || !java.util.Set.of(one, two).equals(java.util.Set.of(call.a1.name(), call.c2.name()))) {
            h.error(s, id, "Unable to bridge channels");
            return;
        }
        h.success(s, id, "Channels have been bridged");
        engine.holds.unhold(call);
    }

    /**
     * Atxfer as Asterisk 22 answers it: Success whenever the channel exists, then the transfer happens or not. A
     * channel that is not a talking queue agent's leg gets nothing more (as a call without transfer rights); the
     * consultation itself is in {@link HoldFlows#attendedTransfer}.
     */
    void atxfer(ActionHandler h, AmiSession s, Action a) {
        String id = a.actionId();
        String channel = a.get("Channel", "");
        String exten = a.get("Exten", "");
        if (channel.isEmpty()) {
            h.error(s, id, "No channel specified");
            return;
        }
        if (exten.isEmpty()) {
            h.error(s, id, "No extension specified");
            return;
        }
        if (!sim.channels.containsKey(channel)) {
            h.error(s, id, "Channel specified does not exist");
            return;
        }
        h.success(s, id, "Atxfer successfully queued");
        Call call = engine.findByChannel(channel);
        if (call == null || call.phase != Call.Phase.TALKING || call.a1 == null || call.member == null
                || !channel.equals(call.a1.name())) {
            return;
        }
        engine.holds.attendedTransfer(call, exten);
    }
}
