package org.hotline.cti.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hotline.cti.recording.internal.WavLength;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The recordings of calls ({@code call_recordings}) and their files under {@code hotline.recording.directory}, and
 * each queue's recording switch ({@code queues.recording}). A file's path always comes from a row the PBX's events
 * wrote, checked to stay inside the folder, never from a request. Thread-safe.
 */
public final class CallRecordings {

    private static final Logger log = LoggerFactory.getLogger(CallRecordings.class);
    /** What the dialplan's file names look like; anything else from the PBX is not stored. */
    public static final Pattern FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]{0,254}\\.(wav|WAV)");

    private static final String SELECT = """
            select r.id, r.call_id, r.channel, r.file, r.started_at, r.ended_at, r.duration_ms, r.size_bytes, r.muted,
                   r.deleted_at is not null, c.queue, u.display_name, c.caller_raw
            from call_recordings r left join calls c on c.call_id = r.call_id left join users u on u.id = c.agent_id
            """;

    private final JdbcTemplate jdbc;
    private final Path root;
    private volatile Runnable onSwitchChange = () -> { };

    /** Recordings in {@code dataSource}, files under {@code directory}. */
    public CallRecordings(DataSource dataSource, Path directory) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.root = directory.toAbsolutePath().normalize();
    }

    /** The recordings folder (Asterisk's monitor folder as this host sees it). */
    public Path root() {
        return root;
    }

    /** Asterisk began recording {@code channel} of {@code callId} into {@code file}; false when the name is refused. */
    public boolean started(String callId, String channel, String file, Instant at) {
        if (!validFile(file)) {
            log.warn("recording of {} not stored: file name '{}' is not one the dialplan makes", callId, file);
            return false;
        }
        jdbc.update("""
                insert into call_recordings (call_id, channel, file, started_at) values (?, ?, ?, ?)
                on conflict (file) do nothing""", callId, channel, file, Timestamp.from(at));
        return true;
    }

    /** Asterisk closed {@code file}: its end, play time and size are measured and stored. */
    public void stopped(String file, Instant at) {
        if (!validFile(file)) {
            return;
        }
        Long millis = null;
        Long size = null;
        Path p = resolve(file);
        try {
            if (p != null && Files.isRegularFile(p)) {
                size = Files.size(p);
                long m = WavLength.millis(p);
                millis = m < 0 ? null : m;
            }
        } catch (IOException e) {
            log.warn("recording {} could not be measured: {}", file, e.toString());
        }
        if (millis == null) {
            // not visible from here (another host's folder): the time between start and stop
            millis = jdbc.query("select started_at from call_recordings where file = ?",
                    rs -> rs.next() ? Math.max(0, at.toEpochMilli() - rs.getTimestamp(1).getTime()) : null, file);
        }
        jdbc.update("update call_recordings set ended_at = ?, duration_ms = ?, size_bytes = ?, muted = false"
                + " where file = ? and ended_at is null", Timestamp.from(at), millis, size, file);
    }

    /** Asterisk paused ({@code muted}) or resumed the recording of {@code channel}. */
    public void muteChanged(String channel, boolean muted) {
        jdbc.update("update call_recordings set muted = ?, mute_count = mute_count + case when ? then 1 else 0 end"
                + " where channel = ? and ended_at is null", muted, muted, channel);
    }

    /** One recording. */
    public Optional<CallRecording> find(long id) {
        return jdbc.query(SELECT + " where r.id = ?", (rs, n) -> row(rs), id).stream().findFirst();
    }

    /** The recordings of one call, oldest first. */
    public List<CallRecording> ofCall(String callId) {
        return jdbc.query(SELECT + " where r.call_id = ? order by r.started_at, r.id", (rs, n) -> row(rs), callId);
    }

    /** The latest recordings, newest first, at most {@code limit}. */
    public List<CallRecording> recent(int limit) {
        return jdbc.query(SELECT + " order by r.started_at desc, r.id desc limit ?", (rs, n) -> row(rs),
                Math.max(1, Math.min(limit, 500)));
    }

    /** The recording running now on {@code channel}, if any. */
    public Optional<CallRecording> running(String callId, String channel) {
        return jdbc.query(SELECT + " where r.call_id = ? and r.channel = ? and r.ended_at is null"
                + " order by r.id desc limit 1", (rs, n) -> row(rs), callId, channel).stream().findFirst();
    }

    /** The file of a recording that still has one, inside the folder; empty otherwise. */
    public Optional<Path> file(CallRecording r) {
        if (r.deleted()) {
            return Optional.empty();
        }
        Path p = resolve(r.file());
        return p != null && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** Each known queue's recording switch, by name. */
    public Map<String, Boolean> queueSwitches() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        jdbc.query("select name, recording from queues order by name",
                rs -> {
                    out.put(rs.getString(1), rs.getBoolean(2));
                });
        return out;
    }

    /** Turns recording of a queue on or off, sent to the PBX soon after; false when there is no such queue. */
    public boolean setQueueSwitch(String queue, boolean on) {
        boolean found = jdbc.update("update queues set recording = ? where name = ?", on, queue) == 1;
        if (found) {
            onSwitchChange.run();
        }
        return found;
    }

    /** What runs after a queue's switch changed (the configuration sends the switches to the PBX). */
    public void onSwitchChange(Runnable r) {
        onSwitchChange = Objects.requireNonNull(r, "r");
    }

    /** Deletes the files of recordings started before {@code before}; returns how many were deleted. */
    public int deleteStartedBefore(Instant before) {
        List<Object[]> due = jdbc.query("""
                select id, file from call_recordings where deleted_at is null and ended_at is not null
                and started_at < ? order by started_at limit 1000""",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}, Timestamp.from(before));
        int deleted = 0;
        for (Object[] d : due) {
            Path p = resolve((String) d[1]);
            try {
                if (p != null) {
                    Files.deleteIfExists(p);
                }
                jdbc.update("update call_recordings set deleted_at = now() where id = ?", d[0]);
                deleted++;
            } catch (IOException e) {
                log.warn("recording {} not deleted: {}", d[1], e.toString());
            }
        }
        return deleted;
    }

    /**
     * The folder's state for the health page.
     *
     * @param directory the folder
     * @param exists    whether it exists and can be read
     * @param files     recordings with a file kept
     * @param bytes     their size as measured
     * @param usable    the free space of the folder's disk, or -1
     */
    public record Storage(String directory, boolean exists, long files, long bytes, long usable) {
    }

    /** How much is stored where. */
    public Storage storage() {
        boolean exists = Files.isDirectory(root) && Files.isReadable(root);
        long usable = -1;
        try {
            usable = exists ? Files.getFileStore(root).getUsableSpace() : -1;
        } catch (IOException e) {
            log.debug("no file store for {}: {}", root, e.toString());
        }
        long[] counts = jdbc.query("select count(*), coalesce(sum(size_bytes), 0) from call_recordings"
                + " where deleted_at is null", rs -> rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)}
                : new long[2]);
        return new Storage(root.toString(), exists, counts[0], counts[1], usable);
    }

    private static boolean validFile(String file) {
        return file != null && FILE.matcher(file).matches() && !file.contains("..") && !file.contains("//");
    }

    private Path resolve(String file) {
        if (!validFile(file)) {
            return null;
        }
        Path p = root.resolve(file).normalize();
        return p.startsWith(root) ? p : null;
    }

    private static CallRecording row(ResultSet rs) throws SQLException {
        Timestamp ended = rs.getTimestamp(6);
        return new CallRecording(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), ended == null ? null : ended.toInstant(),
                (Long) rs.getObject(7, Long.class), (Long) rs.getObject(8, Long.class), rs.getBoolean(9),
                rs.getBoolean(10), rs.getString(11), rs.getString(12), rs.getString(13));
    }
}
