package org.hotline.cti.presence;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.call.CallTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the queue members from Asterisk every {@code hotline.presence.member-resync} ({@code QueueStatus}, one
 * row per member and waiting caller) so that membership changes that send no AMI event, such as
 * {@code queue reload members} after editing queues.conf, reach the tracker, the desks and the wallboard as the same
 * events live changes give (ADR 0016). Skips a round while AMI is not logged in; the login resync covers that.
 */
public final class MemberResync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MemberResync.class);

    private final Duration interval;
    private final Supplier<AmiConnection> connection;
    private final Supplier<CallTracker> tracker;
    private final ScheduledExecutorService timer;

    /** A re-sync every {@code interval} (zero: never) over the connection and into the tracker the suppliers give. */
    public MemberResync(Duration interval, Supplier<AmiConnection> connection, Supplier<CallTracker> tracker) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hotline-member-resync");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the rounds; does nothing when the interval is zero. */
    public void start() {
        if (interval.isZero()) {
            log.info("queue member re-sync is off (hotline.presence.member-resync=0)");
            return;
        }
        long ms = interval.toMillis();
        timer.scheduleWithFixedDelay(this::resyncNow, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** One round now: asks for the members if AMI is logged in; false when it was not asked. */
    public boolean resyncNow() {
        try {
            AmiConnection c = connection.get();
            CallTracker t = tracker.get();
            if (c == null || t == null || !c.state().isLoggedIn()) {
                return false;
            }
            t.resyncMembers(c).whenComplete((response, error) -> {
                if (error != null) {
                    log.debug("queue member re-sync not answered: {}", error.toString());
                } else if (!"Success".equalsIgnoreCase(response.responseStatus())) {
                    log.warn("queue member re-sync refused by the PBX: {}", response.get("Message", ""));
                }
            });
            return true;
        } catch (RuntimeException e) {
            // a failed round must not end the schedule; the next one tries again
            log.warn("queue member re-sync failed: {}", e.toString());
            return false;
        }
    }

    /** Stops the rounds. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
