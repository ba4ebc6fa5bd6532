package org.hotline.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.hotline.asterisklab.LabAmi;
import org.hotline.asterisklab.LabPbx;
import org.hotline.cti.presence.DeskState;
import org.hotline.cti.wallboard.WallboardService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The supervisors' wallboard against Asterisk's own account of the same calls: its queue_log lines (CONNECT,
 * ABANDON) and QueueSummary. Agent 1002 in queue hotline.
 */
class WallboardLiveIntegrationTests extends LiveAsteriskTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WallboardService wallboard;

    @AfterEach
    void agentLogsOut() {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            presence.logout("agent1002");
            return true;
        });
    }

    @Test
    void answeredAndAbandonedCallsCountAsAsteriskLoggedThem() throws Exception {
        pbx.phoneAnswers("1002", Duration.ofSeconds(1));
        presence.login("agent1002");
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent1002").state() == DeskState.READY);
        wallboard.loadDirectory(); // the demo's queues were created after the wallboard first read them
        JsonNode before = hotline();

        LabPbx.LabCall answered = pbx.call("95598", "13800138101", Duration.ofSeconds(60));
        pbx.ami().awaitEvent(e -> e.is("AgentConnect") && answered.linkedid().equals(e.get("Linkedid")),
                Duration.ofSeconds(20));
        answered.hangup();
        await().atMost(Duration.ofSeconds(20)).until(() -> presence.status("agent1002").state() != DeskState.TALKING);
        presence.pause("agent1002", "rest");
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.members("hotline").values().stream()
                .anyMatch(m -> m.get("Location").startsWith("Local/1002@agents") && "1".equals(m.get("Paused"))));
        LabPbx.LabCall abandoned = pbx.call("95598", "13800138102", Duration.ofSeconds(3));
        pbx.ami().awaitEvent(e -> e.is("QueueCallerAbandon") && abandoned.linkedid().equals(e.get("Linkedid")),
                Duration.ofSeconds(20));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode after = hotline();
            assertThat(count(after, "answered") - count(before, "answered")).isEqualTo(1);
            assertThat(count(after, "abandoned") - count(before, "abandoned")).isEqualTo(1);
            assertThat(count(after, "offered") - count(before, "offered")).isEqualTo(2);
        });
        assertThat(queueLog("13800138101")).contains("CONNECT").doesNotContain("ABANDON");
        assertThat(queueLog("13800138102")).contains("ABANDON").doesNotContain("CONNECT");

        LabAmi.Message summary = pbx.queueSummary("hotline");
        JsonNode agents = hotline().get("agents");
        int loggedIn = 0;
        for (var it = agents.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getKey().equals("loggedOut")) {
                loggedIn += e.getValue().asInt();
            }
        }
        assertThat(loggedIn).as("agents in queue hotline, Asterisk: " + summary).isEqualTo(
                Integer.parseInt(summary.get("LoggedIn")));
        assertThat(agents.get("ready").asInt()).isEqualTo(Integer.parseInt(summary.get("Available")));
    }

    private JsonNode hotline() throws Exception {
        for (JsonNode q : JSON.readTree(wallboard.frame()).get("queues")) {
            if (q.get("name").asText().equals("hotline")) {
                return q;
            }
        }
        throw new AssertionError("no queue hotline on the wallboard");
    }

    private static long count(JsonNode queue, String field) {
        return queue.get("today").get(field).asLong();
    }

    /** The queue_log events of the call from {@code number} (found by its ENTERQUEUE line's caller id). */
    private static List<String> queueLog(String number) {
        List<String> log = pbx.asterisk().queueLog();
        String callId = log.stream().map(l -> l.split("\\|", -1))
                .filter(f -> f.length > 6 && f[4].equals("ENTERQUEUE") && f[6].equals(number))
                .map(f -> f[1]).findFirst().orElseThrow(() -> new AssertionError("no ENTERQUEUE from " + number));
        return log.stream().map(l -> l.split("\\|", -1)).filter(f -> f.length > 4 && f[1].equals(callId))
                .map(f -> f[4]).toList();
    }
}
