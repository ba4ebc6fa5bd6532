package org.hotline.cti.outage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.hotline.cti.outage.OutageRejectedException.Reason;
import org.hotline.cti.outage.internal.OutageRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes outages: declare, extend, restore early, and the automatic restore once the expected end passes. Each
 * change is one transaction that also writes its {@code outage_changes} row (who, when, end before and after).
 * Status is never copied to areas or customers: they read it by join, so a change is one row whatever lies beneath.
 * Thread-safe; several nodes may run the automatic restore at once (row locks let one of them restore each outage).
 */
public class OutageDesk {

    /** The user recorded for the automatic restore. */
    public static final String SYSTEM_USER = "system";

    /** Longest reason accepted, in characters (the column's CHECK). */
    public static final int MAX_REASON_LENGTH = 500;

    private static final String INSERT = """
            with n as (select nextval(pg_get_serial_sequence('outages', 'id')) as id)
            insert into outages (id, outage_no, kind, feeder_line_id, transformer_area_id, reason, starts_at,
                                 expected_end_at, created_by, created_at, updated_at)
            select n.id, 'TD' || to_char(?::timestamptz at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-'
                         || lpad(n.id::text, 5, '0'),
                   ?, ?, ?, ?, ?, ?, ?, ?, ?
            from n
            returning id""";

    private static final String AUDIT = """
            insert into outage_changes (outage_id, action, expected_end_before, expected_end_after, by_user, at, note)
            values (?, ?, ?, ?, ?, ?, ?)""";

    private static final String AUTO_RESTORE = """
            with due as (
                update outages set restored_at = expected_end_at, restored_by = 'system', restore_kind = 'auto',
                                   updated_at = ?
                where restored_at is null and expected_end_at <= ?
                returning id, expected_end_at
            )
            insert into outage_changes (outage_id, action, expected_end_before, expected_end_after, by_user, at)
            select id, 'auto_restored', expected_end_at, expected_end_at, 'system', expected_end_at from due""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Outages outages;

    /** Writes through {@code dataSource}, reading the time from {@code clock}. */
    public OutageDesk(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.outages = new Outages(dataSource);
    }

    /**
     * Declares an outage by {@code user}; overlapping outages on the same line or area are all kept.
     *
     * @throws OutageRejectedException (INVALID) naming the first problem: missing kind, line and area both or neither,
     *                                 unknown line or area, empty or too long reason, end not after start, end passed
     */
    public Outage declare(NewOutage o, String user) {
        Objects.requireNonNull(o, "outage");
        requireUser(user);
        if (o.kind() == null) {
            throw invalid("kind: missing (expected: planned or unplanned)");
        }
        boolean line = o.lineCode() != null && !o.lineCode().isBlank();
        boolean area = o.areaCode() != null && !o.areaCode().isBlank();
        if (line == area) {
            throw invalid("give either lineCode or areaCode (one outage covers one line or one area)");
        }
        String reason = o.reason() == null ? "" : o.reason().strip();
        if (reason.isEmpty()) {
            throw invalid("reason: missing");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw invalid("reason: " + reason.length() + " chars (expected: <= " + MAX_REASON_LENGTH + ")");
        }
        if (o.startsAt() == null || o.expectedEndAt() == null) {
            throw invalid(o.startsAt() == null ? "startsAt: missing" : "expectedEndAt: missing");
        }
        if (!o.expectedEndAt().isAfter(o.startsAt())) {
            throw invalid("expectedEndAt " + o.expectedEndAt() + " is not after startsAt " + o.startsAt());
        }
        Instant now = clock.instant();
        if (!o.expectedEndAt().isAfter(now)) {
            throw invalid("expectedEndAt " + o.expectedEndAt() + " has already passed");
        }
        Long scopeId = line ? idOf("feeder_lines", o.lineCode().strip()) : idOf("transformer_areas", o.areaCode().strip());
        if (scopeId == null) {
            throw invalid(line ? "lineCode: unknown line " + o.lineCode().strip()
                    : "areaCode: unknown area " + o.areaCode().strip());
        }
        long id = Objects.requireNonNull(tx.execute(status -> {
            Long newId = jdbc.queryForObject(INSERT, Long.class, Timestamp.from(o.startsAt()),
                    o.kind().name().toLowerCase(), line ? scopeId : null, line ? null : scopeId, reason,
                    Timestamp.from(o.startsAt()), Timestamp.from(o.expectedEndAt()), user, Timestamp.from(now),
                    Timestamp.from(now));
            audit(Objects.requireNonNull(newId), "declared", null, o.expectedEndAt(), user, now, null);
            return newId;
        }));
        return outages.find(id).orElseThrow();
    }

    /**
     * Moves the expected end of an open outage (later or earlier) by {@code user}.
     *
     * @throws OutageRejectedException NOT_FOUND, CONFLICT when restored, INVALID when the new end is not after the
     *                                 start or has passed
     */
    public Outage extend(long id, Instant newEnd, String user) {
        requireUser(user);
        if (newEnd == null) {
            throw invalid("expectedEndAt: missing");
        }
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            Outage o = locked(id);
            if (!newEnd.isAfter(o.startsAt())) {
                throw invalid("expectedEndAt " + newEnd + " is not after startsAt " + o.startsAt());
            }
            if (!newEnd.isAfter(now)) {
                throw invalid("expectedEndAt " + newEnd + " has already passed (restore the outage to end it now)");
            }
            jdbc.update("update outages set expected_end_at = ?, updated_at = ? where id = ?",
                    Timestamp.from(newEnd), Timestamp.from(now), id);
            audit(id, "extended", o.expectedEndAt(), newEnd, user, now, null);
        });
        return outages.find(id).orElseThrow();
    }

    /**
     * Restores an open outage now (early, or cancels a planned one not yet started), by {@code user}.
     *
     * @throws OutageRejectedException NOT_FOUND, or CONFLICT when it is already restored
     */
    public Outage restore(long id, String user) {
        requireUser(user);
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            Outage o = locked(id);
            // an outage past its end that the job has not reached yet ended at its expected end, not now
            Instant at = o.expectedEndAt().isBefore(now) ? o.expectedEndAt() : now;
            jdbc.update("""
                    update outages set restored_at = ?, restored_by = ?, restore_kind = 'manual', updated_at = ?
                    where id = ?""", Timestamp.from(at), user, Timestamp.from(now), id);
            audit(id, "restored", o.expectedEndAt(), o.expectedEndAt(), user, now, null);
        });
        return outages.find(id).orElseThrow();
    }

    /**
     * Restores every open outage whose expected end is at or before the clock's now, as {@code system} at its
     * expected end; returns how many it restored.
     */
    public int restoreDue() {
        Instant now = clock.instant();
        Integer n = tx.execute(status -> jdbc.update(AUTO_RESTORE, Timestamp.from(now), Timestamp.from(now)));
        return n == null ? 0 : n;
    }

    private Outage locked(long id) {
        List<Outage> found = jdbc.query(OutageRows.SELECT + " where o.id = ? for update of o",
                (rs, n) -> OutageRows.read(rs), id);
        if (found.isEmpty()) {
            throw new OutageRejectedException(Reason.NOT_FOUND, "no outage " + id);
        }
        Outage o = found.get(0);
        if (o.restoredAt() != null) {
            throw new OutageRejectedException(Reason.CONFLICT,
                    "outage " + o.outageNo() + " was restored at " + o.restoredAt() + " by " + o.restoredBy());
        }
        return o;
    }

    private Long idOf(String table, String code) {
        List<Long> ids = jdbc.queryForList("select id from " + table + " where code = ?", Long.class, code);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private void audit(long id, String action, Instant before, Instant after, String user, Instant at, String note) {
        jdbc.update(AUDIT, id, action, before == null ? null : Timestamp.from(before),
                after == null ? null : Timestamp.from(after), user, Timestamp.from(at), note);
    }

    private static void requireUser(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user: blank");
        }
    }

    private static OutageRejectedException invalid(String message) {
        return new OutageRejectedException(Reason.INVALID, message);
    }
}
