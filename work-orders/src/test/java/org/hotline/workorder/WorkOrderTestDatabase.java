package org.hotline.workorder;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Instant;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/** A migrated database with a small network, customers, calls, users and units for work-order tests. */
final class WorkOrderTestDatabase implements AutoCloseable {

    /** The tests' "now": Monday 23 November 2026, 10:00 in Shanghai. */
    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    final HikariDataSource pool;
    final JdbcTemplate jdbc;
    /** Premises in an area whose line has repair centre RC1. */
    final long premisesWithCentre;
    /** Other premises in the same area (customer C3's first). */
    final long otherPremisesWithCentre;
    /** Premises in an area whose line has no repair centre. */
    final long premisesWithoutCentre;
    /** Customer with one account on {@link #premisesWithCentre}. */
    final long customer;
    /** Customer on {@link #premisesWithoutCentre}. */
    final long customerWithoutCentre;
    /** Customer with accounts on two premises. */
    final long customerWithTwoPremises;

    WorkOrderTestDatabase() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        jdbc = new JdbcTemplate(pool);
        long rc1 = id("insert into repair_centres (code, name, phone) values ('RC1', '城东抢修中心', '0571-1') returning id");
        long rc2 = id("insert into repair_centres (code, name, phone) values ('RC2', '城西抢修中心', '0571-2') returning id");
        long sub = id("insert into substations (code, name) values ('S1', '东站') returning id");
        long l1 = id("insert into feeder_lines (code, name, substation_id, repair_centre_id) values ('L1', '东1线', ?, ?) "
                + "returning id", sub, rc1);
        long l2 = id("insert into feeder_lines (code, name, substation_id) values ('L2', '东2线', ?) returning id", sub);
        long ta1 = id("insert into transformer_areas (code, name, feeder_line_id) values ('TA1', '建设南路1号', ?) "
                + "returning id", l1);
        long ta2 = id("insert into transformer_areas (code, name, feeder_line_id) values ('TA2', '建设南路2号', ?) "
                + "returning id", l2);
        premisesWithCentre = premises(ta1);
        premisesWithoutCentre = premises(ta2);
        otherPremisesWithCentre = premises(ta1);
        customer = customer("C1", premisesWithCentre);
        customerWithoutCentre = customer("C2", premisesWithoutCentre);
        customerWithTwoPremises = customer("C3", otherPremisesWithCentre);
        jdbc.update("insert into accounts (account_no, customer_id, premises_id) values ('C3-2', ?, ?)",
                customerWithTwoPremises, premisesWithCentre);
        jdbc.update("insert into users (username, display_name, password_hash, role) values "
                + "('agent1001', '坐席1001', 'x', 'AGENT'), ('supervisor', '班长', 'x', 'SUPERVISOR')");
        jdbc.update("insert into calls (call_id, direction, caller_raw, caller_normalized, customer_id, started_at, "
                + "ended_at) values ('1700000000.1', 'inbound', '13812345678', '13812345678', ?, ?, ?)", customer,
                Timestamp.from(NOW.minusSeconds(300)), Timestamp.from(NOW.minusSeconds(30)));
        jdbc.update("insert into calls (call_id, direction, caller_raw, caller_normalized, customer_id, started_at) "
                + "values ('1700000000.2', 'inbound', '13912345678', '13912345678', ?, ?)", customer,
                Timestamp.from(NOW.minusSeconds(60)));
        jdbc.update("insert into work_order_units (code, name, kind, repair_centre_id, same_site) values "
                + "('T1', '抢修一班', 'team', ?, true)", rc1);
        jdbc.update("insert into work_order_units (code, name, kind, repair_centre_id, same_site, manager1_name, "
                + "manager1_phone, manager2_name, manager2_phone) values ('T2', '抢修二班', 'team', ?, false, '王', "
                + "'13800000001', '李', '13800000002')", rc2);
    }

    private long premises(long area) {
        long address = id("insert into addresses (full_text) values ('杭州市建设南路') returning id");
        return id("insert into premises (address_id, transformer_area_id) values (?, ?) returning id", address, area);
    }

    private long customer(String no, long premises) {
        long c = id("insert into customers (customer_no, name, kind) values (?, '张三', 'residential') returning id", no);
        jdbc.update("insert into accounts (account_no, customer_id, premises_id) values (?, ?, ?)", no + "-1", c, premises);
        return c;
    }

    private long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Override
    public void close() {
        pool.close();
    }
}
