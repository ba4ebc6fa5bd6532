package org.hotline.pbxsim.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.pbxsim.ReplayOptions;

/**
 * Re-sends a capture's events: re-timed by a speed factor, Timestamps set to now, caller numbers substituted,
 * Uniqueids, Linkedids, channel sequence numbers and bridge ids renamed so that replaying twice does not collide;
 * the simulator's state follows every event so list actions stay consistent.
 */
public final class Replayer {

    private static final Pattern CHANNEL_SEQ = Pattern.compile("-([0-9a-f]{8});([12])");
    private static final int BATCH = 256;

    private final Sim sim;
    private final StateTracker tracker;

    /** A replayer over a simulator. */
    public Replayer(Sim sim) {
        this.sim = sim;
        this.tracker = new StateTracker(sim);
    }

    /** Starts replaying; the future completes with the number of events sent. */
    public CompletableFuture<Integer> replay(byte[] capture, ReplayOptions options) {
        List<Transcript.Message> events = new ArrayList<>();
        for (Transcript.Message m : Transcript.parse(capture)) {
            if (Transcript.replayable(m)) {
                events.add(m);
            }
        }
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Run run = new Run(events, options, done);
        sim.execute(() -> run.step(0));
        return done;
    }

    private final class Run {
        private final List<Transcript.Message> events;
        private final ReplayOptions options;
        private final CompletableFuture<Integer> done;
        private final Map<String, String> ids = new HashMap<>();
        private final Map<String, String> channelSeqs = new HashMap<>();
        private final Map<String, String> bridges = new HashMap<>();

        Run(List<Transcript.Message> events, ReplayOptions options, CompletableFuture<Integer> done) {
            this.events = events;
            this.options = options;
            this.done = done;
        }

        void step(int index) {
            int i = index;
            int end = Math.min(events.size(), index + BATCH);
            while (i < end) {
                send(events.get(i));
                i++;
                if (i < events.size() && options.speed() > 0) {
                    long gap = gapNanos(events.get(i - 1), events.get(i));
                    if (gap > 0) {
                        int next = i;
                        sim.scheduleReal((long) (gap / options.speed()), () -> step(next));
                        return;
                    }
                }
            }
            if (i >= events.size()) {
                done.complete(events.size());
            } else {
                int next = i;
                sim.execute(() -> step(next));
            }
        }

        private void send(Transcript.Message m) {
            Frame f = Frame.replayed(m.event(), m.get("Privilege"));
            List<Map.Entry<String, String>> rewritten = new ArrayList<>();
            for (Map.Entry<String, String> h : m.headers()) {
                String key = h.getKey();
                if (key.equals("Event")) {
                    continue;
                }
                String value = rewrite(key, h.getValue());
                rewritten.add(Map.entry(renameChannels(key), value));
                f.add(renameChannels(key), value);
            }
            tracker.apply(m.event(), rewritten);
            sim.emit(f);
        }

        private String rewrite(String key, String value) {
            if (key.equals("Timestamp")) {
                return sim.clock.timestamp();
            }
            if ((key.endsWith("Uniqueid") || key.endsWith("Linkedid")) && !key.equals("BridgeUniqueid")) {
                return value.isEmpty() ? value : ids.computeIfAbsent(value, v -> sim.newUniqueid());
            }
            if (key.equals("BridgeUniqueid") || key.equals("BridgeId") || key.equals("BridgeID")) {
                return value.isEmpty() ? value : bridges.computeIfAbsent(value, v -> UUID.randomUUID().toString());
            }
            String out = renameChannels(value);
            for (Map.Entry<String, String> n : options.numbers().entrySet()) {
                out = out.replace(n.getKey(), n.getValue());
            }
            return out;
        }

        private String renameChannels(String value) {
            if (value.indexOf(';') < 0) {
                return value;
            }
            Matcher mt = CHANNEL_SEQ.matcher(value);
            StringBuilder sb = new StringBuilder();
            while (mt.find()) {
                String seq = channelSeqs.computeIfAbsent(mt.group(1), s -> {
                    String base = sim.newLocalBase("x", "x");
                    return base.substring(base.length() - 8);
                });
                mt.appendReplacement(sb, "-" + seq + ";" + mt.group(2));
            }
            mt.appendTail(sb);
            return sb.toString();
        }
    }

    private static long gapNanos(Transcript.Message a, Transcript.Message b) {
        return micros(b.get("Timestamp")) * 1000 - micros(a.get("Timestamp")) * 1000;
    }

    private static long micros(String ts) {
        int dot = ts.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(ts.trim()) * 1_000_000;
        }
        String frac = (ts.substring(dot + 1) + "000000").substring(0, 6);
        return Long.parseLong(ts.substring(0, dot)) * 1_000_000 + Long.parseLong(frac);
    }
}
