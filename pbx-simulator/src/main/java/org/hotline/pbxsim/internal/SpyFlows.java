package org.hotline.pbxsim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A supervisor's listen, whisper or barge as Hotline sends it (docs/adr/0031): Originate of the supervisor's phone
 * into {@code hotline-spy}, extension {@code listen}, {@code whisper} or {@code barge}, with {@code HOTLINE_SPY_TARGET}
 * naming the agent's channel. As on Asterisk 22: Success at once (Async), the phone answers after a second
 * (OriginateResponse Success), then ChanSpy runs: ChanSpyStart when the target channel exists, and ChanSpyStop and the
 * spy's hang-up when the target goes; with no such channel ChanSpy ends at once (option S) and the phone hangs up.
 */
final class SpyFlows {

    /** The spy context of the shipped dialplan. */
    static final String CONTEXT = "hotline-spy";

    private static final Pattern PHONE = Pattern.compile("(?:Local/([0-9]{2,8})@agents(?:/n)?|(?:PJSIP|SIP)/([0-9]{2,8}))");
    private static final long ANSWER = 1_000_000_000L;
    private static final long CHECK = 500_000_000L;

    /** A spy channel pair on a target. */
    private record Spy(SimChannel one, SimChannel two, String target, ScheduledFuture<?>[] watch) {
    }

    private final Sim sim;
    private final Events ev;
    private final List<Spy> live = new ArrayList<>();

    SpyFlows(CallEngine engine) {
        this.sim = engine.sim;
        this.ev = engine.ev;
    }

    /** Whether this Originate is a spy one (its context is the spy context). */
    static boolean isSpy(Action a) {
        return CONTEXT.equals(a.get("Context", ""));
    }

    /** Answers a spy Originate and plays it out. */
    void originate(ActionHandler h, AmiSession s, Action a) {
        Matcher m = PHONE.matcher(a.get("Channel", ""));
        String exten = a.get("Exten", "");
        if (!m.matches() || !exten.matches("listen|whisper|barge")
                || !"true".equalsIgnoreCase(a.get("Async", "false"))) {
            h.error(s, a.actionId(), "Originate failed");
            return;
        }
        String ext = m.group(1) != null ? m.group(1) : m.group(2);
        h.success(s, a.actionId(), "Originate successfully queued");
        String target = "";
        for (String v : a.all("Variable")) {
            if (v.startsWith("HOTLINE_SPY_TARGET=")) {
                target = v.substring("HOTLINE_SPY_TARGET=".length());
            }
        }
        String spyee = target;
        sim.schedule(ANSWER, () -> answered(a.actionId(), ext, exten, spyee));
    }

    private void answered(String actionId, String ext, String exten, String target) {
        long now = sim.clock.simNanos();
        String base = sim.newLocalBase(ext, "agents");
        String linkedid = sim.newUniqueid();
        SimChannel one = new SimChannel(base + ";1", linkedid, linkedid, 6, CONTEXT, exten, now);
        SimChannel two = new SimChannel(base + ";2", sim.newUniqueid(), linkedid, 6, "agents", ext, now);
        ev.newchannel(one);
        ev.newchannel(two);
        ev.localBridge(one, two, "agents", ext, false);
        if (actionId != null) {
            ev.originateResponseExten(actionId, one, "Success", 4, CONTEXT, exten);
        }
        SimChannel spyee = sim.channels.get(target);
        if (spyee == null) {
            // ChanSpy(…,S) with nothing to spy on returns at once; the dialplan then hangs up
            ev.hangup(one, 16);
            ev.hangup(two, 16);
            return;
        }
        ev.chanSpy("ChanSpyStart", one, spyee);
        ScheduledFuture<?>[] watch = new ScheduledFuture<?>[1];
        Spy spy = new Spy(one, two, target, watch);
        live.add(spy);
        watch[0] = sim.every(CHECK, () -> {
            if (!sim.channels.containsKey(target) || !sim.channels.containsKey(one.name())) {
                end(spy);
            }
        });
    }

    private void end(Spy spy) {
        if (!live.remove(spy)) {
            return;
        }
        spy.watch()[0].cancel(false);
        if (sim.channels.containsKey(spy.one().name())) {
            ev.chanSpy("ChanSpyStop", spy.one(), sim.channels.get(spy.target()));
            ev.hangup(spy.one(), 16);
        }
        if (sim.channels.containsKey(spy.two().name())) {
            ev.hangup(spy.two(), 16);
        }
    }
}
