package org.hotline.cti.push.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/** Logs a repeating failure at most once per interval with a count, so a Redis outage does not flood the log. */
final class ThrottledLog {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong nextAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    ThrottledLog(Logger log, long interval, TimeUnit unit) {
        this.log = log;
        this.intervalNanos = unit.toNanos(interval);
    }

    void warn(String what, Throwable cause) {
        long now = System.nanoTime();
        long next = nextAt.get();
        if ((next == Long.MIN_VALUE || now - next >= 0) && nextAt.compareAndSet(next, now + intervalNanos)) {
            long skipped = suppressed.getAndSet(0);
            log.warn("{}: {} ({} similar failures not logged since the last one)", what, cause.toString(), skipped);
        } else {
            suppressed.incrementAndGet();
        }
    }
}
