package org.hotline.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.hotline.asterisklab.LabPbx;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.DeskState;
import org.hotline.server.testing.AgentClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The AMI link cut mid-call and Asterisk restarted mid-call, on the real Asterisk: Hotline reconnects, resyncs, and
 * every agent's browser ends up showing what Asterisk has. Agent 1004 (queue hotline) only.
 */
class PbxFailureLiveIntegrationTests extends LiveAsteriskTestBase {

    @AfterEach
    void agentLogsOut() {
        link().restore();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            presence.logout("agent1004");
            return true;
        });
    }

    @Test
    void callAnsweredDuringAnAmiCutShowsAnsweredAndItsEndAfterTheReconnect() {
        pbx.phoneAnswers("1004", Duration.ofSeconds(1));
        try (AgentClient agent = AgentClient.login(port, "agent1004", DemoUsers.AGENT_PASSWORD).connect()) {
            agent.awaitFrame("snapshot");
            loggedInAndReady();
            pbx.phoneNeverAnswers("1004");
            LabPbx.LabCall call = pbx.call("95598", "13800138000", Duration.ofSeconds(120));
            agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid()) && "RINGING".equals(p.get("status").asText()));
            int logins = link().accepted();

            link().cut();
            // the agent answers while Hotline cannot see it
            pbx.ami().action("Hangup", "Channel", "/^Local\\/1004@agents-.*;2$/", "Cause", "16");
            pbx.phoneAnswers("1004", Duration.ZERO);
            pbx.ami().awaitEvent(e -> e.is("AgentConnect") && call.linkedid().equals(e.get("Linkedid")),
                    Duration.ofSeconds(30));
            link().restore();

            await().atMost(Duration.ofSeconds(30)).until(() -> link().accepted() > logins && ami.state().isLoggedIn());
            JsonNode talking = agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid())
                    && "ANSWERED".equals(p.get("status").asText()));
            assertThat(talking.get("callerNumber").asText()).isEqualTo("13800138000");
            call.hangup();
            agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid()) && "ENDED".equals(p.get("status").asText()));
        }
    }

    @Test
    void asteriskRestartMidCallEndsTheCallAndKeepsTheAgentLoggedIn() {
        pbx.phoneAnswers("1004", Duration.ZERO);
        try (AgentClient agent = AgentClient.login(port, "agent1004", DemoUsers.AGENT_PASSWORD).connect()) {
            agent.awaitFrame("snapshot");
            loggedInAndReady();
            LabPbx.LabCall call = pbx.call("95598", "13800138001", Duration.ofSeconds(120));
            agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid()) && "ANSWERED".equals(p.get("status").asText()));

            pbx.asterisk().restart();
            pbx = new LabPbx(pbx.asterisk()); // the driver's own AMI session ended with Asterisk

            agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid()) && "ENDED".equals(p.get("status").asText()));
            // persistentmembers: the member comes back with Asterisk, and the desk is ready again after the call
            assertThat(memberOf1004()).isNotNull();
            await().atMost(Duration.ofSeconds(30)).until(() -> presence.status("agent1004").state() != DeskState.TALKING);
        }
    }

    private void loggedInAndReady() {
        presence.login("agent1004");
        await().atMost(Duration.ofSeconds(10)).until(() -> memberOf1004() != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent1004").state() == DeskState.READY);
    }

    private static String memberOf1004() {
        return pbx.members("hotline").keySet().stream().filter(i -> i.startsWith("Local/1004@agents")).findFirst()
                .orElse(null);
    }
}
