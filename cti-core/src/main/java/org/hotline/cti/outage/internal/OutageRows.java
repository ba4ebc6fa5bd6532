package org.hotline.cti.outage.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.hotline.cti.outage.Outage;
import org.hotline.cti.outage.OutageKind;

/** The select list and row mapping shared by every outage query, restore kind included. */
public final class OutageRows {

    /** Columns 1..14 read by {@link #read}; {@code o} is outages, joined to its area and line. */
    public static final String SELECT = """
            select o.id, o.outage_no, o.kind, l.code, l.name, a.code, a.name, o.reason, o.starts_at,
                   o.expected_end_at, o.restored_at, o.restored_by, o.updated_at, o.restore_kind
            from outages o
            left join transformer_areas a on a.id = o.transformer_area_id
            join feeder_lines l on l.id = coalesce(o.feeder_line_id, a.feeder_line_id)
            """;

    private OutageRows() {
    }

    /** One outage from a row of {@link #SELECT}. */
    public static Outage read(ResultSet rs) throws SQLException {
        return new Outage(rs.getLong(1), rs.getString(2), OutageKind.valueOf(rs.getString(3).toUpperCase()),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                instant(rs, 9), instant(rs, 10), instant(rs, 11), rs.getString(12), instant(rs, 13));
    }

    /** The restore kind of a row of {@link #SELECT} ({@code manual}, {@code auto} or null). */
    public static String restoreKind(ResultSet rs) throws SQLException {
        return rs.getString(14);
    }

    /** A nullable timestamp column as an Instant. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
