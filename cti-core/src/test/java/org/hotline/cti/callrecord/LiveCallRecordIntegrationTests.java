package org.hotline.cti.callrecord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.demo.DemoDataGenerator;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.testing.AmiFixtures;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.cti.push.internal.InMemoryPushBus;
import org.hotline.cti.wallboard.WallboardProperties;
import org.hotline.cti.wallboard.WallboardService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real Asterisk 22 traffic (testdata/ami/live) through the tracker and the recorder into PostgreSQL and the wallboard:
 * the columns V13 adds (outcome timeout, ended_by, talk_with_hold_seconds) and an outbound click-to-dial row.
 */
class LiveCallRecordIntegrationTests {

    static final String[] CAPTURES = {"live/queue-timeout.ami.txt", "live/hold-agent-hangup.ami.txt",
            "live/c2d-answered.ami.txt", "live/atxfer-completed.ami.txt"};
    /** Minutes after the captures, the same Beijing day. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T20:10:00Z"), ZoneOffset.UTC);

    static HikariDataSource pool;
    static JdbcTemplate jdbc;
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
        try (CallRecorder recorder = new CallRecorder(CallRecordIntegrationTests.writer(pool),
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

    private static Map<String, Object> row(String callId) {
        return jdbc.queryForMap("""
                select outcome, ended_by, talk_seconds, talk_with_hold_seconds, hold_seconds, direction,
                       caller_normalized, agent_interface
                from calls where call_id = ?""", callId);
    }

    @Test
    void aQueueTimeoutIsStoredAsTimeoutEndedByTheSystem() {
        assertThat(row("1796587131.1")).containsEntry("outcome", "timeout").containsEntry("ended_by", "system")
                .containsEntry("talk_with_hold_seconds", 0);
    }

    private static JsonNode hotline(WallboardService wallboard) throws Exception {
        for (JsonNode q : new ObjectMapper().readTree(wallboard.frame()).get("queues")) {
            if ("hotline".equals(q.get("name").asText())) {
                return q;
            }
        }
        throw new AssertionError("no hotline queue");
    }

    @Test
    void theWallboardCountsATimeoutAsUnansweredNotAsAbandonedLiveAndAfterARebuildFromTheRows() throws Exception {
        WallboardService restarted = wallboard(new AgentDirectory(pool, 4));
        restarted.rebuild();

        for (JsonNode hotline : List.of(hotline(live), hotline(restarted))) {
            assertThat(hotline.at("/today/abandoned").asInt()).isZero();
            assertThat(hotline.at("/today/unanswered").asInt()).isEqualTo(1);
            assertThat(hotline.at("/today/answered").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aCallHeldUntilTheAgentHungUpKeepsBothTalkTimes() {
        assertThat(row("1796587681.38")).containsEntry("outcome", "answered").containsEntry("ended_by", "agent")
                .containsEntry("talk_with_hold_seconds", 3).containsEntry("hold_seconds", 2)
                .containsEntry("talk_seconds", 1);
    }

    @Test
    void aClickToDialIsAnOutboundRowWithTheDialledNumber() {
        assertThat(row("1796587665.26")).containsEntry("direction", "outbound")
                .containsEntry("caller_normalized", "13900000001").containsEntry("outcome", "answered")
                .containsEntry("agent_interface", "Local/1001@agents").containsEntry("ended_by", "agent");
    }

    @Test
    void anAttendedTransferIsTransferredEndedByTheCaller() {
        assertThat(row("1796587628.2")).containsEntry("outcome", "transferred").containsEntry("ended_by", "caller");
    }
}
