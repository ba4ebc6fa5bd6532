package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.testing.AmiFixtures;
import org.hotline.pbxsim.PbxSimulator;
import org.hotline.pbxsim.ReplayOptions;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.testing.AgentClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every captured Asterisk scenario replayed through the whole server to the agents' WebSockets: each agent sees
 * exactly the pops the real PBX's calls imply, in order (issue #2, "every capture replayed end to end").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hotline.embedded.postgres.data-dir=", "hotline.simulator.calls-per-minute=0", "hotline.demo.customers=100"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptureReplayEndToEndIntegrationTests {

    private static final List<String> AGENTS = List.of("agent1001", "agent1002", "agent1003", "agent1004",
            "agent2001", "agent2002", "agent2003");

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedServers servers;

    @Autowired
    AmiConnection ami;

    private final Map<String, AgentClient> clients = new LinkedHashMap<>();

    @BeforeAll
    void agentsAreConnected() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
        for (String agent : AGENTS) {
            clients.put(agent, AgentClient.login(port, agent, DemoUsers.AGENT_PASSWORD).connect());
            clients.get(agent).awaitFrame("snapshot");
        }
    }

    @AfterAll
    void close() {
        clients.values().forEach(AgentClient::close);
    }

    /** Per agent, the status sequence of each call it was offered, calls in order: {@code agent1001=RINGING>ANSWERED>ENDED}. */
    private Map<String, List<String>> popsSince(Map<String, Integer> marks) {
        Map<String, List<String>> out = new TreeMap<>();
        clients.forEach((agent, client) -> {
            List<JsonNode> pops = client.pops();
            Map<String, List<String>> byCall = new LinkedHashMap<>();
            for (JsonNode p : pops.subList(marks.get(agent), pops.size())) {
                byCall.computeIfAbsent(p.get("callId").asText(), k -> new ArrayList<>()).add(p.get("status").asText());
            }
            byCall.values().forEach(statuses -> out.computeIfAbsent(agent, k -> new ArrayList<>())
                    .add(String.join(">", statuses)));
        });
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "01-answered-completed.ami.txt          | {agent1001=[RINGING>ANSWERED>ENDED]}",
            "02-abandon.ami.txt                     | {agent1004=[RINGING>MISSED]}",
            "03-ringnoanswer-then-answered.ami.txt  | {agent1002=[RINGING>ANSWERED>ENDED], agent1004=[RINGING>MISSED]}",
            "04-pause-unpause-add-remove.ami.txt    | {agent1003=[RINGING>ANSWERED>ENDED]}",
            "05-blind-transfer-redirect.ami.txt     | {agent1001=[RINGING>ANSWERED>TRANSFERRED], agent1004=[RINGING>ANSWERED>TRANSFERRED], agent2001=[RINGING>ANSWERED>ENDED], agent2002=[RINGING>ANSWERED>ENDED]}",
            "06-ivr-setvars-queue.ami.txt           | {agent1002=[RINGING>ANSWERED>ENDED], agent1003=[RINGING>ANSWERED>ENDED], agent2001=[RINGING>ANSWERED>ENDED], agent2003=[RINGING>ANSWERED>ENDED]}",
            "08-resync-during-calls.ami.txt         | {agent1001=[RINGING>ANSWERED>ENDED], agent1002=[RINGING>ANSWERED>ENDED], agent1003=[RINGING>ANSWERED>ENDED], agent1004=[RINGING>MISSED], agent2001=[RINGING>ANSWERED>ENDED], agent2002=[RINGING>ANSWERED>ENDED], agent2003=[RINGING>MISSED]}"})
    void captureReplayedGivesEachAgentThePopsOfItsCalls(String capture, String expected) {
        PbxSimulator simulator = servers.simulator();
        Map<String, Integer> marks = new LinkedHashMap<>();
        clients.forEach((agent, client) -> marks.put(agent, client.pops().size()));
        Path file = AmiFixtures.dir().resolve(capture);
        int sent = simulator.replay(file, ReplayOptions.asFastAsPossible()).join();
        assertThat(sent).isPositive();
        // Every offered call ends in a final state once the capture's last hangup has gone through.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(popsSince(marks).toString())
                .isEqualTo(expected));
        if (capture.startsWith("01") || capture.startsWith("06")) {
            // 张三 calls from 13800138000 in 01 and keys account 2024001 in the IVR of 06: both pop his card.
            assertThat(newPops(marks)).anySatisfy(p -> assertThat(p.get("customers").get(0).get("name").asText())
                    .isEqualTo("张三"));
        }
        if (capture.startsWith("06")) {
            assertThat(newPops(marks)).anySatisfy(p -> assertThat(p.get("variables").path("IVR_ACCOUNT").asText())
                    .isEqualTo("2024001"));
        }
    }

    private List<JsonNode> newPops(Map<String, Integer> marks) {
        List<JsonNode> out = new ArrayList<>();
        clients.forEach((agent, client) -> {
            List<JsonNode> pops = client.pops();
            out.addAll(pops.subList(marks.get(agent), pops.size()));
        });
        return out;
    }
}
