package org.hotline.cti.wallboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.cti.wallboard.QueueSample;

/**
 * The last {@code length} of samples, sliding by the second with no reset at midnight: the interval is
 * (now − length, now], kept as one bucket per second plus a running sum, so reading it is O(1) and moving it costs
 * one subtraction per expired second.
 */
public final class SlidingWindow {

    private final Duration length;
    private final TreeMap<Long, Totals> buckets = new TreeMap<>();
    private final Totals sum = new Totals();
    private long now = Long.MIN_VALUE;

    /** A window of this length (at least one second). */
    public SlidingWindow(Duration length) {
        if (length.toSeconds() < 1) {
            throw new IllegalArgumentException("length: " + length + " (expected: at least 1s)");
        }
        this.length = length;
    }

    /** Counts a sample unless it is already older than the window. */
    public void add(QueueSample sample, Duration serviceLevel) {
        long second = sample.at().getEpochSecond();
        if (now != Long.MIN_VALUE && second <= now - length.toSeconds()) {
            return;
        }
        buckets.computeIfAbsent(second, s -> new Totals()).add(sample, serviceLevel);
        sum.add(sample, serviceLevel);
    }

    /** Moves the window's end to {@code at} (never backwards) and drops the seconds that fell out of it. */
    public void advance(Instant at) {
        now = Math.max(now, at.getEpochSecond());
        long oldestKept = now - length.toSeconds() + 1;
        Map<Long, Totals> expired = buckets.headMap(oldestKept);
        expired.values().forEach(t -> sum.merge(t, -1));
        expired.clear();
    }

    /** The counters over the window as of the last {@link #advance}. */
    public Totals totals() {
        return sum;
    }
}
