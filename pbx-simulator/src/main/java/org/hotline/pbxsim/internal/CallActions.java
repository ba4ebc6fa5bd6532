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
        if (c == null) {
            return;
        }
        Call call = engine.findByChannel(name);
        if (call == null) {
            // a channel replayed from a capture: it just goes
            ev.hangupRequest(c, 16);
            ev.hangup(c, 16);
        } else if (c == call.c1 || c == call.c2) {
            engine.callerHangup(call);
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
}
