package org.hotline.cti.recording.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hotline.cti.ami.AmiAction;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.control.AmiCommands;
import org.hotline.cti.control.ControlException;
import org.hotline.cti.recording.CallRecordings;
import org.hotline.cti.recording.RecordingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recordings' background work on one thread: taps the AMI connection for the recording events, sends each
 * queue's switch to Asterisk as the global {@code HOTLINE_RECORD_<queue>} (after a change and every sync interval,
 * as a dialplan reload empties the globals), and deletes the files past their retention.
 */
public final class RecordingJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecordingJobs.class);

    private final CallRecordings recordings;
    private final RecordingProperties properties;
    private final AmiCommands commands;
    private final Supplier<AmiConnection> connection;
    private final RecordingEvents events;
    private final Clock clock;
    private ScheduledExecutorService every;
    private AutoCloseable tap;

    /** Works on {@code recordings}; {@code connection} null when AMI is off (nothing to tap or send). */
    public RecordingJobs(CallRecordings recordings, RecordingProperties properties, AmiCommands commands,
                         Supplier<AmiConnection> connection, Clock clock) {
        this.recordings = recordings;
        this.properties = properties;
        this.commands = commands;
        this.connection = connection;
        this.events = new RecordingEvents(recordings);
        this.clock = clock;
    }

    /** Taps AMI and schedules the sync and the retention sweep. */
    public void start() {
        AmiConnection c = connection.get();
        if (c != null) {
            tap = c.tap(events);
        }
        every = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recording-jobs");
            t.setDaemon(true);
            return t;
        });
        every.scheduleWithFixedDelay(this::sync, 1000, properties.syncInterval().toMillis(), TimeUnit.MILLISECONDS);
        every.scheduleWithFixedDelay(this::sweep, 60_000, properties.sweepInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Sends the switches soon (after an administrator's change). */
    public void syncSoon() {
        if (every != null) {
            every.execute(this::sync);
        }
    }

    /** Sends every queue's switch now, when AMI is logged in; returns how many were sent. */
    public int sync() {
        AmiConnection c = connection.get();
        if (c == null || !c.state().isLoggedIn()) {
            return 0;
        }
        int sent = 0;
        try {
            for (Map.Entry<String, Boolean> q : recordings.queueSwitches().entrySet()) {
                commands.send(AmiAction.of("Setvar", Map.of("Variable", "HOTLINE_RECORD_" + q.getKey(),
                        "Value", q.getValue() ? "yes" : "no")));
                sent++;
            }
        } catch (ControlException | org.springframework.dao.DataAccessException e) {
            // the next interval tries again; until then Asterisk keeps what it had (unset: recorded)
            log.warn("queue recording switches not sent to the PBX: {}", e.getMessage());
        }
        return sent;
    }

    /** Deletes the files past the retention now; returns how many. */
    public int sweep() {
        try {
            int n = recordings.deleteStartedBefore(clock.instant().minus(properties.retention()));
            if (n > 0) {
                log.info("recordings: {} files past their retention of {} deleted", n, properties.retention());
            }
            return n;
        } catch (RuntimeException e) {
            log.warn("recording retention: {}", e.toString());
            return 0;
        }
    }

    /** The event handler (for tests that feed events). */
    public RecordingEvents events() {
        return events;
    }

    @Override
    public void close() throws Exception {
        if (tap != null) {
            tap.close();
        }
        if (every != null) {
            every.shutdownNow();
        }
        events.close();
    }
}
