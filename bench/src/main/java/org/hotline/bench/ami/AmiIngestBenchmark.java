package org.hotline.bench.ami;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.ami.ScriptedAmiPeer;
import org.hotline.cti.testing.AmiFixtures;
import org.slf4j.LoggerFactory;

/**
 * Ingest throughput of our {@code AmiConnection} against asterisk-java's {@code ManagerConnection}, on the same
 * bytes in the same run: the 07-burst capture (154,470 events) repeated, served by a loopback AMI peer.
 *
 * <p>Arguments: {@code --rounds N} (5), {@code --warmup N} (2), {@code --repeat N} (2),
 * {@code --listener-micros N} (0: busy work per event in both listeners), {@code --capture PATH}.
 * The last line is {@code ami-ingest events_per_s=… vs_asterisk_java=…x dropped=…}.
 */
public final class AmiIngestBenchmark {

    private static final String USER = "hotline";
    private static final String SECRET = "hotline";
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static volatile long blackhole;

    private AmiIngestBenchmark() {
    }

    /**
     * The listener work measured for our connection. It is the one place to plug the call tracker in
     * (e.g. {@code tracker::onMessage}) once {@code org.hotline.cti.call.CallTracker} lands.
     */
    static Consumer<AmiMessage> sink() {
        // The real consumer: the call tracker, turning frames into call and agent events (issue #2: "through framing,
        // parsing and call tracking").
        CallTracker tracker = new CallTracker(event -> blackhole++);
        return tracker::onMessage;
    }

    public static void main(String[] args) throws Exception {
        int rounds = intArg(args, "--rounds", 5);
        int warmup = intArg(args, "--warmup", 5);
        int repeat = intArg(args, "--repeat", 2);
        long listenerNanos = TimeUnit.MICROSECONDS.toNanos(intArg(args, "--listener-micros", 0));
        String capture = stringArg(args, "--capture", null);
        quietLogs();

        byte[] body = eventsOnly(captureBody(capture));
        long eventsPerCopy = countEvents(body);
        byte[] payload = repeat(body, repeat);
        long sent = eventsPerCopy * repeat;
        System.out.printf(Locale.ROOT, "ami-ingest: 07-burst %,d events x %d = %,d events (%.1f MB) per round;"
                        + " %d rounds after %d warm-up; listener work %d us/event; %d cores, %s%n",
                eventsPerCopy, repeat, sent, payload.length / 1e6, rounds, warmup, listenerNanos / 1000,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"));

        double[] summary;
        try (ScriptedAmiPeer peer = new ScriptedAmiPeer()) {
            peer.credentials(USER, SECRET).afterLogin(null);
            AsteriskLikeAnswers.install(peer);
            HotlineClient ours = new HotlineClient(peer.port(), USER, SECRET, sink(), listenerNanos);
            AsteriskJavaClient theirs = new AsteriskJavaClient(peer.port(), USER, SECRET, listenerNanos);
            try {
                ours.start();
                ScriptedAmiPeer.Conn oursConn = peer.latest();
                theirs.start();
                ScriptedAmiPeer.Conn theirsConn = peer.latest();

                List<Double> oursRates = new ArrayList<>();
                List<Double> theirsRates = new ArrayList<>();
                long oursDropped = 0;
                long theirsDropped = 0;
                for (int round = 1 - warmup; round <= rounds; round++) {
                    Result a = measure(ours, oursConn, payload, sent);
                    Result b = measure(theirs, theirsConn, payload, sent);
                    String label = round <= 0 ? "warm-up" : "round " + round;
                    System.out.printf(Locale.ROOT, "%-8s hotline %,9.0f events/s (%.2f s) dropped %,d"
                                    + " | asterisk-java %,9.0f events/s (%.2f s) dropped %,d%n",
                            label, a.rate(), a.seconds(), a.dropped(), b.rate(), b.seconds(), b.dropped());
                    if (round > 0) {
                        oursRates.add(a.rate());
                        theirsRates.add(b.rate());
                        oursDropped += a.dropped();
                        theirsDropped += b.dropped();
                    }
                }
                summary = new double[] {median(oursRates), median(theirsRates), oursDropped, theirsDropped};
                System.out.println("hotline stats: " + ours.stats());
            } finally {
                quietAsteriskJava();
                ours.close();
                theirs.close();
            }
        }
        System.out.printf(Locale.ROOT, "hotline       median %,.0f events/s, dropped %,.0f of %,d%n",
                summary[0], summary[2], sent * rounds);
        System.out.printf(Locale.ROOT, "asterisk-java median %,.0f events/s, dropped %,.0f of %,d%n",
                summary[1], summary[3], sent * rounds);
        System.out.printf(Locale.ROOT, "ami-ingest events_per_s=%.0f vs_asterisk_java=%.1fx dropped=%.0f%n",
                summary[0], summary[0] / summary[1], summary[2]);
        System.exit(0); // asterisk-java leaves non-daemon threads behind
    }

    /** One round for one client: write the payload to its connection, wait until every event arrived or it stalls. */
    private static Result measure(IngestClient client, ScriptedAmiPeer.Conn conn, byte[] payload, long sent)
            throws Exception {
        long before = client.events();
        long target = before + sent;
        long start = System.nanoTime();
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            try {
                conn.write(payload);
            } catch (Exception e) {
                throw new IllegalStateException("writing to " + client.name() + " failed", e);
            }
        });
        long last = client.events();
        long lastProgress = System.nanoTime();
        long end;
        for (;;) {
            long now = System.nanoTime();
            long n = client.events();
            if (n >= target) {
                end = now;
                break;
            }
            if (n != last) {
                last = n;
                lastProgress = now;
            } else if (write.isDone() && now - lastProgress > STALL_NANOS) {
                end = lastProgress;
                break;
            }
            pause();
        }
        write.get(60, TimeUnit.SECONDS);
        long got = client.events() - before;
        double seconds = (end - start) / 1e9;
        return new Result(got / seconds, seconds, Math.max(0, sent - got));
    }

    private record Result(double rate, double seconds, long dropped) {
    }

    /** Busy work of {@code nanos} per event, the same in both listeners. */
    static void spin(long nanos) {
        if (nanos > 0) {
            long until = System.nanoTime() + nanos;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
    }

    /** A short pause while polling. */
    static void pause() {
        LockSupport.parkNanos(1_000_000);
    }

    private static byte[] captureBody(String path) throws Exception {
        if (path == null) {
            return ScriptedAmiPeer.captureBody("07-burst.ami.txt.gz");
        }
        byte[] all;
        try (var in = Files.newInputStream(Path.of(path))) {
            all = path.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        }
        String head = new String(all, 0, Math.min(all.length, 400), StandardCharsets.ISO_8859_1);
        int from = head.indexOf("\r\n\r\n") + 4;
        return Arrays.copyOfRange(all, from, all.length);
    }

    /**
     * The capture without its 1,479 responses: they answer the capture's own actions, which asterisk-java logs as an
     * error each (no such ActionID) and no client would receive for actions it did not send.
     */
    private static byte[] eventsOnly(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(text.length());
        for (String frame : text.split("\r\n\r\n")) {
            if (frame.startsWith("Event: ")) {
                out.append(frame).append("\r\n\r\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static long countEvents(byte[] body) {
        // "Event: " at the start of a frame: the start of the body or after a blank line.
        byte[] marker = "\r\n\r\nEvent: ".getBytes(StandardCharsets.US_ASCII);
        long n = body.length > 7 && new String(body, 0, 7, StandardCharsets.US_ASCII).equals("Event: ") ? 1 : 0;
        outer:
        for (int i = 0; i + marker.length <= body.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (body[i + j] != marker[j]) {
                    continue outer;
                }
            }
            n++;
        }
        return n;
    }

    private static byte[] repeat(byte[] body, int times) {
        byte[] out = new byte[body.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(body, 0, out, i * body.length, body.length);
        }
        return out;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void quietLogs() {
        // asterisk-java warns "Unable to set property ... no setter" ~17,751 times a pass: keep its errors only,
        // so drops ("Event queue is full") still show.
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            ctx.getLogger("org.asteriskjava").setLevel(Level.ERROR);
            ctx.getLogger("io.netty").setLevel(Level.WARN);
        }
    }

    private static void quietAsteriskJava() {
        // Its logoff and reader shutdown log after the figures otherwise; the summary must be the last line.
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            ctx.getLogger("org.asteriskjava").setLevel(Level.OFF);
            ctx.getLogger("org.hotline").setLevel(Level.WARN);
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        String v = stringArg(args, name, null);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
