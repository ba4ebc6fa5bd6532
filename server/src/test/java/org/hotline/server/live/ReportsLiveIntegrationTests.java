package org.hotline.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.hotline.asterisklab.LabAmi;
import org.hotline.asterisklab.LabPbx;
import org.hotline.cti.callrecord.CallRecorder;
import org.hotline.cti.presence.DeskState;
import org.hotline.cti.queuelog.QueueLogReconciler;
import org.hotline.reports.QueueKpis;
import org.hotline.reports.ReportInterval;
import org.hotline.reports.ReportRequest;
import org.hotline.reports.Reports;
import org.hotline.reports.ServiceLevelRule;
import org.hotline.reports.internal.CallRollups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reports and the queue_log reconciliation against the real Asterisk: an answered and an abandoned call through queue
 * hotline show in the queue report as Asterisk's queue_log tells them (talk + hold = its calltime, the abandon's wait =
 * its waittime) and move its QueueStatus counters (Completed, Abandoned) as much as the report's, and a call missing
 * from {@code calls} comes back from Asterisk's own queue_log file, once.
 */
class ReportsLiveIntegrationTests extends LiveAsteriskTestBase {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    DataSource dataSource;

    @Autowired
    CallRollups rollups;

    @Autowired
    Reports reports;

    @Autowired
    CallRecorder recorder;

    @AfterEach
    void agentLogsOut() {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            presence.logout("agent1002");
            return true;
        });
    }

    @Test
    void theQueueReportAgreesWithQueueLogAndAMissingCallComesBackFromIt() {
        Instant started = Instant.now();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        pbx.phoneAnswers("1002", Duration.ofSeconds(1));
        presence.login("agent1002");
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent1002").state() == DeskState.READY);
        rollups.refresh();
        QueueKpis before = today();
        LabAmi.Message paramsBefore = queueParams();

        LabPbx.LabCall answered = pbx.call("95598", "13800138201", Duration.ofSeconds(60));
        pbx.ami().awaitEvent(e -> e.is("AgentConnect") && answered.linkedid().equals(e.get("Linkedid")),
                Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent1002").state() == DeskState.TALKING);
        answered.hangup();
        await().atMost(Duration.ofSeconds(20)).until(() -> presence.status("agent1002").state() != DeskState.TALKING);
        presence.pause("agent1002", "rest");
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.members("hotline").values().stream()
                .anyMatch(m -> m.get("Location").startsWith("Local/1002@agents") && "1".equals(m.get("Paused"))));
        LabPbx.LabCall abandoned = pbx.call("95598", "13800138202", Duration.ofSeconds(3));
        pbx.ami().awaitEvent(e -> e.is("QueueCallerAbandon") && abandoned.linkedid().equals(e.get("Linkedid")),
                Duration.ofSeconds(20));
        Map<String, Object> talked = row(jdbc, answered.linkedid());
        Map<String, Object> gaveUp = row(jdbc, abandoned.linkedid());

        rollups.refresh();
        QueueKpis after = today();
        assertThat(after.offered() - before.offered()).isEqualTo(2);
        assertThat(after.answered() - before.answered()).isEqualTo(1);
        assertThat(after.abandoned() - before.abandoned()).isEqualTo(1);
        // Asterisk's own counters since its last reload (QueueStatus' QueueParams) moved by the same calls
        LabAmi.Message paramsAfter = await().atMost(Duration.ofSeconds(10)).until(this::queueParams,
                p -> delta(paramsBefore, p, "Completed") == 1);
        assertThat(delta(paramsBefore, paramsAfter, "Abandoned")).isEqualTo(after.abandoned() - before.abandoned());
        assertThat(delta(paramsBefore, paramsAfter, "Completed")).isEqualTo(after.answered() - before.answered());
        String[] complete = await().atMost(Duration.ofSeconds(10)).until(() -> queueLogLine("13800138201",
                "COMPLETECALLER", "COMPLETEAGENT"), f -> f != null);
        assertThat((Integer) talked.get("talk_seconds") + (Integer) talked.get("hold_seconds"))
                .isCloseTo(Integer.parseInt(complete[6]), within(1));
        String[] abandon = queueLogLine("13800138202", "ABANDON");
        assertThat(abandon).isNotNull();
        assertThat(gaveUp.get("wait")).isNotNull();
        assertThat(((Number) gaveUp.get("wait")).doubleValue()).isCloseTo(Integer.parseInt(abandon[7]), within(1.5));

        // the abandoned call's row is lost; Asterisk's queue_log brings it back, once
        jdbc.update("delete from calls where call_id = ?", abandoned.linkedid());
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.pending() == 0);
        QueueLogReconciler reconciler = new QueueLogReconciler(pbx.asterisk().runDirectory().resolve("log")
                .resolve("queue_log"), dataSource, recorder, member -> Optional.empty(), Duration.ZERO,
                Duration.between(started, Instant.now()).plusSeconds(5), Clock.systemUTC());
        assertThat(reconciler.reconcile()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.pending() == 0);
        List<Map<String, Object>> back = jdbc.queryForList(
                "select outcome, queue, source from calls where caller_raw = '13800138202' and started_at >= ?",
                java.sql.Timestamp.from(started));
        assertThat(back).singleElement().satisfies(r -> assertThat(r).containsEntry("outcome", "abandoned")
                .containsEntry("queue", "hotline").containsEntry("source", "queue_log"));
        assertThat(reconciler.reconcile()).isZero();
    }

    private LabAmi.Message queueParams() {
        return pbx.queueStatus("hotline").stream().filter(m -> m.is("QueueParams")).findFirst().orElseThrow();
    }

    private static long delta(LabAmi.Message before, LabAmi.Message after, String field) {
        return Long.parseLong(after.get(field)) - Long.parseLong(before.get(field));
    }

    private QueueKpis today() {
        LocalDate day = LocalDate.now(SHANGHAI);
        return reports.queues(new ReportRequest(day, day, SHANGHAI, ReportInterval.TOTAL, List.of("hotline"),
                ServiceLevelRule.ANSWERED)).total();
    }

    private static Map<String, Object> row(JdbcTemplate jdbc, String callId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList("""
                select talk_seconds, hold_seconds,
                       extract(epoch from coalesce(answered_at, ended_at) - queued_at) as wait
                from calls where call_id = ?""", callId).stream().findFirst().orElse(null), r -> r != null);
    }

    /** The queue_log line of {@code event} (any of them) of the queue call from {@code callerNumber}. */
    private static String[] queueLogLine(String callerNumber, String... events) {
        List<String[]> all = pbx.asterisk().queueLog().stream().map(l -> l.split("\\|", -1)).toList();
        String callId = all.stream().filter(f -> f.length > 6 && f[4].equals("ENTERQUEUE")
                && f[6].equals(callerNumber)).reduce((a, b) -> b).map(f -> f[1]).orElse(null);
        return all.stream().filter(f -> f.length > 4 && f[1].equals(callId) && List.of(events).contains(f[4]))
                .findFirst().orElse(null);
    }
}
