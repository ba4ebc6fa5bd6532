package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.testing.AmiFixtures;
import org.hotline.pbxsim.ReplayOptions;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.testing.AgentClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The burst capture (60 s of a real Asterisk with 500 callers and 300 agents, 154,470 events) replayed as fast as
 * possible through the whole server to 300 agents' WebSockets: every one of its 1,347 rings pops at its agent, and
 * every pop ends in a final state (issue #2: never drop an event; every capture end to end).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hotline.embedded.postgres.data-dir=", "hotline.simulator.calls-per-minute=0", "hotline.demo.customers=100"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BurstReplayEndToEndIntegrationTests {

    private static final int FIRST = 3001;
    private static final int AGENTS = 300;
    private static final String PASSWORD = "burst-agent";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedServers servers;

    @Autowired
    AmiConnection ami;

    @Autowired
    DataSource dataSource;

    private final Map<String, AgentClient> clients = new HashMap<>();

    @BeforeAll
    void burstAgentsAreLoggedIn() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
        // BCrypt cost 4: 300 logins at the default cost would spend the test's time hashing.
        String hash = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (int ext = FIRST; ext < FIRST + AGENTS; ext++) {
            Long id = jdbc.queryForObject("insert into users (username, display_name, password_hash, role) "
                    + "values (?, ?, ?, 'AGENT') on conflict (username) do update set enabled = true returning id",
                    Long.class, "agent" + ext, "压测坐席 " + ext, hash);
            jdbc.update("insert into agent_interfaces (user_id, interface) values (?, ?) on conflict do nothing",
                    id, "Local/" + ext + "@agents");
        }
        for (int ext = FIRST; ext < FIRST + AGENTS; ext++) {
            AgentClient c = AgentClient.login(port, "agent" + ext, PASSWORD).connect();
            clients.put("agent" + ext, c);
        }
        clients.values().forEach(c -> c.awaitFrame("snapshot"));
    }

    @AfterAll
    void close() {
        clients.values().forEach(AgentClient::close);
    }

    @Test
    void everyRingOfTheBurstPopsAtItsAgentAndEndsFinal() {
        int sent = servers.simulator().replay(AmiFixtures.dir().resolve("07-burst.ami.txt.gz"),
                ReplayOptions.asFastAsPossible()).join();
        assertThat(sent).isGreaterThan(150_000); // the replay leaves out the capture session's own login and list replies

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(count("RINGING")).isEqualTo(1_347));
        // The last state of every (agent, call) is final: nobody is left with a ringing or talking ghost.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lastStates())
                .allSatisfy((key, status) -> assertThat(status).as(key).isIn("ENDED", "MISSED", "TRANSFERRED")));
        assertThat(ami.stats().badInput()).isZero();
    }

    private long count(String status) {
        return clients.values().stream().flatMap(c -> c.pops().stream())
                .filter(p -> status.equals(p.get("status").asText())).count();
    }

    private Map<String, String> lastStates() {
        Map<String, String> last = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        clients.forEach((agent, client) -> {
            List<JsonNode> pops = new ArrayList<>(client.pops());
            for (JsonNode p : pops) {
                String key = agent + "/" + p.get("callId").asText();
                long v = p.get("version").asLong();
                if (v >= versions.getOrDefault(key, -1L)) {
                    versions.put(key, v);
                    last.put(key, p.get("status").asText());
                }
            }
        });
        return last;
    }
}
