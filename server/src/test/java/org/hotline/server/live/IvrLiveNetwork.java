package org.hotline.server.live;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hotline.cti.outage.NewOutage;
import org.hotline.cti.outage.OutageDesk;
import org.hotline.cti.outage.OutageKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customers the live IVR tests call from, written once per database: a repair centre, two lines (the second in
 * an unplanned outage), and one customer with one account per scenario, each with its own mobile number.
 */
final class IvrLiveNetwork {

    /** Identified by number, no outage. */
    static final String KNOWN_NUMBER = "13911140001";
    static final String KNOWN_ACCOUNT = "8800000001";
    /** On the line in outage: hears the notice. */
    static final String OUTAGE_NUMBER = "13911140002";
    /** On the line in outage too, for the caller who presses nothing. */
    static final String SILENT_NUMBER = "13911140003";
    /** Reports a fault by keypad (a mobile: the order number comes by SMS). */
    static final String FAULT_NUMBER = "13911140004";
    static final String FAULT_ACCOUNT = "8800000004";
    /** Reports a dangerous fault (a fallen wire): the order is made and the caller put through to an agent. */
    static final String DANGER_NUMBER = "13911140005";

    private IvrLiveNetwork() {
    }

    /** Writes the network once; returns the outage's number. */
    static synchronized String writeOnce(JdbcTemplate jdbc, OutageDesk outages) {
        Integer existing = jdbc.queryForObject("select count(*) from substations where code = 'IVR-SUB'", Integer.class);
        if (existing != null && existing > 0) {
            return jdbc.queryForObject("select o.outage_no from outages o join feeder_lines l on l.id = o.feeder_line_id "
                    + "where l.code = 'IVRL2' order by o.id desc limit 1", String.class);
        }
        jdbc.update("insert into repair_centres (code, name, phone) values ('IVRRC', '城东抢修中心', '0571-87000009')");
        jdbc.update("insert into substations (code, name) values ('IVR-SUB', '城东变电站')");
        for (String line : new String[] {"IVRL1", "IVRL2"}) {
            jdbc.update("insert into feeder_lines (code, name, substation_id, repair_centre_id) select ?, ?, s.id, c.id "
                    + "from substations s, repair_centres c where s.code = 'IVR-SUB' and c.code = 'IVRRC'", line,
                    line + "线");
            jdbc.update("insert into transformer_areas (code, name, feeder_line_id, repair_centre_id) select ?, ?, l.id, "
                    + "c.id from feeder_lines l, repair_centres c where l.code = ? and c.code = 'IVRRC'", line + "-A",
                    line + "台区", line);
        }
        customer("IVRC1", "孙一", KNOWN_NUMBER, KNOWN_ACCOUNT, "IVRL1-A", jdbc);
        customer("IVRC2", "孙二", OUTAGE_NUMBER, "8800000002", "IVRL2-A", jdbc);
        customer("IVRC3", "孙三", SILENT_NUMBER, "8800000003", "IVRL2-A", jdbc);
        customer("IVRC4", "孙四", FAULT_NUMBER, FAULT_ACCOUNT, "IVRL1-A", jdbc);
        customer("IVRC5", "孙五", DANGER_NUMBER, "8800000005", "IVRL1-A", jdbc);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        return outages.declare(new NewOutage(OutageKind.UNPLANNED, "IVRL2", null, "10kV 线路故障",
                now.minus(1, ChronoUnit.HOURS), now.plus(3, ChronoUnit.HOURS)), "test").outageNo();
    }

    private static void customer(String no, String name, String phone, String account, String area, JdbcTemplate jdbc) {
        Long address = jdbc.queryForObject("insert into addresses (full_text) values (?) returning id", Long.class,
                "城东路 " + no + " 号");
        Long premises = jdbc.queryForObject("insert into premises (address_id, transformer_area_id) select ?, id "
                + "from transformer_areas where code = ? returning id", Long.class, address, area);
        Long customer = jdbc.queryForObject("insert into customers (customer_no, name, kind, address_id) values "
                + "(?, ?, 'residential', ?) returning id", Long.class, no, name, address);
        jdbc.update("insert into customer_phones (customer_id, raw, normalized, kind, is_primary) "
                + "values (?, ?, ?, 'mobile', true)", customer, phone, phone);
        jdbc.update("insert into accounts (account_no, customer_id, premises_id) values (?, ?, ?)", account, customer,
                premises);
    }
}
