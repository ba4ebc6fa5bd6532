package org.hotline.cti.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallAbandoned;
import org.hotline.cti.call.CallAnswered;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallQueueTimedOut;
import org.hotline.cti.call.CallQueued;
import org.hotline.cti.call.Caller;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.demo.DemoDataGenerator;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class CallbackRecorderIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    private static HikariDataSource pool;
    private static CallbackRecorder recorder;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void load() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        new DemoDataGenerator().generate(pool, 20, 11L, NOW);
        jdbc = new JdbcTemplate(pool);
        recorder = new CallbackRecorder(new Callbacks(pool), new PhoneNumbers(PhoneProperties.defaults()));
    }

    @AfterAll
    static void close() throws InterruptedException {
        recorder.close();
        pool.close();
    }

    private static void queued(String id, String number, Instant at) {
        recorder.onEvent(new CallQueued(new CallId(id), "hotline", new Caller(number, ""), 1, Map.of(), at));
    }

    private static void abandoned(String id, int waited, Instant at) {
        recorder.onEvent(new CallAbandoned(new CallId(id), "hotline", 1, 1, Duration.ofSeconds(waited), at));
    }

    private static String status(String callId) {
        return jdbc.queryForList("select status from callbacks where call_id = ?", String.class, callId).stream()
                .findFirst().orElse(null);
    }

    @Test
    void anAbandonedQueueCallBecomesAnOpenCallbackWithTheCallersNormalizedNumberAndWait() {
        Instant at = Instant.now().minusSeconds(60);
        queued("rec-1.1", "+8613800138000", at);
        abandoned("rec-1.1", 37, at.plusSeconds(37));

        await().atMost(Duration.ofSeconds(10)).until(() -> status("rec-1.1") != null);
        Map<String, Object> row = jdbc.queryForMap(
                "select number, waited_seconds, queue, status, kind from callbacks where call_id = 'rec-1.1'");
        assertThat(row).containsEntry("number", "13800138000").containsEntry("waited_seconds", 37)
                .containsEntry("queue", "hotline").containsEntry("status", "open").containsEntry("kind", "abandoned");
    }

    @Test
    void aCallerTheQueueTimedOutOnGetsACallbackToo() {
        Instant at = Instant.now().minusSeconds(400);
        queued("rec-4.1", "13922223333", at);
        recorder.onEvent(new CallQueueTimedOut(new CallId("rec-4.1"), "hotline", 1, 1, Duration.ofSeconds(300),
                at.plusSeconds(300)));

        await().atMost(Duration.ofSeconds(10)).until(() -> status("rec-4.1") != null);
        assertThat(jdbc.queryForMap("select number, waited_seconds, status from callbacks where call_id = 'rec-4.1'"))
                .containsEntry("number", "13922223333").containsEntry("waited_seconds", 300)
                .containsEntry("status", "open");
    }

    @Test
    void aWithheldNumberCannotBeCalledBackAndIsOnlyCounted() {
        long before = recorder.unreachable();
        queued("rec-2.1", "anonymous", Instant.now());
        abandoned("rec-2.1", 5, Instant.now());

        assertThat(recorder.unreachable()).isEqualTo(before + 1);
    }

    @Test
    void theSameNumberCallingAgainAndBeingAnsweredClosesTheOpenCallback() {
        Instant at = Instant.now().minusSeconds(120);
        queued("rec-3.1", "13911112222", at);
        abandoned("rec-3.1", 20, at.plusSeconds(20));
        await().atMost(Duration.ofSeconds(10)).until(() -> "open".equals(status("rec-3.1")));

        queued("rec-3.2", "13911112222", Instant.now());
        recorder.onEvent(new CallAnswered(new CallId("rec-3.2"), new AgentInterface("Local/1001@agents"), "Agent",
                "hotline", new Caller("13911112222", ""), Duration.ofSeconds(3), Instant.now()));

        await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(status("rec-3.1")));
        assertThat(jdbc.queryForObject("select note from callbacks where call_id = 'rec-3.1'", String.class))
                .isEqualTo("answered on call rec-3.2");
    }
}
