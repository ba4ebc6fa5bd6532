package org.hotline.cti.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.cti.customer.CustomerCard;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.demo.DemoDataGenerator;
import org.hotline.cti.outage.OutageRejectedException.Reason;
import org.hotline.cti.push.MutableClock;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class OutageDeskIntegrationTests {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    private static HikariDataSource pool;
    private static JdbcTemplate jdbc;
    private MutableClock clock;
    private OutageDesk desk;
    private OutageStatus status;
    private String line;
    private String area;
    private String otherArea;

    @BeforeAll
    static void load() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        new DemoDataGenerator().generate(pool, 2_000, 7L, T0);
        jdbc = new JdbcTemplate(pool);
        // the small demo network has one area per line: give the first line a second area with half the premises
        jdbc.update("""
                insert into transformer_areas (code, name, feeder_line_id)
                select 'TZ-SECOND', '测试第二台区', feeder_line_id from transformer_areas where code = 'TA000001'""");
        jdbc.update("""
                update premises set transformer_area_id = (select id from transformer_areas where code = 'TZ-SECOND')
                where transformer_area_id = (select id from transformer_areas where code = 'TA000001') and id % 2 = 0""");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @BeforeEach
    void fresh() {
        jdbc.update("delete from outage_changes");
        jdbc.update("delete from outages");
        clock = new MutableClock(T0);
        desk = new OutageDesk(pool, clock);
        status = new OutageStatus(pool, clock);
        // a line with two areas, each with customers
        Map<String, Object> row = jdbc.queryForMap("""
                select l.code as line, min(ta.code) as a1, max(ta.code) as a2 from feeder_lines l
                join transformer_areas ta on ta.feeder_line_id = l.id
                where exists (select 1 from premises p where p.transformer_area_id = ta.id)
                group by l.code having count(*) >= 2 order by l.code limit 1""");
        line = (String) row.get("line");
        area = (String) row.get("a1");
        otherArea = (String) row.get("a2");
    }

    @Test
    void declareRecordsTheOutageAndWhoDeclaredIt() {
        Outage o = desk.declare(lineOutage(T0, T0.plus(Duration.ofHours(4))), "supervisor");

        assertThat(o.outageNo()).startsWith("TD20261123-");
        assertThat(o.lineCode()).isEqualTo(line);
        assertThat(o.areaCode()).isNull();
        assertThat(o.activeAt(T0)).isTrue();
        assertThat(jdbc.queryForList("select action || ':' || by_user from outage_changes where outage_id = ?",
                String.class, o.id())).containsExactly("declared:supervisor");
    }

    @Test
    void declareRefusesAnEndBeforeTheStart() {
        assertThatThrownBy(() -> desk.declare(lineOutage(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(1))),
                "supervisor"))
                .isInstanceOfSatisfying(OutageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
                .hasMessageContaining("is not after startsAt");
        assertThat(jdbc.queryForObject("select count(*) from outages", Long.class)).isZero();
    }

    @Test
    void declareRefusesUnknownLinesEmptyReasonsAndTwoScopes() {
        Instant end = T0.plus(Duration.ofHours(1));
        assertThatThrownBy(() -> desk.declare(new NewOutage(OutageKind.UNPLANNED, "NO-SUCH-LINE", null, "故障", T0, end),
                "supervisor")).hasMessage("lineCode: unknown line NO-SUCH-LINE");
        assertThatThrownBy(() -> desk.declare(new NewOutage(OutageKind.UNPLANNED, line, null, "  ", T0, end),
                "supervisor")).hasMessage("reason: missing");
        assertThatThrownBy(() -> desk.declare(new NewOutage(OutageKind.UNPLANNED, line, area, "故障", T0, end),
                "supervisor")).hasMessageContaining("either lineCode or areaCode");
        assertThatThrownBy(() -> desk.declare(new NewOutage(null, line, null, "故障", T0, end), "supervisor"))
                .hasMessageContaining("kind: missing");
    }

    @Test
    void overlappingOutagesOnOneLineAreBothKeptAndAnAreaIsOutWhileAnyIsActive() {
        Outage a = desk.declare(lineOutage(T0, T0.plus(Duration.ofHours(2))), "supervisor");
        Outage b = desk.declare(new NewOutage(OutageKind.PLANNED, null, area, "检修", T0.plus(Duration.ofHours(1)),
                T0.plus(Duration.ofHours(3))), "supervisor");

        assertThat(status.list(OutageStatus.State.CURRENT)).extracting(v -> v.outage().id()).containsExactly(a.id());
        clock.advance(Duration.ofMinutes(90));
        assertThat(status.list(OutageStatus.State.CURRENT)).extracting(v -> v.outage().id())
                .containsExactly(a.id(), b.id());

        desk.restore(a.id(), "supervisor");

        List<OutageView> onArea = status.openCovering(List.of(areaId(area)), List.of(lineId(line)));
        assertThat(onArea).extracting(v -> v.outage().id()).containsExactly(b.id());
        assertThat(onArea.get(0).active()).isTrue();
        List<OutageView> onOther = status.openCovering(List.of(areaId(otherArea)), List.of(lineId(line)));
        assertThat(onOther).isEmpty();
    }

    @Test
    void autoRestoreEndsTheOutageAtItsExpectedEndAsSystem() {
        Instant end = T0.plus(Duration.ofHours(2));
        Outage o = desk.declare(lineOutage(T0, end), "supervisor");
        assertThat(desk.restoreDue()).isZero();

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(desk.restoreDue()).isEqualTo(1);
        assertThat(desk.restoreDue()).as("a second pass finds nothing").isZero();

        OutageView v = status.find(o.id()).orElseThrow();
        assertThat(v.outage().restoredAt()).isEqualTo(end);
        assertThat(v.outage().restoredBy()).isEqualTo("system");
        assertThat(v.restoreKind()).isEqualTo("auto");
        assertThat(v.active()).isFalse();
        assertThat(jdbc.queryForList("select action || ':' || by_user from outage_changes where outage_id = ? order by id",
                String.class, o.id())).containsExactly("declared:supervisor", "auto_restored:system");
        assertThat(status.list(OutageStatus.State.RECENT)).extracting(x -> x.outage().id()).containsExactly(o.id());
    }

    @Test
    void extendMovesTheEndSoTheAutoRestoreWaits() {
        Outage o = desk.declare(lineOutage(T0, T0.plus(Duration.ofHours(1))), "supervisor");
        Outage extended = desk.extend(o.id(), T0.plus(Duration.ofHours(3)), "supervisor2");

        clock.advance(Duration.ofHours(2));
        assertThat(desk.restoreDue()).isZero();
        assertThat(extended.expectedEndAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
        assertThat(jdbc.queryForObject("""
                select by_user || ':' || expected_end_before || '>' || expected_end_after from outage_changes
                where outage_id = ? and action = 'extended'""", String.class, o.id()))
                .startsWith("supervisor2:");
        assertThatThrownBy(() -> desk.extend(o.id(), T0.minus(Duration.ofHours(1)), "supervisor"))
                .hasMessageContaining("is not after startsAt");
    }

    @Test
    void restoringTwiceIsAConflictAndUnknownIdsAreNotFound() {
        Outage o = desk.declare(lineOutage(T0, T0.plus(Duration.ofHours(1))), "supervisor");
        Outage restored = desk.restore(o.id(), "supervisor");

        assertThat(restored.restoredAt()).isEqualTo(T0);
        assertThatThrownBy(() -> desk.restore(o.id(), "supervisor"))
                .isInstanceOfSatisfying(OutageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT));
        assertThatThrownBy(() -> desk.extend(o.id(), T0.plus(Duration.ofHours(5)), "supervisor"))
                .isInstanceOfSatisfying(OutageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT));
        assertThatThrownBy(() -> desk.restore(999_999, "supervisor"))
                .isInstanceOfSatisfying(OutageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void theBoardCountsDistinctCustomersUnderActiveOutagesAndTheirCalls() {
        long onLine = jdbc.queryForObject("""
                select count(distinct ac.customer_id) from transformer_areas ta
                join feeder_lines l on l.id = ta.feeder_line_id and l.code = ?
                join premises p on p.transformer_area_id = ta.id
                join accounts ac on ac.premises_id = p.id and ac.closed_at is null""", Long.class, line);
        desk.declare(lineOutage(T0, T0.plus(Duration.ofHours(2))), "supervisor");
        desk.declare(new NewOutage(OutageKind.PLANNED, null, area, "检修", T0, T0.plus(Duration.ofHours(2))), "sup");
        long customer = jdbc.queryForObject("""
                select ac.customer_id from accounts ac join premises p on p.id = ac.premises_id
                join transformer_areas ta on ta.id = p.transformer_area_id where ta.code = ? limit 1""", Long.class, area);
        jdbc.update("delete from calls where call_id like 'outage-test-%'");
        jdbc.update("""
                insert into calls (call_id, direction, customer_id, started_at) values
                ('outage-test-1', 'inbound', ?, ?), ('outage-test-2', 'inbound', ?, ?)""",
                customer, java.sql.Timestamp.from(T0.minus(Duration.ofMinutes(10))),
                customer, java.sql.Timestamp.from(T0.minus(Duration.ofHours(3))));

        OutageBoard board = status.board();

        assertThat(board.outages()).hasSize(2);
        assertThat(board.customersAffected()).isEqualTo(onLine).isPositive();
        assertThat(board.callsFromAffectedAreasLastHour()).isEqualTo(1);
        assertThat(board.outages().get(0).customersAffected()).isEqualTo(onLine);
    }

    @Test
    void thePublicFeedHoldsPlaceNamesAndTimesOnly() {
        desk.declare(lineOutage(T0, T0.plus(Duration.ofHours(2))), "supervisor");
        desk.declare(new NewOutage(OutageKind.PLANNED, null, area, "检修", T0.plus(Duration.ofDays(1)),
                T0.plus(Duration.ofDays(1).plusHours(4))), "supervisor");

        List<PublicOutage> feed = status.publicFeed();

        assertThat(feed).extracting(PublicOutage::status).containsExactly("current", "planned");
        assertThat(feed.get(0).areaName()).isNull();
        assertThat(feed.get(1).areaName()).isNotBlank();
    }

    @Test
    void theCustomerCardShowsActiveOutagesOverTheCustomersPremisesUntilRestored() {
        // the card reads "now" from the database, so this test runs on the real clock
        OutageDesk realDesk = new OutageDesk(pool, java.time.Clock.systemUTC());
        Instant now = Instant.now();
        String accountNo = jdbc.queryForObject("""
                select ac.account_no from accounts ac join premises p on p.id = ac.premises_id
                join transformer_areas ta on ta.id = p.transformer_area_id
                where ta.code = ? and ac.closed_at is null order by ac.id limit 1""", String.class, area);
        CustomerDirectory customers = new CustomerDirectory(pool, new PhoneNumbers(PhoneProperties.defaults()));
        Outage o = realDesk.declare(lineOutage(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(2))), "sup");
        realDesk.declare(new NewOutage(OutageKind.PLANNED, null, otherArea, "检修", now.minus(Duration.ofMinutes(5)),
                now.plus(Duration.ofHours(2))), "sup");
        realDesk.declare(new NewOutage(OutageKind.PLANNED, null, area, "检修", now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1).plusHours(2))), "sup");

        CustomerCard card = customers.findByAccountNo(accountNo).orElseThrow();

        assertThat(card.outages()).extracting(CustomerCard.OutageSummary::outageNo)
                .as("the line's active outage only: not another area's, not a planned one ahead")
                .containsExactly(o.outageNo());
        assertThat(card.outages().get(0).kind()).isEqualTo("unplanned");
        assertThat(card.outages().get(0).lineCode()).isEqualTo(line);
        assertThat(org.hotline.cti.push.PopJson.write(card)).contains("\"outages\":[{").contains(o.outageNo());

        realDesk.restore(o.id(), "sup");
        assertThat(customers.findByAccountNo(accountNo).orElseThrow().outages()).isEmpty();
    }

    private NewOutage lineOutage(Instant start, Instant end) {
        return new NewOutage(OutageKind.UNPLANNED, line, null, "10kV线路故障", start, end);
    }

    private static long areaId(String code) {
        return jdbc.queryForObject("select id from transformer_areas where code = ?", Long.class, code);
    }

    private static long lineId(String code) {
        return jdbc.queryForObject("select id from feeder_lines where code = ?", Long.class, code);
    }
}
