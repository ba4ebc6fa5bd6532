package org.hotline.bench.screenpop;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.asterisklab.AsteriskInstall;
import org.hotline.asterisklab.LabAmi;
import org.hotline.asterisklab.LabAsterisk;
import org.hotline.asterisklab.LabPbx;

/**
 * The screen-pop load on the lab's real Asterisk 22: the agents are dynamic members {@code Local/<ext>@agents/n} of
 * queue {@code hotline} whose phones answer after 1–3 s and hang up after 4–10 s (per agent), and callers dial 95598
 * at a fixed rate. An AgentCalled is stamped at Asterisk's own {@code Timestamp} (wall clock, µs), moved onto this
 * JVM's nanoTime scale, so the latency runs from Asterisk writing the event to the agent's client reading the pop.
 */
final class AsteriskLoad implements PbxLoad, AutoCloseable {

    static final String QUEUE = "hotline";

    private final LabAsterisk asterisk;
    private final LabPbx pbx;
    private final BenchOptions o;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong placed = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong live = new AtomicLong();

    private AsteriskLoad(LabAsterisk asterisk, BenchOptions o) {
        this.asterisk = asterisk;
        this.o = o;
        this.pbx = new LabPbx(asterisk);
    }

    /** Starts the lab's Asterisk (built if needed; fails when there is none). */
    static AsteriskLoad start(BenchOptions o) {
        AsteriskInstall.Lookup lookup = AsteriskInstall.find();
        if (!lookup.found()) {
            throw new IllegalStateException("--pbx asterisk: " + lookup.missing() + "; " + AsteriskInstall.HOW_TO_ENABLE);
        }
        return new AsteriskLoad(LabAsterisk.start(lookup.install()), o);
    }

    /** The Asterisk Hotline connects to. */
    LabAsterisk asterisk() {
        return asterisk;
    }

    /** Adds the agents to the queue with phones that answer and talk for a while; stamps rings into {@code book}. */
    @Override
    public void prepare(BenchAgents agents, LatencyBook book) {
        LabAmi ami = pbx.ami();
        ami.retainEvents(false);
        ami.onEvent(e -> {
            if (e.is("AgentCalled")) {
                book.agentCalled(e.get("Linkedid"), e.get("Interface"), nanoOf(e.get("Timestamp")));
            } else if (e.is("AgentConnect")) {
                answered.incrementAndGet();
            } else if (e.is("QueueCallerJoin")) {
                live.incrementAndGet();
            } else if (e.is("Hangup") && e.get("Channel") != null && e.get("Channel").startsWith("Local/95598@lab-callers")
                    && e.get("Channel").endsWith(";1")) {
                live.decrementAndGet();
            }
        });
        Random random = new Random(o.seed());
        for (int i = 0; i < agents.count(); i++) {
            String ext = agents.extension(i);
            pbx.phoneTalks(ext, Duration.ofSeconds(1 + random.nextInt(3)), Duration.ofSeconds(4 + random.nextInt(7)));
            ami.action("QueueAdd", "Queue", QUEUE, "Interface", "Local/" + ext + "@agents/n", "MemberName",
                    "Agent " + ext, "StateInterface", "hint:" + ext + "@agents", "Paused", "false");
        }
    }

    /** Places calls from {@code numbers} at the rate until stopped; callers give up after 120 s. */
    @Override
    public void start(List<String> numbers) {
        Random random = new Random(o.seed());
        long periodMicros = (long) (1_000_000 / o.rate());
        timer.scheduleAtFixedRate(() -> {
            String number = numbers.get(random.nextInt(numbers.size()));
            pbx.ami().fire("Originate", "Channel", "Local/95598@lab-callers", "Application", "Wait", "Data", "120",
                    "Async", "true", "CallerID", number, "Variable", "LAB_CALLER=" + number);
            placed.incrementAndGet();
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    @Override
    public void stopAndWait(Duration atMost) throws InterruptedException {
        timer.shutdownNow();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (live.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100); // the lab's calls end on their own timers; polling a counter is all there is to do
        }
    }

    @Override
    public long placed() {
        return placed.get();
    }

    @Override
    public long answered() {
        return answered.get();
    }

    @Override
    public long liveCalls() {
        return live.get();
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%.0f calls/s to 95598 (queue %s of Asterisk 22)", o.rate(), QUEUE);
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "placed %,d, answered %,d, still live %,d", placed(), answered(), liveCalls());
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pbx.close();
        asterisk.close();
    }

    /** Asterisk's {@code Timestamp} (epoch seconds with µs) on this JVM's nanoTime scale. */
    private static long nanoOf(String timestamp) {
        Instant now = Instant.now();
        long nowNanos = System.nanoTime();
        int dot = timestamp.indexOf('.');
        long micros = Long.parseLong(timestamp.substring(0, dot)) * 1_000_000L
                + Long.parseLong((timestamp.substring(dot + 1) + "000000").substring(0, 6));
        long nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        return nowNanos - (nowMicros - micros) * 1_000L;
    }
}
