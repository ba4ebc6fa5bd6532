package org.hotline.cti.ami.internal;

import java.time.Duration;

/** Capped exponential reconnect delay with jitter: {@code min * 2^(failures-1)}, at most {@code max}, less a random share. */
public final class Backoff {

    private final long minNanos;
    private final long maxNanos;
    private final double jitter;

    /** Creates the schedule; {@code jitter} is the largest share of a delay that may be taken off (0 ≤ jitter < 1). */
    public Backoff(Duration min, Duration max, double jitter) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("min: " + min + ", max: " + max + " (expected: 0 < min <= max)");
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter: " + jitter + " (expected: 0 <= jitter < 1)");
        }
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.jitter = jitter;
    }

    /**
     * The delay before the next attempt after {@code failures} consecutive failures (≥ 1), with {@code random}
     * in [0, 1) choosing how much jitter to take off.
     */
    public Duration delay(int failures, double random) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures: " + failures + " (expected: >= 1)");
        }
        // 2^62 overflows nothing below; beyond ~40 doublings the cap has long applied.
        int doublings = Math.min(failures - 1, 40);
        double base = Math.min((double) maxNanos, minNanos * Math.pow(2, doublings));
        return Duration.ofNanos((long) (base * (1 - jitter * random)));
    }
}
