package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.Presence;
import org.hotline.pbxsim.CallHandle;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;
import org.hotline.pbxsim.PbxSimulator;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.ReadyDesks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.hotline.server.testing.SimulatedServerTest;

/** The whole path with real parts: simulator over AMI/TCP → tracker → PostgreSQL lookup → WebSocket of one agent. */
@SimulatedServerTest
class ScreenPopEndToEndIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedServers servers;

    @Autowired
    AmiConnection ami;

    @Autowired
    Presence presence;

    @Autowired
    AgentDirectory agentDirectory;

    PbxSimulator simulator;

    @BeforeEach
    void amiIsConnected() {
        simulator = servers.simulator();
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
        ReadyDesks.all(presence, agentDirectory); // earlier classes leave desks in wrap-up or lagged
    }

    @Test
    void ringingCallPopsTheCallersCustomerToThatAgentOnly() {
        try (AgentClient agent = AgentClient.login(port, "agent1001", DemoUsers.AGENT_PASSWORD).connect();
             AgentClient other = AgentClient.login(port, "agent1002", DemoUsers.AGENT_PASSWORD).connect()) {
            agent.awaitFrame("snapshot");
            other.awaitFrame("snapshot");
            CallHandle call = simulator.placeCall(CallSpec.of("13800138000", "hotline").withCallerName("张三")
                    .withVariable("IVR_ACCOUNT", "2024001").withOutcome(new Outcome.RingUntilTold("1001")));

            JsonNode pop = agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid()));
            assertThat(pop.get("status").asText()).isEqualTo("RINGING");
            assertThat(pop.get("callerNumber").asText()).isEqualTo("13800138000");
            assertThat(pop.get("normalizedNumber").asText()).isEqualTo("13800138000");
            assertThat(pop.get("queue").asText()).isEqualTo("hotline");
            assertThat(pop.get("variables").get("IVR_ACCOUNT").asText()).isEqualTo("2024001");
            assertThat(pop.get("customers")).anySatisfy(c -> assertThat(c.get("name").asText()).isEqualTo("张三"));

            call.answer();
            agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid()) && "ANSWERED".equals(p.get("status").asText()));
            call.hangup();
            agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid()) && "ENDED".equals(p.get("status").asText()));
            assertThat(other.pops()).noneMatch(p -> p.get("callId").asText().equals(call.linkedid()));
        }
    }

    @Test
    void reconnectingBrowserGetsASnapshotOfItsRingingCall() {
        try (AgentClient agent = AgentClient.login(port, "agent1003", DemoUsers.AGENT_PASSWORD).connect()) {
            agent.awaitFrame("snapshot");
            CallHandle call = simulator.placeCall(CallSpec.of("13700000001", "hotline")
                    .withOutcome(new Outcome.RingUntilTold("1003")));
            agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid()));
            agent.disconnect();

            try (AgentClient again = AgentClient.login(port, "agent1003", DemoUsers.AGENT_PASSWORD).connect()) {
                JsonNode snapshot = again.awaitFrame("snapshot");
                assertThat(snapshot.get("pops")).anySatisfy(p -> {
                    assertThat(p.get("callId").asText()).isEqualTo(call.linkedid());
                    assertThat(p.get("status").asText()).isEqualTo("RINGING");
                    assertThat(p.get("customers")).isEmpty();
                });
            } finally {
                call.hangup();
            }
        }
    }

    @Test
    void garbageOnTheAmiSocketHarmsNothingElse() {
        try (AgentClient agent = AgentClient.login(port, "agent1004", DemoUsers.AGENT_PASSWORD).connect()) {
            agent.awaitFrame("snapshot");
            long badBefore = ami.stats().badInput();
            simulator.sendRaw("Event: Newchannel\r\nthis line has no colon\r\nCallerIDName: <img src=x onerror=alert(1)>\r\n\r\n");
            simulator.sendRaw("Event: VarSet\r\nValue: " + "x".repeat(1 << 20) + "\r\n\r\n");
            simulator.sendRaw("Event: SomethingNobodyKnows\r\nFoo: bar\r\n\r\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> ami.stats().badInput() >= badBefore + 2);

            CallHandle call = simulator.placeCall(CallSpec.of("13800138000", "hotline")
                    .withOutcome(new Outcome.RingUntilTold("1004")));
            JsonNode pop = agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid()));
            assertThat(pop.get("customers").get(0).get("name").asText()).isEqualTo("张三");
            assertThat(ami.state().isLoggedIn()).isTrue();
            call.hangup();
        }
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        assertThat(AgentClient.loginRedirect(port, "agent1001", "wrong")).endsWith("/login.html?error");
        assertThat(AgentClient.loginRedirect(port, "nobody", "wrong")).endsWith("/login.html?error");
    }
}
