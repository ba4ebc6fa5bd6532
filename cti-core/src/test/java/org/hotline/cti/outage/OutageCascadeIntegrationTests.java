package org.hotline.cti.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.push.MutableClock;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The cascade line → areas → customers on a generated network of 2,000 lines and 100,000 areas. */
class OutageCascadeIntegrationTests {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private static final int LINES = 2_000;
    private static final int AREAS_PER_LINE = 50;
    private static final int CUSTOMERS_PER_AREA = 20;

    private static HikariDataSource pool;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void generate() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        jdbc = new JdbcTemplate(pool);
        // set-based generation: 2,000 lines x 50 areas; customers (one premises and account each) on lines 1 and 2
        jdbc.update("insert into substations (code, name) values ('SS-GEN', '生成变电站')");
        jdbc.update("""
                insert into feeder_lines (code, name, substation_id)
                select 'GL' || lpad(g::text, 4, '0'), '生成' || g || '号线', (select id from substations) from generate_series(1, ?) g""",
                LINES);
        jdbc.update("""
                insert into transformer_areas (code, name, feeder_line_id)
                select 'GA' || lpad(l.id::text, 4, '0') || '-' || lpad(g::text, 2, '0'), l.name || g || '号台区', l.id
                from feeder_lines l, generate_series(1, ?) g""", AREAS_PER_LINE);
        jdbc.update("insert into addresses (full_text) values ('生成地址')");
        jdbc.update("""
                insert into premises (address_id, transformer_area_id)
                select (select id from addresses), ta.id from transformer_areas ta
                join feeder_lines l on l.id = ta.feeder_line_id and l.code in ('GL0001', 'GL0002'), generate_series(1, ?) g""",
                CUSTOMERS_PER_AREA);
        jdbc.update("""
                insert into customers (customer_no, name, kind, key_account)
                select 'G' || lpad(p.id::text, 9, '0'), '客户' || p.id, 'residential', p.id % 97 = 0 from premises p""");
        jdbc.update("""
                insert into accounts (account_no, customer_id, premises_id)
                select 'GA-' || p.id, c.id, p.id from premises p join customers c on c.customer_no = 'G' || lpad(p.id::text, 9, '0')""");
        jdbc.execute("analyze");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void aLineOutageReachesEveryAreaAndCustomerOfThatLineOnly() {
        assertThat(jdbc.queryForObject("select count(*) from transformer_areas", Long.class)).isEqualTo(100_000L);
        MutableClock clock = new MutableClock(T0);
        OutageDesk desk = new OutageDesk(pool, clock);
        OutageStatus status = new OutageStatus(pool, clock);
        Outage o = desk.declare(new NewOutage(OutageKind.UNPLANNED, "GL0001", null, "故障", T0, T0.plus(Duration.ofHours(2))), "sup");
        Outage area = desk.declare(new NewOutage(OutageKind.PLANNED, null, code("GL0002", 1), "检修", T0,
                T0.plus(Duration.ofHours(1))), "sup");

        List<Long> line1Areas = jdbc.queryForList("""
                select ta.id from transformer_areas ta join feeder_lines l on l.id = ta.feeder_line_id where l.code = 'GL0001'""",
                Long.class);
        List<OutageView> covering = status.openCovering(line1Areas, List.of(lineId("GL0001")));
        assertThat(covering).extracting(v -> v.outage().id()).containsExactly(o.id());
        assertThat(covering.get(0).customersAffected()).isEqualTo(AREAS_PER_LINE * CUSTOMERS_PER_AREA);

        List<AffectedCustomer> affected = new ArrayList<>();
        new Outages(pool).forEachAffectedCustomer(o.id(), affected::add);
        assertThat(affected).hasSize(AREAS_PER_LINE * CUSTOMERS_PER_AREA);
        assertThat(affected).extracting(AffectedCustomer::customerId).isSorted().doesNotHaveDuplicates();
        List<AffectedCustomer> underArea = new ArrayList<>();
        new Outages(pool).forEachAffectedCustomer(area.id(), underArea::add);
        assertThat(underArea).hasSize(CUSTOMERS_PER_AREA);

        List<OutageView> otherLine = status.openCovering(List.of(areaId(code("GL0002", 2))), List.of(lineId("GL0002")));
        assertThat(otherLine).as("the planned outage is on another area of line 2").isEmpty();
        assertThat(status.board().customersAffected()).isEqualTo((AREAS_PER_LINE + 1) * CUSTOMERS_PER_AREA);

        clock.advance(Duration.ofMinutes(61));
        assertThat(desk.restoreDue()).isEqualTo(1);
        assertThat(status.board().customersAffected()).isEqualTo(AREAS_PER_LINE * CUSTOMERS_PER_AREA);
        clock.advance(Duration.ofHours(1));
        assertThat(desk.restoreDue()).isEqualTo(1);
        assertThat(status.board().outages()).isEmpty();
        assertThat(status.board().customersAffected()).isZero();
    }

    @Test
    void aCallerHearsTheOutagesOverTheirOwnPremisesOnlyWhileTheyAreInForce() {
        MutableClock clock = new MutableClock(T0);
        OutageDesk desk = new OutageDesk(pool, clock);
        Outages outages = new Outages(pool);
        // four customers on line GL0003: areas 1, 2 and 3, and one on area 1 of GL0004 sharing a number with area 3's
        long onLineArea1 = customer("C3-1", code("GL0003", 1), "13800000031");
        customer("C3-2", code("GL0003", 2), "13800000032");
        customer("C3-3", code("GL0003", 3), "13800000099");
        customer("C4-1", code("GL0004", 1), "13800000099");
        Outage line = desk.declare(new NewOutage(OutageKind.UNPLANNED, "GL0003", null, "故障", T0,
                T0.plus(Duration.ofHours(2))), "sup");
        Outage area = desk.declare(new NewOutage(OutageKind.PLANNED, null, code("GL0004", 1), "检修", T0,
                T0.plus(Duration.ofHours(1))), "sup");
        desk.declare(new NewOutage(OutageKind.PLANNED, null, code("GL0003", 2), "检修",
                T0.plus(Duration.ofHours(3)), T0.plus(Duration.ofHours(4))), "sup");
        Instant during = T0.plus(Duration.ofMinutes(30));
        // a second account of the first customer on area 2: listed over two connections, area 1 and 2 fall apart
        long premises2 = jdbc.queryForObject("insert into premises (address_id, transformer_area_id) values "
                + "((select min(id) from addresses), ?) returning id", Long.class, areaId(code("GL0003", 2)));
        jdbc.update("insert into accounts (account_no, customer_id, premises_id) values ('A-C3-1b', ?, ?)", onLineArea1,
                premises2);
        List<AffectedCustomer> listed = new ArrayList<>();
        new Outages(pool, 2).forEachAffectedCustomer(line.id(), listed::add);
        assertThat(listed).extracting(AffectedCustomer::customerNo).containsExactly("C3-1", "C3-2", "C3-3");

        assertThat(outages.activeForCaller("13800000031", during)).extracting(Outage::id).containsExactly(line.id());
        assertThat(outages.activeForCaller("13800000032", during)).extracting(Outage::id).containsExactly(line.id());
        assertThat(outages.activeForCaller("13800000099", during)).extracting(Outage::id)
                .containsExactly(line.id(), area.id());
        assertThat(outages.activeForCaller("13800000000", during)).isEmpty();
        // the area's planned work has ended by its expected end; the line's fault is restored early
        assertThat(outages.activeForCaller("13800000099", T0.plus(Duration.ofMinutes(90)))).extracting(Outage::id)
                .containsExactly(line.id());
        clock.advance(Duration.ofMinutes(30));
        desk.restore(line.id(), "sup");
        assertThat(outages.activeForCaller("13800000031", during)).isEmpty();
        jdbc.update("update accounts set closed_at = now() where customer_id = ?", onLineArea1);
        assertThat(outages.activeForCaller("13800000099", during)).extracting(Outage::id).containsExactly(area.id());
    }

    /** A customer with one premises on {@code areaCode}, an open account and {@code mobile}; returns its id. */
    private static long customer(String no, String areaCode, String mobile) {
        long premises = jdbc.queryForObject("insert into premises (address_id, transformer_area_id) values "
                + "((select min(id) from addresses), ?) returning id", Long.class, areaId(areaCode));
        long id = jdbc.queryForObject("insert into customers (customer_no, name, kind) values (?, ?, 'residential') "
                + "returning id", Long.class, no, "客户" + no);
        jdbc.update("insert into accounts (account_no, customer_id, premises_id) values (?, ?, ?)", "A-" + no, id, premises);
        jdbc.update("insert into customer_phones (customer_id, raw, normalized, kind, is_primary) "
                + "values (?, ?, ?, 'mobile', true)", id, mobile, mobile);
        return id;
    }

    private static String code(String line, int n) {
        return jdbc.queryForObject("""
                select ta.code from transformer_areas ta join feeder_lines l on l.id = ta.feeder_line_id
                where l.code = ? order by ta.code offset ? limit 1""", String.class, line, n - 1);
    }

    private static long areaId(String code) {
        return jdbc.queryForObject("select id from transformer_areas where code = ?", Long.class, code);
    }

    private static long lineId(String code) {
        return jdbc.queryForObject("select id from feeder_lines where code = ?", Long.class, code);
    }
}
