package org.hotline.workorder.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hotline.workorder.ActiveOutage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the outages of cti-core's shared tables (V4: {@code outages} on a line or one transformer area) by SQL, as
 * the orders read calls and premises: work orders do not depend on the outage desk's code.
 */
public final class OutageLookup {

    // in effect: started and not restored; an outage running past its expected end still cuts the supply
    private static final String COVERING = """
            select o.outage_no, o.kind, l.code, l.name, oa.code, oa.name, o.reason, o.starts_at, o.expected_end_at
            from outages o left join transformer_areas oa on oa.id = o.transformer_area_id
            join feeder_lines l on l.id = coalesce(o.feeder_line_id, oa.feeder_line_id)
            where o.restored_at is null and o.starts_at <= ?
              and (o.transformer_area_id = ? or o.feeder_line_id = ?)
            order by o.starts_at, o.id""";

    // open orders of the type under those outages: on the outage's line, or in its area
    private static final String ORDERS_UNDER = """
            select distinct w.id from work_orders w
            join outages o on o.restored_at is null and o.starts_at <= ?
                 and (o.transformer_area_id = ? or o.feeder_line_id = ?)
                 and (w.feeder_line_id = o.feeder_line_id or w.transformer_area_id = o.transformer_area_id)
            where w.closed_at is null and w.type = ?
            order by w.id""";

    private OutageLookup() {
    }

    /** The outages in effect at {@code now} on the area {@code area} or the line {@code line} (either may be null). */
    public static List<ActiveOutage> covering(JdbcTemplate jdbc, Long area, Long line, Instant now) {
        if (area == null && line == null) {
            return List.of();
        }
        return jdbc.query(COVERING, (rs, n) -> new ActiveOutage(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant()), Timestamp.from(now), area, line);
    }

    /** The ids of open orders of {@code type} under the outages in effect on that area or line, oldest first. */
    public static List<Long> openOrdersUnder(JdbcTemplate jdbc, Long area, Long line, String type, Instant now) {
        if (area == null && line == null) {
            return List.of();
        }
        return jdbc.queryForList(ORDERS_UNDER, Long.class, Timestamp.from(now), area, line, type);
    }
}
