package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.pbxsim.CallHandle;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;
import org.hotline.pbxsim.PbxSimulator;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.testing.AgentClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two server nodes sharing PostgreSQL and Redis: node A consumes AMI, the agent's browser is on node B, and the pop
 * crosses through Redis (issue #2).
 */
class TwoNodeIntegrationTests {

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        nodeA = new SpringApplicationBuilder(HotlineApplication.class).run(
                "--server.port=0", "--hotline.embedded.postgres.data-dir=", "--hotline.embedded.redis.enabled=true",
                "--hotline.simulator.calls-per-minute=0", "--hotline.demo.customers=200", "--hotline.push.node-id=node-a",
                "--hotline.simulator.speed=10");
        Environment a = nodeA.getEnvironment();
        nodeB = new SpringApplicationBuilder(HotlineApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + a.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres", "--hotline.push.redis-uri=" + a.getProperty("hotline.push.redis-uri"),
                // the same demo setting as node A, as a cluster has: a node with the demo off would disable the
                // demo users node A made (FirstAdministrator); the demo data exists already, so B adds nothing
                "--hotline.ami.enabled=false", "--hotline.simulator.enabled=false", "--hotline.demo.customers=200",
                "--hotline.push.node-id=node-b");
        AmiConnection ami = nodeA.getBean(AmiConnection.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @Test
    void nodeBHasNoAmiConnection() {
        assertThat(nodeB.getBeanNamesForType(AmiConnection.class)).isEmpty();
    }

    @Test
    void popFromTheAmiNodeReachesTheBrowserOnTheOtherNode() {
        PbxSimulator simulator = nodeA.getBean(EmbeddedServers.class).simulator();
        try (AgentClient onB = AgentClient.login(port(nodeB), "agent1002", DemoUsers.AGENT_PASSWORD).connect()) {
            onB.awaitFrame("snapshot");
            CallHandle call = simulator.placeCall(CallSpec.of("13800138000", "hotline").withCallerName("张三")
                    .withOutcome(new Outcome.RingUntilTold("1002")));
            JsonNode pop = onB.awaitPop(p -> p.get("callId").asText().equals(call.linkedid()));
            assertThat(pop.get("agent").asText()).isEqualTo("agent1002");
            assertThat(pop.get("customers")).anySatisfy(c -> assertThat(c.get("name").asText()).isEqualTo("张三"));

            // A browser that connects to node B later gets the ringing call from the shared store.
            try (AgentClient late = AgentClient.login(port(nodeB), "agent1002", DemoUsers.AGENT_PASSWORD).connect()) {
                assertThat(late.awaitFrame("snapshot").get("pops"))
                        .anySatisfy(p -> assertThat(p.get("callId").asText()).isEqualTo(call.linkedid()));
            }
            // The caller hangs up while it rings: the ring is cancelled, so the agent's pop ends as missed.
            call.hangup();
            onB.awaitPop(p -> p.get("callId").asText().equals(call.linkedid()) && "MISSED".equals(p.get("status").asText()));
        }
    }
}
