package org.hotline.cti.queuelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.callrecord.CallRecorder;
import org.hotline.cti.callrecord.internal.CallJournal;
import org.hotline.cti.callrecord.internal.CallRecordWriter;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Calls missing from {@code calls} come back from Asterisk's queue_log, once, marked as such; calls Hotline recorded
 * (under their Linkedid, or queued through a Local channel under another id) are left alone.
 */
class QueueLogReconcilerIntegrationTests {

    /** An hour after the log's last line: every call in it has settled. */
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1765104300), ZoneOffset.UTC);

    @TempDir
    Path dir;

    HikariDataSource pool;
    JdbcTemplate jdbc;
    CallRecorder recorder;
    Path file;

    @BeforeEach
    void start() throws IOException {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        jdbc = new JdbcTemplate(pool);
        recorder = new CallRecorder(new CallRecordWriter(pool, new PhoneNumbers(PhoneProperties.defaults()),
                CallJournal.openTemporary(1 << 20, 1 << 24), Duration.ofMillis(10), Duration.ofMillis(100)), List.of());
        file = dir.resolve("queue_log");
        Files.write(file, QueueLogCallsTests.LOG);
    }

    @AfterEach
    void stop() throws InterruptedException {
        recorder.close();
        pool.close();
    }

    @Test
    void callsHotlineDidNotRecordAreRecoveredOnceWithTheirSource() {
        // Hotline recorded the answered call under its Linkedid, and the transferred one under another id
        record("1765099990.101", "13800138000", 1765100000);
        record("1765100590.129", "13600136000", 1765100600);

        QueueLogReconciler reconciler = reconciler(Duration.ofDays(7));
        assertThat(reconciler.reconcile()).isEqualTo(2);
        awaitWritten();

        List<Map<String, Object>> recovered = jdbc.queryForList(
                "select call_id, queue, caller_raw, outcome, agent_interface from calls where source = 'queue_log'"
                        + " order by call_id");
        assertThat(recovered).extracting(r -> r.get("call_id")).containsExactly("1765100095.110", "1765100140.120");
        assertThat(recovered).extracting(r -> r.get("outcome")).containsExactly("abandoned", "timeout");
        assertThat(recovered).extracting(r -> r.get("queue")).containsExactly("hotline", "gas");
        assertThat(reconciler.reconcile()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from calls", Integer.class)).isEqualTo(4);
    }

    @Test
    void anAnsweredCallIsRecoveredWithItsTimesTalkAndThePhoneBehindTheMemberName() {
        QueueLogReconciler reconciler = reconciler(Duration.ofDays(7));
        assertThat(reconciler.reconcile()).isEqualTo(4);
        awaitWritten();

        Map<String, Object> row = jdbc.queryForMap("""
                select extract(epoch from queued_at)::bigint q, extract(epoch from answered_at)::bigint a,
                       extract(epoch from ended_at)::bigint e, talk_with_hold_seconds, agent_interface, ended_by
                from calls where call_id = '1765099990.101'""");
        assertThat(row).containsEntry("q", 1765100000L).containsEntry("a", 1765100010L)
                .containsEntry("e", 1765100070L).containsEntry("talk_with_hold_seconds", 60)
                .containsEntry("agent_interface", "PJSIP/1002").containsEntry("ended_by", "caller");
    }

    @Test
    void linesAddedLaterAndARotatedFileAreReadAsTheyCome() throws IOException {
        QueueLogReconciler reconciler = reconciler(Duration.ofDays(7));
        assertThat(reconciler.reconcile()).isEqualTo(4);
        awaitWritten();

        Files.write(file, List.of("1765101000|1765100990.140|hotline|NONE|ENTERQUEUE||13500135000|1",
                "1765101020|1765100990.140|hotline|NONE|ABANDON|1|1|20"), StandardOpenOption.APPEND);
        assertThat(reconciler.reconcile()).isEqualTo(1);
        awaitWritten();

        Files.write(file, List.of("1765102000|1765101990.150|hotline|NONE|ENTERQUEUE||13400134000|1",
                "1765102009|1765101990.150|hotline|NONE|ABANDON|1|1|9"));
        assertThat(reconciler.reconcile()).isEqualTo(1);
        awaitWritten();
        assertThat(jdbc.queryForObject("select count(*) from calls where source = 'queue_log'", Integer.class))
                .isEqualTo(6);
    }

    @Test
    void callsOlderThanTheLookbackAndLinesThatAreNotQueueLogLinesAreLeftAlone() throws IOException {
        Files.write(file, List.of("garbage without fields", "x".repeat(10_000)), StandardOpenOption.APPEND);
        QueueLogReconciler reconciler = reconciler(Duration.ofMinutes(62));

        assertThat(reconciler.reconcile()).isEqualTo(1);
        assertThat(reconciler.badLines()).isEqualTo(2);
    }

    private QueueLogReconciler reconciler(Duration lookback) {
        return new QueueLogReconciler(file, pool, recorder,
                member -> Optional.of(new AgentInterface("PJSIP/" + member.replace("Agent ", ""))),
                Duration.ofMinutes(2), lookback, CLOCK);
    }

    /** A row as Hotline's own writer leaves it for a queue call. */
    private void record(String callId, String caller, long queuedEpoch) {
        Timestamp queued = Timestamp.from(Instant.ofEpochSecond(queuedEpoch));
        jdbc.update("""
                insert into calls (call_id, direction, caller_raw, queue, started_at, queued_at, ended_at, outcome)
                values (?, 'inbound', ?, 'hotline', ?, ?, ?, 'answered')""", callId, caller, queued, queued, queued);
    }

    private void awaitWritten() {
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.pending() == 0);
    }
}
