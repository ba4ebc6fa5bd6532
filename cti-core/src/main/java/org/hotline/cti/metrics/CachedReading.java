package org.hotline.cti.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from the database for gauges, reused for {@code maxAge}: a scrape every few seconds (or several
 * scrapers) costs at most one query per period. Null while the source fails (the gauge shows NaN). Thread-safe.
 *
 * @param <T> what one read answers
 */
public final class CachedReading<T> {

    /** The period the gauges of Hotline reuse one reading for. */
    public static final Duration MAX_AGE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final String what;
    private final Supplier<T> source;
    private final long maxAgeNanos;
    private T last;
    private long lastNanos;

    /** Reads {@code what} (for the debug line when it fails) from {@code source} at most once every {@code maxAge}. */
    public CachedReading(String what, Supplier<T> source, Duration maxAge) {
        this.what = Objects.requireNonNull(what, "what");
        this.source = Objects.requireNonNull(source, "source");
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The reading, read again when older than the period; null when the last read failed. */
    public synchronized T get() {
        long now = System.nanoTime();
        if (lastNanos == 0 || now - lastNanos >= maxAgeNanos) {
            lastNanos = now;
            try {
                last = source.get();
            } catch (RuntimeException e) {
                // a down database shows as NaN (and in /actuator/health), not as an exception per scrape
                log.debug("{} not available: {}", what, e.toString());
                last = null;
            }
        }
        return last;
    }
}
