package org.hotline.sms.notice;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs {@link OutageNotices#runOnce()} every {@code interval} on one daemon thread while the application runs. */
public class OutageNoticeScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutageNoticeScheduler.class);

    private final OutageNotices notices;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /** Runs {@code notices} every {@code interval}. */
    public OutageNoticeScheduler(OutageNotices notices, Duration interval) {
        this.notices = notices;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sms-outage-notices");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::runSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            for (NoticeRun run : notices.runOnce()) {
                log.info("Outage {} {} notice: {} customers, {} queued, {} already queued, {} opted out, {} without "
                        + "mobile", run.outageId(), run.phase(), run.customers(), run.queued(), run.duplicates(),
                        run.optedOut(), run.withoutMobile());
            }
        } catch (RuntimeException e) {
            // the next run retries: phases left unfinished are queued again, idempotently
            log.warn("Outage notices failed; retrying in {}", interval, e);
        }
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
