package org.hotline.server.browser;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hotline.cti.area.AreaDirectory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small supply network for the outage page tests, written straight into the schema (V1 + V4) so the pages are
 * tested against data the back end did not shape: one substation, two lines, three areas (one named with markup),
 * a high-risk key-account hospital with a phone under 建设南路, and an unplanned outage on the first line.
 */
final class OutageTestNetwork {

    static final String SUBSTATION = "T4-SUB";
    static final String LINE = "T4L01";
    static final String LINE_NAME = "建设线";
    static final String OTHER_LINE = "T4L02";
    static final String AREA = "T4A001";
    static final String AREA_NAME = "建设南路";
    static final String MARKUP_AREA = "T4A002";
    static final String MARKUP_AREA_NAME = "<img src=x onerror=\"window.pwned=1\">东区";
    static final String OTHER_AREA = "T4A101";
    static final String OTHER_AREA_NAME = "解放北路";
    static final String CENTRE = "T4RC";
    static final String CENTRE_NAME = "城南抢修中心";
    static final String CENTRE_PHONE = "0571-87000001";
    static final String RESPONSIBLE = "王建国";
    static final String RESPONSIBLE_PHONE = "13700000401";
    static final String HOSPITAL_NO = "T4C0001";
    static final String HOSPITAL = "市第一人民医院";
    static final String HOSPITAL_PHONE = "13900000401";
    static final String OUTAGE_NO = "T4-TD-0001";
    static final String OUTAGE_REASON = "10kV 建设线 电缆故障";

    private OutageTestNetwork() {
    }

    /**
     * Writes the network and the line outage once and rebuilds the in-memory area index (SQL bypasses the import,
     * which would rebuild it); returns the outage's expected end.
     */
    static Instant writeOnce(JdbcTemplate jdbc, AreaDirectory areas) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Integer existing = jdbc.queryForObject("select count(*) from substations where code = ?", Integer.class, SUBSTATION);
        if (existing != null && existing > 0) {
            return jdbc.queryForObject("select expected_end_at from outages where outage_no = ?", Timestamp.class,
                    OUTAGE_NO).toInstant();
        }
        jdbc.update("insert into repair_centres (code, name, phone) values (?, ?, ?)", CENTRE, CENTRE_NAME, CENTRE_PHONE);
        jdbc.update("insert into substations (code, name) values (?, '测试变电站')", SUBSTATION);
        insertLine(jdbc, LINE, LINE_NAME);
        insertLine(jdbc, OTHER_LINE, "解放线");
        insertArea(jdbc, AREA, AREA_NAME, LINE);
        insertArea(jdbc, MARKUP_AREA, MARKUP_AREA_NAME, LINE);
        insertArea(jdbc, OTHER_AREA, OTHER_AREA_NAME, OTHER_LINE);
        Long address = jdbc.queryForObject("insert into addresses (full_text) values ('建设南路 1 号') returning id",
                Long.class);
        Long premises = jdbc.queryForObject("insert into premises (address_id, transformer_area_id) select ?, id "
                + "from transformer_areas where code = ? returning id", Long.class, address, AREA);
        Long customer = jdbc.queryForObject("insert into customers (customer_no, name, kind, key_account, high_risk, "
                + "address_id) values (?, ?, 'commercial', true, true, ?) returning id", Long.class, HOSPITAL_NO,
                HOSPITAL, address);
        jdbc.update("insert into customer_phones (customer_id, raw, normalized, kind, is_primary) "
                + "values (?, ?, ?, 'mobile', true)", customer, HOSPITAL_PHONE, HOSPITAL_PHONE);
        jdbc.update("insert into accounts (account_no, customer_id, premises_id) values ('T4-0000001', ?, ?)", customer,
                premises);
        Instant end = now.plus(3, ChronoUnit.HOURS);
        jdbc.update("insert into outages (outage_no, kind, feeder_line_id, reason, starts_at, expected_end_at, created_by) "
                + "select ?, 'unplanned', id, ?, ?, ?, 'test' from feeder_lines where code = ?", OUTAGE_NO, OUTAGE_REASON,
                Timestamp.from(now.minus(1, ChronoUnit.HOURS)), Timestamp.from(end), LINE);
        areas.refresh();
        return end;
    }

    private static void insertLine(JdbcTemplate jdbc, String code, String name) {
        jdbc.update("insert into feeder_lines (code, name, substation_id, repair_centre_id) select ?, ?, s.id, c.id "
                + "from substations s, repair_centres c where s.code = ? and c.code = ?", code, name, SUBSTATION, CENTRE);
    }

    private static void insertArea(JdbcTemplate jdbc, String code, String name, String line) {
        jdbc.update("insert into transformer_areas (code, name, feeder_line_id, repair_centre_id, responsible_person, "
                + "responsible_phone) select ?, ?, l.id, c.id, ?, ? from feeder_lines l, repair_centres c "
                + "where l.code = ? and c.code = ?", code, name, RESPONSIBLE, RESPONSIBLE_PHONE, line, CENTRE);
    }
}
