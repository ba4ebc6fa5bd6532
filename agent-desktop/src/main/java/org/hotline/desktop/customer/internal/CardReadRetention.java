package org.hotline.desktop.customer.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes card reads past their retention a minute after start and every hour after. */
final class CardReadRetention implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CardReadRetention.class);

    private final CardReads reads;
    private ScheduledExecutorService every;

    CardReadRetention(CardReads reads) {
        this.reads = reads;
    }

    void start() {
        every = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "card-read-retention");
            t.setDaemon(true);
            return t;
        });
        every.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    void purge() {
        try {
            int deleted = reads.purge();
            if (deleted > 0) {
                log.info("card-read audit: {} reads past their retention deleted", deleted);
            }
        } catch (RuntimeException e) {
            // the database may be away: the next hour tries again
            log.warn("card-read retention: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (every != null) {
            every.shutdownNow();
        }
    }
}
