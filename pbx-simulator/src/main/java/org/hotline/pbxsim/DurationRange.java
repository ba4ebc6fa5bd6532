package org.hotline.pbxsim;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A uniform distribution of durations between two bounds, inclusive.
 *
 * @param min the shortest duration
 * @param max the longest duration
 */
public record DurationRange(Duration min, Duration max) {

    /** Validates the bounds. */
    public DurationRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("range: " + min + ".." + max + " (expected: 0 <= min <= max)");
        }
    }

    /** A range between two millisecond counts. */
    public static DurationRange ofMillis(long min, long max) {
        return new DurationRange(Duration.ofMillis(min), Duration.ofMillis(max));
    }

    /** A range between two second counts. */
    public static DurationRange ofSeconds(long min, long max) {
        return new DurationRange(Duration.ofSeconds(min), Duration.ofSeconds(max));
    }

    /** Draws one duration. */
    public Duration pick(RandomGenerator random) {
        long lo = min.toNanos();
        long hi = max.toNanos();
        return Duration.ofNanos(lo == hi ? lo : lo + random.nextLong(hi - lo + 1));
    }
}
