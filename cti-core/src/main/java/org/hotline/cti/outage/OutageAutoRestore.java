package org.hotline.cti.outage;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link OutageDesk#restoreDue()} every {@code interval} on one daemon thread while the application runs, so
 * outages end by themselves when their expected end passes; a failed run (database down) is logged and retried at the
 * next tick.
 */
public class OutageAutoRestore implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutageAutoRestore.class);

    private final OutageDesk desk;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /** Restores through {@code desk} every {@code interval}. */
    public OutageAutoRestore(OutageDesk desk, Duration interval) {
        this.desk = Objects.requireNonNull(desk, "desk");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval: " + interval + " (expected: > 0)");
        }
        this.interval = interval;
    }

    /** One pass now; returns how many outages it restored. */
    public int runOnce() {
        int restored = desk.restoreDue();
        if (restored > 0) {
            log.info("outages: {} restored automatically at their expected end", restored);
        }
        return restored;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outage-auto-restore");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("outages: automatic restore failed, retrying in {}: {}", interval, e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
