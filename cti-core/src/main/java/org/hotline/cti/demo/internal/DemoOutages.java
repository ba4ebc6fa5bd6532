package org.hotline.cti.demo.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The demo's outage side (issue #4): a repair centre per district for its lines, a responsible person and phone per
 * transformer area, and, while the database holds no outage at all, one current fault on the first line and one
 * planned outage on an area tomorrow. Set-based statements only, so it costs milliseconds even on 100,000 areas.
 */
public final class DemoOutages {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private DemoOutages() {
    }

    /** Adds what is missing; {@code now} anchors the two outages. */
    public static void save(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into repair_centres (code, name, phone) values (?, ?, ?) on conflict (code) do nothing""")) {
            int n = 0;
            for (Vocabulary.District d : Vocabulary.DISTRICTS) {
                ps.setString(1, "RC-" + d.code());
                ps.setString(2, d.name() + "供电所抢修班");
                ps.setString(3, "0571-8" + String.format("%03d", ++n) + "5598");
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("""
                    update feeder_lines l set repair_centre_id = rc.id
                    from substations st, repair_centres rc
                    where st.id = l.substation_id and l.repair_centre_id is null
                      and st.code like 'SS-%' and rc.code = 'RC-' || split_part(st.code, '-', 2)""");
            s.executeUpdate("""
                    update transformer_areas
                    set responsible_person = (array['王建国', '李明', '张伟', '刘洋', '陈静', '杨帆'])[1 + id % 6],
                        responsible_phone = '1390571' || lpad((id % 10000)::text, 4, '0')
                    where responsible_person is null and code like 'TA%'""");
            try (ResultSet rs = s.executeQuery("select exists (select 1 from outages)")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
        }
        Instant tomorrow8 = now.atZone(CHINA).toLocalDate().plusDays(1).atTime(LocalTime.of(8, 0)).atZone(CHINA)
                .toInstant();
        insert(c, "unplanned", "select id, null::bigint from feeder_lines order by code limit 1",
                "10kV线路故障，抢修中", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)));
        insert(c, "planned", """
                select null::bigint, id from transformer_areas where code like 'TA%' order by code offset 1 limit 1""",
                "计划检修：更换配电变压器", tomorrow8, tomorrow8.plus(Duration.ofHours(8)));
    }

    private static void insert(Connection c, String kind, String scope, String reason, Instant start, Instant end)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                with s as (%s), o as (
                    insert into outages (outage_no, kind, feeder_line_id, transformer_area_id, reason, starts_at,
                                         expected_end_at, created_by)
                    select 'TD' || to_char(?::timestamptz at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-DEMO-' || ?,
                           ?, s.*, ?, ?, ?, 'supervisor' from s
                    returning id, expected_end_at)
                insert into outage_changes (outage_id, action, expected_end_after, by_user)
                select id, 'declared', expected_end_at, 'supervisor' from o""".formatted(scope))) {
            ps.setTimestamp(1, Timestamp.from(start));
            ps.setString(2, kind.equals("planned") ? "P" : "U");
            ps.setString(3, kind);
            ps.setString(4, reason);
            ps.setTimestamp(5, Timestamp.from(start));
            ps.setTimestamp(6, Timestamp.from(end));
            ps.executeUpdate();
        }
    }
}
