package org.hotline.cti.recording.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.recording.CallRecordings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores what Asterisk says of recordings: MixMonitorStart (a row, the file from the channel variable
 * {@code HOTLINE_RECORDING} the dialplan set), MixMonitorStop (the file is closed: measured) and MixMonitorMute
 * (paused or resumed). Taps the AMI reader, which only filters by name here; the database work runs on its own
 * thread, in the order Asterisk sent the events.
 */
public final class RecordingEvents implements Consumer<AmiMessage>, AutoCloseable {

    /** The channel variable carrying the file name (docker/asterisk/extensions.conf, manager.conf channelvars). */
    public static final String VARIABLE = "HOTLINE_RECORDING";

    private static final Logger log = LoggerFactory.getLogger(RecordingEvents.class);
    private static final Set<String> NAMES = Set.of("MixMonitorStart", "MixMonitorStop", "MixMonitorMute");

    private final CallRecordings recordings;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "recording-events");
        t.setDaemon(true);
        return t;
    });

    /** Stores into {@code recordings}. */
    public RecordingEvents(CallRecordings recordings) {
        this.recordings = recordings;
    }

    @Override
    public void accept(AmiMessage e) {
        String name = e.eventName();
        if (name == null || !NAMES.contains(name)) {
            return;
        }
        try {
            worker.execute(() -> apply(e));
        } catch (RejectedExecutionException closing) {
            log.debug("recording event after close: {}", name);
        }
    }

    /** Applies one event now (the worker's job; tests call it directly). */
    public void apply(AmiMessage e) {
        try {
            String channel = e.get("Channel", "");
            String file = e.variables("ChanVariable").getOrDefault(VARIABLE, "");
            Instant at = time(e);
            switch (e.eventName()) {
                case "MixMonitorStart" -> {
                    if (!file.isEmpty()) {
                        recordings.started(e.get("Linkedid", e.get("Uniqueid", "")), channel, file, at);
                    }
                }
                case "MixMonitorStop" -> {
                    if (!file.isEmpty()) {
                        recordings.stopped(file, at);
                    }
                }
                default -> recordings.muteChanged(channel, "1".equals(e.get("State")));
            }
        } catch (RuntimeException ex) {
            // one bad event must not stop the next ones
            log.warn("recording event {} not stored: {}", e.eventName(), ex.toString());
        }
    }

    private static Instant time(AmiMessage e) {
        String ts = e.get("Timestamp");
        if (ts != null) {
            try {
                BigDecimal micros = new BigDecimal(ts.strip()).movePointRight(6);
                long us = micros.longValue();
                return Instant.ofEpochSecond(us / 1_000_000, (us % 1_000_000) * 1000);
            } catch (NumberFormatException ignored) {
                // a PBX without timestampevents: our clock
            }
        }
        return Instant.now();
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
