package org.hotline.cti.presence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The desk's rules as administrators set them (docs/adr/0025): each queue's wrap-up ({@code queues.wrap_up_…}) and
 * the pause reasons ({@code pause_reasons}) and the call outcomes ({@code disposition_codes}, ADR 0036), over the settings' defaults. {@link #current()} is read on every desk
 * transition, so it is kept for {@link #MAX_AGE} (a change on another node shows within that) and dropped at once
 * after a change on this one. Thread-safe.
 */
public final class DeskRulesStore {

    /** How long one reading serves: other nodes see an administrator's change within this. */
    public static final Duration MAX_AGE = Duration.ofSeconds(5);

    /**
     * A pause reason as administrators list it.
     *
     * @param reason   the reason
     * @param position its place in the menu
     * @param enabled  whether agents see it (a disabled one keeps its labels for past pauses)
     */
    public record StoredReason(DeskRules.Reason reason, int position, boolean enabled) {
    }

    /**
     * A call outcome as administrators list it.
     *
     * @param disposition the outcome, with whether it is active
     * @param position    its place in the menu
     */
    public record StoredDisposition(DeskRules.Disposition disposition, int position) {
    }

    /**
     * A queue's own wrap-up as stored: null means the settings'.
     *
     * @param queue            the queue
     * @param wrapUpSeconds    the wrap-up, or null
     * @param extensionSeconds what an extension adds (0: none), or null
     */
    public record QueueWrapUp(String queue, Integer wrapUpSeconds, Integer extensionSeconds) {
    }

    private final JdbcTemplate jdbc;
    private final PresenceProperties settings;
    private volatile DeskRules cached;
    private volatile long cachedAtNanos;

    /** Rules in {@code dataSource} over the defaults of {@code settings}. */
    public DeskRulesStore(DataSource dataSource, PresenceProperties settings) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A new database starts with the settings' pause reasons (for every queue); one that has reasons keeps them. */
    public void seedReasons() {
        Integer any = jdbc.queryForObject("select count(*) from pause_reasons", Integer.class);
        if (any != null && any == 0) {
            int position = 0;
            for (PresenceProperties.PauseReason r : settings.pauseReasons()) {
                jdbc.update("""
                        insert into pause_reasons (code, label_zh, label_en, position, updated_by)
                        values (?, ?, ?, ?, 'settings') on conflict (code) do nothing""",
                        r.code(), r.zh(), r.en(), position++);
            }
        }
    }

    /** The rules now (at most {@link #MAX_AGE} old); the settings' alone if the database does not answer. */
    public DeskRules current() {
        DeskRules c = cached;
        if (c != null && System.nanoTime() - cachedAtNanos < MAX_AGE.toNanos()) {
            return c;
        }
        DeskRules fresh;
        try {
            fresh = read();
        } catch (DataAccessException e) {
            // the desk goes on with what it had (or the settings'); the next transition tries again
            return c != null ? c : DeskRules.of(settings);
        }
        cached = fresh;
        cachedAtNanos = System.nanoTime();
        return fresh;
    }

    private DeskRules read() {
        DeskRules.WrapUp defaults = DeskRules.defaults(settings);
        Map<String, DeskRules.WrapUp> wrapUps = new TreeMap<>();
        for (QueueWrapUp q : wrapUps()) {
            Duration length = q.wrapUpSeconds() == null ? defaults.length() : Duration.ofSeconds(q.wrapUpSeconds());
            Duration extension = q.extensionSeconds() == null ? defaults.extension()
                    : q.extensionSeconds() == 0 ? null : Duration.ofSeconds(q.extensionSeconds());
            wrapUps.put(q.queue(), new DeskRules.WrapUp(length, extension));
        }
        List<DeskRules.Reason> reasons = reasons().stream().filter(StoredReason::enabled).map(StoredReason::reason)
                .toList();
        return new DeskRules(defaults, wrapUps, reasons.isEmpty() ? DeskRules.reasons(settings) : reasons,
                dispositions().stream().map(StoredDisposition::disposition).toList(), dispositionRequired());
    }

    /** The queues with a wrap-up of their own. */
    public List<QueueWrapUp> wrapUps() {
        return jdbc.query("""
                select name, wrap_up_seconds, wrap_up_extension_seconds from queues
                where wrap_up_seconds is not null or wrap_up_extension_seconds is not null order by name""",
                (rs, n) -> new QueueWrapUp(rs.getString(1), integer(rs, 2), integer(rs, 3)));
    }

    /** Every pause reason, disabled ones too, in menu order. */
    public List<StoredReason> reasons() {
        return jdbc.query("""
                select code, label_zh, label_en, queues, position, enabled from pause_reasons
                order by position, code""", (rs, n) -> new StoredReason(new DeskRules.Reason(rs.getString(1),
                rs.getString(2), rs.getString(3), queues(rs.getArray(4))), rs.getInt(5), rs.getBoolean(6)));
    }

    /** Every call outcome, retired ones too, in menu order. */
    public List<StoredDisposition> dispositions() {
        return jdbc.query("""
                select code, label_zh, label_en, queues, active, position from disposition_codes
                order by position, code""", (rs, n) -> new StoredDisposition(new DeskRules.Disposition(
                rs.getString(1), rs.getString(2), rs.getString(3), queues(rs.getArray(4)), rs.getBoolean(5)),
                rs.getInt(6)));
    }

    /** The queues whose agents must choose a call outcome before ending a wrap-up. */
    public Set<String> dispositionRequired() {
        return Set.copyOf(jdbc.queryForList("select name from queues where disposition_required", String.class));
    }

    /** Sets whether {@code queue}'s agents must choose a call outcome; false when there is no such queue. */
    public boolean setDispositionRequired(String queue, boolean required) {
        int n = jdbc.update("update queues set disposition_required = ? where name = ?", required, queue);
        cached = null;
        return n == 1;
    }

    /**
     * Adds or changes a call outcome (retiring is {@code active} false: outcomes are never deleted).
     *
     * @throws IllegalArgumentException for a queue that does not exist
     */
    public void putDisposition(StoredDisposition stored, String by) {
        DeskRules.Disposition d = stored.disposition();
        knownQueues(d.queues());
        jdbc.update("""
                insert into disposition_codes (code, label_zh, label_en, queues, position, active, updated_by)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (code) do update set label_zh = excluded.label_zh,
                    label_en = excluded.label_en, queues = excluded.queues, position = excluded.position,
                    active = excluded.active, updated_by = excluded.updated_by, updated_at = now()""",
                d.code(), d.zh(), d.en(), d.queues().stream().sorted().toArray(String[]::new), stored.position(),
                d.active(), by);
        cached = null;
    }

    private void knownQueues(Set<String> names) {
        if (names.isEmpty()) {
            return;
        }
        List<String> known = jdbc.queryForList("select name from queues where name = any(?)", String.class,
                (Object) names.toArray(String[]::new));
        Set<String> unknown = new LinkedHashSet<>(names);
        known.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("queues: " + unknown + " (expected: existing queues)");
        }
    }

    /**
     * Sets {@code queue}'s own wrap-up (null: the settings'); false when there is no such queue.
     *
     * @throws IllegalArgumentException for a length outside 0 to 3,600 seconds
     */
    public boolean setWrapUp(String queue, Integer wrapUpSeconds, Integer extensionSeconds) {
        check(wrapUpSeconds, "wrapUpSeconds");
        check(extensionSeconds, "extensionSeconds");
        int n = jdbc.update("update queues set wrap_up_seconds = ?, wrap_up_extension_seconds = ? where name = ?",
                wrapUpSeconds, extensionSeconds, queue);
        cached = null;
        return n == 1;
    }

    /**
     * Adds or changes a pause reason.
     *
     * @throws IllegalArgumentException for a bad code or label, or a queue that does not exist
     */
    public void putReason(StoredReason stored, String by) {
        DeskRules.Reason r = stored.reason();
        if (r.zh().length() > 20 || r.en().length() > 40) {
            throw new IllegalArgumentException("labels: at most 20 characters in Chinese and 40 in English");
        }
        knownQueues(r.queues());
        jdbc.update("""
                insert into pause_reasons (code, label_zh, label_en, queues, position, enabled, updated_by)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (code) do update set label_zh = excluded.label_zh,
                    label_en = excluded.label_en, queues = excluded.queues, position = excluded.position,
                    enabled = excluded.enabled, updated_by = excluded.updated_by, updated_at = now()""",
                r.code(), r.zh(), r.en(), r.queues().stream().sorted().toArray(String[]::new), stored.position(),
                stored.enabled(), by);
        cached = null;
    }

    private static void check(Integer seconds, String name) {
        if (seconds != null && (seconds < 0 || seconds > 3600)) {
            throw new IllegalArgumentException(name + ": " + seconds + " (expected: 0 to 3600 seconds, or empty)");
        }
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Set<String> queues(Array array) throws SQLException {
        return array == null ? Set.of() : new LinkedHashSet<>(Arrays.asList((String[]) array.getArray()));
    }

    /** The settings the defaults come from. */
    public PresenceProperties settings() {
        return settings;
    }
}
