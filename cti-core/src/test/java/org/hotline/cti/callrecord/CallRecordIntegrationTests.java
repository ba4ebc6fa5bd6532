package org.hotline.cti.callrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.call.Caller;
import org.hotline.cti.callrecord.internal.CallJournal;
import org.hotline.cti.callrecord.internal.CallRecordWriter;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.demo.DemoDataGenerator;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.push.internal.InMemoryPushBus;
import org.hotline.cti.testing.AmiFixtures;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.cti.wallboard.WallboardProperties;
import org.hotline.cti.wallboard.WallboardService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Captured Asterisk traffic through the tracker and the recorder into a real PostgreSQL: one row per call with the
 * customer and agent resolved; a writer that meets a failing database retries; a wallboard rebuilt from the rows
 * after a restart shows the figures the live one counted.
 */
class CallRecordIntegrationTests {

    static final String[] CAPTURES = {"01-answered-completed.ami.txt", "02-abandon.ami.txt",
            "03-ringnoanswer-then-answered.ami.txt", "05-blind-transfer-redirect.ami.txt",
            "06-ivr-setvars-queue.ami.txt"};
    /** Twelve minutes after the last capture, same Beijing day: every call is in today and in the last hour. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:10:00Z"), ZoneOffset.UTC);

    static HikariDataSource pool;
    static JdbcTemplate jdbc;
    static PhoneNumbers phones = new PhoneNumbers(PhoneProperties.defaults());
    static WallboardService live;

    @BeforeAll
    static void replayCaptures() throws Exception {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        jdbc = new JdbcTemplate(pool);
        AgentDirectory directory = new AgentDirectory(pool, 4);
        DemoUsers.ensure(pool, directory);
        new DemoDataGenerator().generate(pool, 20, 7L, CLOCK.instant());
        live = wallboard(directory);
        live.rebuild();
        try (CallRecorder recorder = new CallRecorder(writer(pool),
                List.of(live))) {
            CallTracker tracker = new CallTracker(e -> {
                recorder.onEvent(e);
                live.onEvent(e);
            }, CLOCK);
            for (String capture : CAPTURES) {
                AmiFixtures.messages(capture).forEach(tracker::onMessage);
            }
        }
    }

    /** A writer over a temporary journal that retries a failing database quickly. */
    static CallRecordWriter writer(DataSource dataSource) {
        return new CallRecordWriter(dataSource, phones, CallJournal.openTemporary(1 << 20, 1 << 24),
                Duration.ofMillis(10), Duration.ofMillis(100));
    }

    static WallboardService wallboard(AgentDirectory directory) {
        WallboardProperties properties = new WallboardProperties(ZoneId.of("Asia/Shanghai"), Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(2), new WallboardProperties.Thresholds(Duration.ofSeconds(60),
                Duration.ofSeconds(120), 0.8, 0.6, 1, 0), Map.of());
        return new WallboardService(properties, pool, directory, List::of, List::of,
                new InMemoryPushBus("test", 16), CLOCK);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void everyCallOfTheCapturesIsOneRowWithItsOutcome() {
        List<String> outcomes = jdbc.queryForList("select outcome from calls order by started_at", String.class);

        assertThat(outcomes).containsExactly("answered", "abandoned", "abandoned", "answered", "transferred",
                "transferred", "answered", "answered", "answered", "answered");
    }

    @Test
    void theRowOfAnAnsweredCallNamesTheCustomerTheAgentAndTheTimes() {
        Map<String, Object> row = jdbc.queryForMap("""
                select c.customer_id, cu.name, u.username, c.agent_interface, c.queue, c.caller_normalized,
                       c.talk_seconds, c.hold_seconds, c.hangup_cause, c.direction,
                       extract(epoch from c.answered_at - c.queued_at)::int as waited
                from calls c left join customers cu on cu.id = c.customer_id left join users u on u.id = c.agent_id
                where c.call_id = '1795434946.0'
                """);

        assertThat(row.get("name")).isEqualTo("张三");
        assertThat(row.get("username")).isEqualTo("agent1001");
        assertThat(row.get("agent_interface")).isEqualTo("Local/1001@agents");
        assertThat(row.get("queue")).isEqualTo("hotline");
        assertThat(row.get("caller_normalized")).isEqualTo("13800138000");
        assertThat(row.get("talk_seconds")).isEqualTo(6);
        assertThat(row.get("hold_seconds")).isEqualTo(0);
        assertThat(row.get("hangup_cause")).isEqualTo(16);
        assertThat(row.get("direction")).isEqualTo("inbound");
        assertThat(row.get("waited")).isEqualTo(3);
    }

    @Test
    void anAnonymousCallerIsStoredWithoutANormalizedNumberOrCustomer() {
        Map<String, Object> row = jdbc.queryForMap(
                "select caller_raw, caller_normalized, customer_id from calls where call_id = '1795435097.36'");

        assertThat(row.get("caller_raw")).isEqualTo("anonymous");
        assertThat(row.get("caller_normalized")).isNull();
        assertThat(row.get("customer_id")).isNull();
    }

    @Test
    void aRestartedWallboardRebuildsTheSameFiguresFromTheRows() throws Exception {
        WallboardService restarted = wallboard(new AgentDirectory(pool, 4));
        restarted.rebuild();

        ObjectMapper json = new ObjectMapper();
        JsonNode before = json.readTree(live.frame()).get("queues");
        JsonNode after = json.readTree(restarted.frame()).get("queues");

        JsonNode hotline = find(before, "hotline");
        assertThat(hotline.at("/today/offered").asInt()).isEqualTo(8);
        assertThat(hotline.at("/today/answered").asInt()).isEqualTo(6);
        assertThat(hotline.at("/today/abandoned").asInt()).isEqualTo(2);
        assertThat(hotline.at("/lastHour/offered").asInt()).isEqualTo(8);
        assertThat(find(before, "gas").at("/today/answered").asInt()).isEqualTo(2);
        for (String queue : List.of("hotline", "gas")) {
            for (String interval : List.of("today", "lastHour")) {
                assertThat(find(after, queue).get(interval)).as(queue + " " + interval)
                        .isEqualTo(find(before, queue).get(interval));
            }
        }
    }

    @Test
    void eachCallsSegmentsAreWrittenAndTheTransferredCallsTalkIsSplit() {
        assertThat(jdbc.queryForObject("select count(distinct call_id) from call_segments where kind = 'queue'",
                Integer.class)).isEqualTo(jdbc.queryForObject(
                "select count(*) from calls where queued_at is not null and call_id not like 'retry.%'", Integer.class));
        assertThat(jdbc.queryForList("select distinct result from call_segments where kind = 'talk'", String.class))
                .contains("transferred", "ended");
    }

    @Test
    void theAgentsStatesAreWrittenAsStretchesBetweenChanges() {
        List<Map<String, Object>> talking = jdbc.queryForList(
                "select agent_interface, started_at, ended_at from agent_intervals where state = 'talking'");
        assertThat(talking).isNotEmpty().allSatisfy(r -> assertThat((java.sql.Timestamp) r.get("ended_at"))
                .isAfterOrEqualTo((java.sql.Timestamp) r.get("started_at")));
        assertThat(jdbc.queryForList("select distinct state from agent_intervals", String.class))
                .contains("ringing", "talking");
    }

    @Test
    void aWriterThatMeetsAFailingDatabaseRetriesUntilTheRowIsWritten() throws Exception {
        AtomicInteger refusals = new AtomicInteger(2);
        DataSource flaky = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && refusals.getAndDecrement() > 0) {
                        throw new SQLException("connection refused (test)");
                    }
                    return method.invoke(pool, args);
                });
        CallRecord record = new CallRecord(new CallId("retry.1"), "inbound", new Caller("13800138000", ""),
                "hotline", null, null, CLOCK.instant(), CLOCK.instant(), null, CLOCK.instant().plusSeconds(3),
                Duration.ZERO, Duration.ZERO, CallOutcome.ABANDONED, 0);

        try (CallRecordWriter writer = writer(flaky)) {
            writer.offer(record);
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.written() == 1);
            assertThat(writer.lost()).isZero();
        }
        assertThat(refusals.get()).isNegative();
        assertThat(jdbc.queryForObject("select count(*) from calls where call_id = 'retry.1'", Integer.class))
                .isEqualTo(1);
        jdbc.update("delete from calls where call_id = 'retry.1'");
    }

    static JsonNode find(JsonNode queues, String name) {
        for (JsonNode q : queues) {
            if (q.get("name").asText().equals(name)) {
                return q;
            }
        }
        throw new AssertionError("no queue " + name + " in " + queues);
    }
}
