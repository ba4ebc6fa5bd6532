package org.hotline.workorder.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.hotline.workorder.ClockEvent;
import org.hotline.workorder.ClockEvent.OrderClosed;
import org.hotline.workorder.ClockEvent.OrderReopened;
import org.hotline.workorder.ClockEvent.OrderRerouted;
import org.hotline.workorder.ClockEvent.PointRecorded;
import org.hotline.workorder.ClockEvent.WorkDone;
import org.hotline.workorder.Party;
import org.hotline.workorder.Point;
import org.hotline.workorder.PointSource;
import org.hotline.workorder.WorkOrderTimeline.LogEntry;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads and appends rows of the points log ({@code work_order_points}), mapping them to clock events. */
public final class LogRows {

    private static final String SELECT = """
            select id, kind, point, at, coalesce(recorded_by_name, (select username from users u where u.id = recorded_by)),
                   source, unit, reason, lost_seconds, charged_party, recorded_at, team_elsewhere, charged_unit
            from work_order_points where order_id = ? order by id""";

    private LogRows() {
    }

    /** The log of an order as shown on the timeline. */
    public static List<LogEntry> entries(JdbcTemplate jdbc, long orderId) {
        return jdbc.query(SELECT, (rs, n) -> new LogEntry(rs.getLong(1), rs.getString(2), Point.of(rs.getString(3)),
                instant(rs, 4), rs.getString(5), PointSource.of(rs.getString(6)), rs.getString(7), rs.getString(8),
                (Long) rs.getObject(9), rs.getString(10) == null ? null : Party.valueOf(rs.getString(10)),
                rs.getString(13), instant(rs, 11)), orderId);
    }

    /** The log of an order as clock events, for replay. */
    public static List<ClockEvent> events(JdbcTemplate jdbc, long orderId) {
        return jdbc.query(SELECT, (rs, n) -> {
            String kind = rs.getString(2);
            Point point = Point.of(rs.getString(3));
            Instant at = instant(rs, 4);
            String by = rs.getString(5);
            return switch (kind) {
                case "point", "correction" -> new PointRecorded(point, at, by, PointSource.of(rs.getString(6)),
                        rs.getString(7), rs.getString(8), (Boolean) rs.getObject(12));
                case "reroute" -> new OrderRerouted(point, at, by, rs.getString(7), rs.getString(8),
                        Duration.ofSeconds(rs.getLong(9)), Party.valueOf(rs.getString(10)), (Boolean) rs.getObject(12));
                case "done" -> new WorkDone(at, by, PointSource.of(rs.getString(6)), rs.getString(8));
                case "reopen" -> new OrderReopened(at, by, rs.getString(8));
                default -> new OrderClosed(at, by, rs.getString(8));
            };
        }, orderId);
    }

    /**
     * Appends one event; {@code point} for a close, done or reopen is the last point in effect (never null),
     * {@code chargedUnit} for a re-route is the unit that routed wrongly.
     */
    public static void append(JdbcTemplate jdbc, long orderId, ClockEvent e, Point closePoint, PointSource source,
                              Long userId, String chargedUnit) {
        if (e instanceof PointRecorded r) {
            jdbc.update("""
                    insert into work_order_points (order_id, point, at, unit, recorded_by, recorded_by_name, kind,
                        source, reason, team_elsewhere) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    orderId, r.point().name(), Timestamp.from(r.at()), r.unit(), userId, r.by(),
                    r.correction() ? "correction" : "point", r.source().dbName(), r.reason(), r.teamElsewhere());
        } else if (e instanceof OrderRerouted r) {
            jdbc.update("""
                    insert into work_order_points (order_id, point, at, unit, recorded_by, recorded_by_name, kind,
                        source, reason, lost_seconds, charged_party, charged_unit, team_elsewhere)
                    values (?, ?, ?, ?, ?, ?, 'reroute', ?, ?, ?, ?, ?, ?)""",
                    orderId, r.after().name(), Timestamp.from(r.at()), r.unit(), userId, r.by(), source.dbName(),
                    r.reason(), r.lost().toSeconds(), r.chargedParty().name(), chargedUnit, r.teamElsewhere());
        } else if (e instanceof WorkDone d) {
            jdbc.update("""
                    insert into work_order_points (order_id, point, at, recorded_by, recorded_by_name, kind, source,
                        reason) values (?, ?, ?, ?, ?, 'done', ?, ?)""",
                    orderId, closePoint.name(), Timestamp.from(d.at()), userId, d.by(), d.source().dbName(), d.note());
        } else if (e instanceof OrderReopened r) {
            jdbc.update("""
                    insert into work_order_points (order_id, point, at, recorded_by, recorded_by_name, kind, source,
                        reason) values (?, ?, ?, ?, ?, 'reopen', ?, ?)""",
                    orderId, closePoint.name(), Timestamp.from(r.at()), userId, r.by(), source.dbName(), r.reason());
        } else {
            OrderClosed c = (OrderClosed) e;
            jdbc.update("""
                    insert into work_order_points (order_id, point, at, recorded_by, recorded_by_name, kind, source,
                        reason) values (?, ?, ?, ?, ?, 'close', ?, ?)""",
                    orderId, closePoint.name(), Timestamp.from(c.at()), userId, c.by(), source.dbName(),
                    c.reason() == null ? "closed" : c.reason());
        }
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
