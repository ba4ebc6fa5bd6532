package org.hotline.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.reports.internal.CallRollups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every queue KPI of docs/kpis.md against figures worked out by hand for a known day: queue {@code rq} (T = 20 s),
 * 2026-12-01 09:00–09:15 Beijing time, six calls; one more call the next day.
 * <pre>
 *  #  outcome      wait  talk hold wrap agent
 *  1  answered      10   100   20   30  A
 *  2  answered      25   200    0    -  B      (answered after T)
 *  3  abandoned      3     -    -    -         (a short abandon, within T)
 *  4  abandoned     40     -    -    -
 *  5  timeout      300     -    -    -
 *  6  transferred    5    60    0   10  A
 *  7  answered (2 Dec)  0  50    0    -  B
 * </pre>
 */
class ReportsIntegrationTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NINE = Instant.parse("2026-12-01T01:00:00Z");
    static final ReportsProperties PROPERTIES = ReportsProperties.defaults();

    static HikariDataSource pool;
    static JdbcTemplate jdbc;
    static CallRollups rollups;
    static Reports reports;

    @BeforeAll
    static void knownDay() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        jdbc = new JdbcTemplate(pool);
        jdbc.update("insert into queues (name, display_name, service_level_seconds) values ('rq', '报表队列', 20)");
        TestCalls.insert(jdbc, "r1", NINE, 10, "answered", 100, 20, 30, "PJSIP/A");
        TestCalls.insert(jdbc, "r2", NINE.plusSeconds(60), 25, "answered", 200, 0, null, "PJSIP/B");
        TestCalls.insert(jdbc, "r3", NINE.plusSeconds(120), 3, "abandoned", 0, 0, null, null);
        TestCalls.insert(jdbc, "r4", NINE.plusSeconds(180), 40, "abandoned", 0, 0, null, null);
        TestCalls.insert(jdbc, "r5", NINE.plusSeconds(240), 300, "timeout", 0, 0, null, null);
        TestCalls.insert(jdbc, "r6", NINE.plusSeconds(600), 5, "transferred", 60, 0, 10, "PJSIP/A");
        TestCalls.insert(jdbc, "r7", NINE.plus(Duration.ofHours(25)), 0, "answered", 50, 0, null, "PJSIP/B");
        // two surveys (5 and 3), a callback asked for by the caller who gave up waiting, a work order on call 1
        jdbc.update("insert into satisfaction_surveys (call_id, score, answered_at) values ('r1', 5, now()), ('r2', 3,"
                + " now())");
        jdbc.update("insert into callbacks (kind, number, queue, due_at, queued_at, call_id) values ('requested',"
                + " '13800138000', 'rq', now(), now(), 'r4')");
        jdbc.update("insert into work_orders (order_no, type, status, call_id) values ('R-1', 'repair', 'new', 'r1')");
        rollups = new CallRollups(pool, PROPERTIES.shortAbandon());
        rollups.refresh();
        reports = new Reports(pool, PROPERTIES);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void aDaysCountsAreThoseOfItsCalls() {
        QueueKpis day = firstDay(ServiceLevelRule.ANSWERED);

        assertThat(day.queueName()).isEqualTo("报表队列");
        assertThat(day.period()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(day.offered()).isEqualTo(6);
        assertThat(day.answered()).isEqualTo(3);
        assertThat(day.abandoned()).isEqualTo(2);
        assertThat(day.shortAbandoned()).isEqualTo(1);
        assertThat(day.timeouts()).isEqualTo(1);
        assertThat(day.transferred()).isEqualTo(1);
    }

    @Test
    void ratesAndTimesFollowTheirFormulas() {
        QueueKpis day = firstDay(ServiceLevelRule.ANSWERED);

        assertThat(day.abandonRate()).isCloseTo(2 / 6.0, within(1e-9));
        assertThat(day.abandonRateExcludingShort()).isCloseTo(1 / 5.0, within(1e-9));
        assertThat(day.asaSeconds()).isCloseTo(40 / 3.0, within(1e-9));
        assertThat(day.avgWaitSeconds()).isCloseTo(383 / 6.0, within(1e-9));
        assertThat(day.avgAbandonWaitSeconds()).isCloseTo(21.5, within(1e-9));
        assertThat(day.maxWaitSeconds()).isEqualTo(300);
        assertThat(day.avgTalkSeconds()).isCloseTo(120, within(1e-9));
        assertThat(day.avgHoldSeconds()).isCloseTo(20 / 3.0, within(1e-9));
        assertThat(day.avgWrapUpSeconds()).isCloseTo(20, within(1e-9));
        assertThat(day.ahtSeconds()).isCloseTo(140, within(1e-9));
        assertThat(day.serviceLevelSeconds()).isEqualTo(20);
    }

    @Test
    void callbacksWorkOrdersAndSatisfactionAreCountedWithTheirCalls() {
        QueueKpis day = firstDay(ServiceLevelRule.ANSWERED);

        assertThat(day.callbacksRequested()).isEqualTo(1);
        assertThat(day.workOrders()).isEqualTo(1);
        assertThat(day.surveyed()).isEqualTo(2);
        assertThat(day.satisfiedShare()).isEqualTo(0.5);
        assertThat(day.averageScore()).isEqualTo(4.0);
    }

    @Test
    void theIvrReportCountsRunsByScriptAndOutcomeTheirPathsAndTheSelfServiceCalls() {
        Instant at = Instant.parse("2026-12-05T02:00:00Z");
        for (String[] run : new String[][] {{"main", "completed", "1-2"}, {"main", "completed", "1-2"},
            {"main", "hung_up", "1"}, {"main", "fallback", "0"}, {"outage", "completed", ""}}) {
            jdbc.update("insert into ivr_runs (script, started_at, ended_at, outcome, path) values (?, ?, ?, ?, ?)",
                    run[0], ts(at), ts(at.plusSeconds(30)), run[1], run[2]);
        }
        jdbc.update("insert into calls (call_id, direction, started_at, ended_at, outcome) values"
                + " ('self', 'inbound', ?, ?, 'ivr_only')", ts(at), ts(at.plusSeconds(40)));

        IvrFigures ivr = reports.ivr(new ReportRequest(LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 5),
                SHANGHAI, ReportInterval.TOTAL, List.of(), ServiceLevelRule.ANSWERED));

        assertThat(ivr.scripts()).containsExactly(new IvrFigures.Script("main", 4, 2, 1, 1),
                new IvrFigures.Script("outage", 1, 1, 0, 0));
        assertThat(ivr.paths()).first().isEqualTo(new IvrFigures.Path("main", "1-2", 2));
        assertThat(ivr.paths()).hasSize(3);
        assertThat(ivr.ivrOnlyCalls()).isEqualTo(1);
    }

    @Test
    void eachServiceLevelRuleCountsAsItsFormulaSays() {
        assertThat(firstDay(ServiceLevelRule.ANSWERED).serviceLevel()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(firstDay(ServiceLevelRule.INCLUSIVE).serviceLevel()).isCloseTo(3 / 5.0, within(1e-9));
        assertThat(firstDay(ServiceLevelRule.ABANDONS_COUNT).serviceLevel()).isCloseTo(2 / 4.0, within(1e-9));
    }

    @Test
    void aWeekAddsItsDaysAndTheTotalAddsItsQueues() {
        QueueReport week = reports.queues(request("week", ServiceLevelRule.ANSWERED));

        assertThat(week.rows()).hasSize(1);
        assertThat(week.rows().get(0).period()).isEqualTo(Instant.parse("2026-11-29T16:00:00Z"));
        assertThat(week.rows().get(0).offered()).isEqualTo(7);
        assertThat(week.total().offered()).isEqualTo(7);
        assertThat(week.total().answered()).isEqualTo(4);
        assertThat(week.serviceLevelFormula()).isEqualTo("answered within T ÷ answered");
    }

    @Test
    void agentsAreChargedTheCallsTheyAnsweredAndTeamsTheirAgents() {
        List<AgentKpis> agents = reports.agents(new ReportRequest(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1),
                SHANGHAI, ReportInterval.DAY, List.of(), ServiceLevelRule.ANSWERED));

        assertThat(agents).extracting(AgentKpis::agentInterface).containsExactly("PJSIP/A", "PJSIP/B");
        AgentKpis a = agents.get(0);
        assertThat(a.answered()).isEqualTo(2);
        assertThat(a.transferred()).isEqualTo(1);
        assertThat(a.avgTalkSeconds()).isCloseTo(80, within(1e-9));
        assertThat(a.ahtSeconds()).isCloseTo(110, within(1e-9));
        assertThat(agents.get(1).ahtSeconds()).isCloseTo(200, within(1e-9));
        assertThat(reports.agents(new ReportRequest(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), SHANGHAI,
                ReportInterval.DAY, List.of(), ServiceLevelRule.ANSWERED), new AgentFilter(List.of("PJSIP/B"), null)))
                .extracting(AgentKpis::agentInterface).containsExactly("PJSIP/B");
        assertThat(reports.teams(new ReportRequest(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), SHANGHAI,
                ReportInterval.DAY, List.of(), ServiceLevelRule.ANSWERED), new AgentFilter(null, List.of("无此班组"))))
                .isEmpty();
        List<AgentKpis> teams = reports.teams(new ReportRequest(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1),
                SHANGHAI, ReportInterval.DAY, List.of(), ServiceLevelRule.ANSWERED));
        assertThat(teams).singleElement().satisfies(t -> assertThat(t.answered()).isEqualTo(3));
    }

    @Test
    void anAgentsTimeIsCutAtTheRangeAndGivesOccupancyAndPausesByReason() {
        Instant midnight = Instant.parse("2026-11-30T16:00:00Z");
        interval("ready", null, midnight.minusSeconds(1800), midnight.plusSeconds(600));
        interval("ready", null, NINE, NINE.plusSeconds(1800));
        interval("talking", null, NINE.plusSeconds(1800), NINE.plusSeconds(2400));
        interval("wrapup", null, NINE.plusSeconds(2400), NINE.plusSeconds(2700));
        interval("paused", "lunch", NINE.plus(Duration.ofMinutes(150)), NINE.plus(Duration.ofMinutes(210)));
        interval("paused", "lunch", NINE.plus(Duration.ofHours(30)), NINE.plus(Duration.ofHours(31)));

        List<AgentTime> time = reports.agentTime(new ReportRequest(LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 1), SHANGHAI, ReportInterval.TOTAL, List.of(), ServiceLevelRule.ANSWERED));

        assertThat(time).singleElement().satisfies(a -> {
            assertThat(a.agentInterface()).isEqualTo("PJSIP/T");
            assertThat(a.readySeconds()).isEqualTo(2400);
            assertThat(a.talkingSeconds()).isEqualTo(600);
            assertThat(a.wrapUpSeconds()).isEqualTo(300);
            assertThat(a.pausedSeconds()).isEqualTo(3600);
            assertThat(a.pausedByReason()).containsExactlyEntriesOf(java.util.Map.of("lunch", 3600L));
            assertThat(a.occupancy()).isCloseTo(900 / 3300.0, within(1e-9));
        });
        List<AgentTime> byDay = reports.agentTime(new ReportRequest(LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 12, 2), SHANGHAI, ReportInterval.DAY, List.of(), ServiceLevelRule.ANSWERED));
        assertThat(byDay).extracting(AgentTime::period).containsExactly(midnight.minus(Duration.ofDays(1)), midnight,
                midnight.plus(Duration.ofDays(1)));
        assertThat(byDay).extracting(AgentTime::readySeconds).containsExactly(1800L, 2400L, 0L);
        assertThat(byDay.get(2).pausedSeconds()).isEqualTo(3600);
    }

    private static void interval(String state, String reason, Instant from, Instant to) {
        jdbc.update("insert into agent_intervals (agent_interface, state, reason, started_at, ended_at)"
                + " values ('PJSIP/T', ?, ?, ?, ?)", state, reason, java.sql.Timestamp.from(from),
                java.sql.Timestamp.from(to));
    }

    @Test
    void aCallWrittenAgainCountsOnceWithItsNewFigures() {
        jdbc.update("insert into queues (name, display_name, service_level_seconds) values ('rq2', 'rq2', 30)");
        Instant at = Instant.parse("2026-12-03T02:00:00Z");
        TestCalls.insert(jdbc, "again", at, 5, "answered", 10, 0, null, "PJSIP/C");
        rollups.refresh();
        jdbc.update("update calls set talk_seconds = 70, written_at = now() where call_id = 'again'");
        rollups.refresh();

        QueueReport day = reports.queues(new ReportRequest(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3),
                SHANGHAI, ReportInterval.DAY, List.of("rq2"), ServiceLevelRule.ANSWERED));
        assertThat(day.total().offered()).isEqualTo(1);
        assertThat(day.total().avgTalkSeconds()).isCloseTo(70, within(1e-9));
    }

    @Test
    void aTransferSplitsTheTalkBetweenTheAgentsWhoHadTheCall() {
        jdbc.update("insert into queues (name, display_name, service_level_seconds) values ('rq3', 'rq3', 30)");
        Instant q = Instant.parse("2026-12-04T02:00:00Z");
        jdbc.update("""
                insert into calls (call_id, direction, queue, agent_interface, started_at, queued_at, answered_at,
                                   ended_at, hold_seconds, talk_seconds, outcome, wrapup_seconds)
                values ('split', 'inbound', 'rq3', 'PJSIP/X', ?, ?, ?, ?, 20, 170, 'transferred', 15)""",
                ts(q), ts(q), ts(q.plusSeconds(10)), ts(q.plusSeconds(200)));
        segment(0, "talk", "PJSIP/X", q.plusSeconds(10), q.plusSeconds(100), "transferred");
        segment(1, "hold", "PJSIP/X", q.plusSeconds(40), q.plusSeconds(60), null);
        segment(2, "talk", "PJSIP/Y", q.plusSeconds(110), q.plusSeconds(200), "ended");
        rollups.refresh();

        List<AgentKpis> agents = reports.agents(new ReportRequest(LocalDate.of(2026, 12, 4),
                LocalDate.of(2026, 12, 4), SHANGHAI, ReportInterval.DAY, List.of("rq3"), ServiceLevelRule.ANSWERED));

        assertThat(agents).extracting(AgentKpis::agentInterface).containsExactly("PJSIP/X", "PJSIP/Y");
        assertThat(agents.get(0).talkSeconds()).isEqualTo(70);
        assertThat(agents.get(0).avgHoldSeconds()).isEqualTo(20.0);
        assertThat(agents.get(0).transferred()).isEqualTo(1);
        assertThat(agents.get(0).avgWrapUpSeconds()).isEqualTo(15.0);
        assertThat(agents.get(1).talkSeconds()).isEqualTo(90);
        assertThat(agents.get(1).transferred()).isZero();
        rollups.rebuild();
        assertThat(reports.agents(new ReportRequest(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 4), SHANGHAI,
                ReportInterval.DAY, List.of("rq3"), ServiceLevelRule.ANSWERED))).isEqualTo(agents);
    }

    private static void segment(int seq, String kind, String agent, Instant from, Instant to, String result) {
        jdbc.update("insert into call_segments (call_id, seq, kind, queue, agent_interface, started_at, ended_at,"
                + " result) values ('split', ?, ?, 'rq3', ?, ?, ?, ?)", seq, kind, agent, ts(from), ts(to), result);
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }

    @Test
    void anAgentSeesTheOwnDayBesideTheTeamsCallsPerAgentAndHandlingTime() {
        long team = jdbc.queryForObject("insert into teams (name, created_by) values ('甲班', 'admin') returning id",
                Long.class);
        long x = user("me.x", team);
        long y = user("me.y", team);
        Instant day = Instant.parse("2026-12-06T02:00:00Z");
        jdbc.update("insert into queues (name, display_name, service_level_seconds) values ('rq5', 'rq5', 30)");
        mine("me.1", x, "PJSIP/MX", day, 100, 20);
        mine("me.2", x, "PJSIP/MX", day.plusSeconds(600), 200, null);
        mine("me.3", y, "PJSIP/MY", day.plusSeconds(900), 60, null);
        jdbc.update("insert into agent_intervals (agent_interface, agent_id, state, reason, started_at, ended_at)"
                + " values ('PJSIP/MX', ?, 'paused', '小休', ?, ?)", x, ts(day.plusSeconds(3600)),
                ts(day.plusSeconds(4500)));
        rollups.refresh();

        MyFigures me = reports.myDay("me.x", LocalDate.of(2026, 12, 6));

        assertThat(me.calls()).isEqualTo(2);
        assertThat(me.ahtSeconds()).isCloseTo(160, within(1e-9));
        assertThat(me.pausedSeconds()).isEqualTo(900);
        assertThat(me.pausedByReason()).containsEntry("小休", 900L);
        assertThat(me.team()).isEqualTo("甲班");
        assertThat(me.teamAgents()).isEqualTo(2);
        assertThat(me.teamCallsPerAgent()).isEqualTo(1.5);
        assertThat(me.teamAhtSeconds()).isCloseTo(380 / 3.0, within(1e-9));
    }

    private static long user(String name, long team) {
        return jdbc.queryForObject("insert into users (username, display_name, password_hash, role, team_id)"
                + " values (?, ?, 'x', 'AGENT', ?) returning id", Long.class, name, name, team);
    }

    private static void mine(String id, long agent, String phone, Instant queued, int talk, Integer wrap) {
        jdbc.update("""
                insert into calls (call_id, direction, queue, agent_id, agent_interface, started_at, queued_at,
                                   answered_at, ended_at, hold_seconds, talk_seconds, outcome, wrapup_seconds)
                values (?, 'inbound', 'rq5', ?, ?, ?, ?, ?, ?, 0, ?, 'answered', ?)""", id, agent, phone, ts(queued),
                ts(queued), ts(queued.plusSeconds(5)), ts(queued.plusSeconds(5 + talk)), talk, wrap);
    }

    @Test
    void aRebuildGivesTheSameFiguresAsTheRefreshes() {
        QueueKpis before = firstDay(ServiceLevelRule.INCLUSIVE);
        rollups.rebuild();
        assertThat(firstDay(ServiceLevelRule.INCLUSIVE)).isEqualTo(before);
    }

    private static QueueKpis firstDay(ServiceLevelRule rule) {
        QueueReport report = reports.queues(request("day", rule));
        assertThat(report.rows()).hasSize(2);
        return report.rows().get(0);
    }

    private static ReportRequest request(String interval, ServiceLevelRule rule) {
        return new ReportRequest(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), SHANGHAI,
                ReportInterval.ofCode(interval), List.of("rq"), rule);
    }
}
