package org.hotline.bench.screenpop;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.cti.call.AgentInterface;

/**
 * Joins the simulator's AgentCalled flush marks to the RINGING pops the agents' sockets receive, by Linkedid and
 * normalized agent interface. Both sides stamp {@link System#nanoTime()} in this JVM, so the difference is the
 * latency from the event leaving the PBX to the pop frame being read by the agent's client. Thread-safe.
 */
final class LatencyBook {

    /** One ring of one agent: when the simulator flushed AgentCalled, when the pop arrived (0 until then). */
    private static final class Ring {
        volatile long calledNanos;
        volatile long poppedNanos;
        volatile boolean measured;
    }

    private final ConcurrentHashMap<String, Ring> rings = new ConcurrentHashMap<>();
    private final AtomicLong calledTwice = new AtomicLong();
    private final AtomicLong poppedTwice = new AtomicLong();
    private final AtomicLong popsWithCustomers = new AtomicLong();
    private final AtomicLong ringingPops = new AtomicLong();
    private volatile long measureFromNanos = Long.MAX_VALUE;

    /** AgentCalled events flushed at or after this instant are measured; earlier ones are warm-up. */
    void measureFrom(long nanoTime) {
        measureFromNanos = nanoTime;
    }

    /** The simulator's mark (called on its I/O thread: must stay cheap). */
    void agentCalled(String linkedid, String memberInterface, long nanoTime) {
        Ring ring = rings.computeIfAbsent(key(linkedid, AgentInterface.of(memberInterface).value()), k -> new Ring());
        if (ring.calledNanos != 0) {
            calledTwice.incrementAndGet(); // the same agent rung again for the same call: keep the first ring
            return;
        }
        ring.measured = nanoTime >= measureFromNanos;
        ring.calledNanos = nanoTime;
    }

    /** A RINGING pop read by an agent's socket at {@code nanoTime}. */
    void popped(String callId, String agentInterface, boolean hasCustomers, long nanoTime) {
        ringingPops.incrementAndGet();
        if (hasCustomers) {
            popsWithCustomers.incrementAndGet();
        }
        Ring ring = rings.computeIfAbsent(key(callId, agentInterface), k -> new Ring());
        if (ring.poppedNanos != 0) {
            poppedTwice.incrementAndGet();
            return;
        }
        ring.poppedNanos = nanoTime;
    }

    /** The figures so far; pops still in flight count as lost, so call it after the drain. */
    Figures figures() {
        long expected = 0;
        long warmupRings = 0;
        long orphanPops = 0;
        long[] latencies = new long[rings.size()];
        int n = 0;
        for (Ring r : rings.values()) {
            if (r.calledNanos == 0) {
                orphanPops++; // a pop for a ring the simulator never reported
                continue;
            }
            if (!r.measured) {
                warmupRings++;
                continue;
            }
            expected++;
            if (r.poppedNanos != 0) {
                latencies[n++] = r.poppedNanos - r.calledNanos;
            }
        }
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Figures(expected, n, sorted, warmupRings, orphanPops, calledTwice.get(), poppedTwice.get(),
                ringingPops.get(), popsWithCustomers.get());
    }

    /** Measured rings with their pop so far, for the drain loop. */
    long measuredPopped() {
        return rings.values().stream().filter(r -> r.measured && r.calledNanos != 0 && r.poppedNanos != 0).count();
    }

    /** Measured rings so far. */
    long measuredCalled() {
        return rings.values().stream().filter(r -> r.measured && r.calledNanos != 0).count();
    }

    private static String key(String callId, String normalizedInterface) {
        return callId + ' ' + normalizedInterface;
    }

    /**
     * What was measured: {@code expected} measured rings, {@code received} of them with a pop, their latencies in
     * nanoseconds (sorted), rings of the warm-up, pops nobody rang for, rings and pops seen twice, every RINGING pop
     * read (warm-up included) and how many of those carried at least one customer card.
     */
    record Figures(long expected, long received, long[] sortedNanos, long warmupRings, long orphanPops,
                   long calledTwice, long poppedTwice, long ringingPops, long popsWithCustomers) {

        /** Rings whose pop never arrived. */
        long lost() {
            return expected - received;
        }

        /** The latency at quantile {@code q} (nearest rank) in milliseconds; NaN when nothing was received. */
        double percentileMillis(double q) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(q * sortedNanos.length);
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
        }

        /** The mean latency in milliseconds. */
        double meanMillis() {
            return Arrays.stream(sortedNanos).average().orElse(Double.NaN) / 1e6;
        }
    }
}
