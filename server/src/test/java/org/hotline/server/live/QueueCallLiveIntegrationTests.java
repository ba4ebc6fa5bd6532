package org.hotline.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.hotline.asterisklab.LabPbx;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.DeskState;
import org.hotline.server.testing.AgentClient;
import org.junit.jupiter.api.Test;

/** Queue calls through the real Asterisk: what the agent's browser gets, and what Asterisk itself says. */
class QueueCallLiveIntegrationTests extends LiveAsteriskTestBase {

    @Test
    void answeredQueueCallPopsTheCustomerBeforeTheAgentAnswersAndEnds() {
        pbx.phoneAnswers("1001", Duration.ofSeconds(2));
        try (AgentClient agent = AgentClient.login(port, "agent1001", DemoUsers.AGENT_PASSWORD).connect()) {
            agent.awaitFrame("snapshot");
            presence.login("agent1001");
            await().atMost(Duration.ofSeconds(10)).until(() -> pbx.members("hotline").keySet().stream()
                    .anyMatch(i -> i.startsWith("Local/1001@agents")));
            await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent1001").state() == DeskState.READY);

            LabPbx.LabCall call = pbx.call("95598", "13800138000", Duration.ofSeconds(60), "LAB_CALLER_NAME=张三");
            JsonNode ringing = agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid()));
            assertThat(ringing.get("status").asText()).isEqualTo("RINGING");
            assertThat(ringing.get("callerNumber").asText()).isEqualTo("13800138000");
            assertThat(ringing.get("customers")).anySatisfy(c -> assertThat(c.get("name").asText()).isEqualTo("张三"));
            agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid())
                    && "ANSWERED".equals(p.get("status").asText()));
            call.hangup();
            agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid())
                    && "ENDED".equals(p.get("status").asText()));
        } finally {
            presence.logout("agent1001");
        }
    }
}
