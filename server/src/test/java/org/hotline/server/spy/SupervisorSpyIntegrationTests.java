package org.hotline.server.spy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.Presence;
import org.hotline.pbxsim.CallHandle;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.ReadyDesks;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Listen, whisper and barge through the supervisor page's API against the PBX simulator, which answers a spy
 * Originate as Asterisk does (docs/adr/0031): done on ChanSpyStart, audited, the agent told, team leads held to
 * their own agents. The same on the real Asterisk: {@code SupervisorSpyLiveIntegrationTests}.
 */
@SimulatedServerTest
class SupervisorSpyIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedServers servers;

    @Autowired
    AmiConnection ami;

    @Autowired
    CallTracker tracker;

    @Autowired
    Presence presence;

    @Autowired
    AgentDirectory directory;

    @Autowired
    DataSource dataSource;

    private final List<CallHandle> calls = new ArrayList<>();

    @BeforeEach
    void deskReady() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
        ReadyDesks.all(presence, directory);
    }

    @AfterEach
    void hangUp() {
        calls.forEach(CallHandle::hangup);
        await().atMost(Duration.ofSeconds(15)).until(() -> tracker.calls().isEmpty());
        ReadyDesks.all(presence, directory);
    }

    private CallHandle talkingTo(String extension) {
        CallHandle call = servers.simulator().placeCall(CallSpec.of("13800138000", "hotline")
                .withOutcome(new Outcome.RingUntilTold(extension)).withPatience(Duration.ofMinutes(5))
                .withTalkTime(Duration.ofMinutes(5)));
        calls.add(call);
        call.ringing().join();
        call.answer();
        await().atMost(Duration.ofSeconds(10)).until(() -> tracker.call(new CallId(call.linkedid()))
                .map(c -> c.state() == CallState.TALKING).orElse(false));
        return call;
    }

    private int audits(String action, String target, String outcome) {
        return new JdbcTemplate(dataSource).queryForObject("select count(*) from audit_log where action = ?"
                + " and target = ? and detail->>'outcome' = ?", Integer.class, action, target, outcome);
    }

    @Test
    void aSupervisorListensFromTheOwnPhoneDoneOnChanSpyStartAuditedAndTheAgentIsTold() throws Exception {
        talkingTo("1002");
        try (AgentClient agent = AgentClient.login(port, "agent1002", DemoUsers.AGENT_PASSWORD).connect();
             AgentClient sup = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD)) {
            int before = audits("spy-listen", "agent1002", "done");

            HttpResponse<String> r = sup.postJson("/api/supervisor/agents/agent1002/spy", "{\"mode\":\"listen\"}");

            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("outcome").asText()).isEqualTo("done");
            assertThat(body.path("code").asText()).isEqualTo("listening");
            assertThat(body.path("confirmedBy").asText()).startsWith("ChanSpyStart Local/1900@agents-")
                    .contains(" on Local/1002@agents-");
            assertThat(audits("spy-listen", "agent1002", "done")).isEqualTo(before + 1);
            JsonNode told = agent.awaitFrame("supervisor-on-call");
            assertThat(told.path("data").path("mode").asText()).isEqualTo("listen");
            assertThat(told.path("data").path("supervisor").asText()).isEqualTo("值班长 林海");
        }
    }

    @Test
    void refusalsSayWhyAndAreAuditedWithTheirOutcome() throws Exception {
        talkingTo("1002");
        try (AgentClient sup = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
             AgentClient lead = AgentClient.login(port, "teamlead", DemoUsers.TEAM_LEAD_PASSWORD)) {
            HttpResponse<String> idle = sup.postJson("/api/supervisor/agents/agent1003/spy", "{\"mode\":\"barge\"}");
            HttpResponse<String> badMode = sup.postJson("/api/supervisor/agents/agent1002/spy", "{\"mode\":\"tap\"}");
            HttpResponse<String> otherTeam = lead.postJson("/api/supervisor/agents/agent2001/spy",
                    "{\"mode\":\"whisper\"}");
            // the team lead has no phone of its own: refused with that reason, not a server error
            HttpResponse<String> noPhone = lead.postJson("/api/supervisor/agents/agent1002/spy",
                    "{\"mode\":\"whisper\"}");

            assertThat(idle.statusCode()).as(idle.body()).isEqualTo(409);
            assertThat(JSON.readTree(idle.body()).path("code").asText()).isEqualTo("agent-not-talking");
            assertThat(audits("spy-barge", "agent1003", "refused")).isGreaterThanOrEqualTo(1);
            assertThat(badMode.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(badMode.body()).path("code").asText()).isEqualTo("bad-mode");
            assertThat(otherTeam.statusCode()).as(otherTeam.body()).isEqualTo(403);
            assertThat(JSON.readTree(otherTeam.body()).path("code").asText()).isEqualTo("not-your-team");
            assertThat(noPhone.statusCode()).as(noPhone.body()).isEqualTo(409);
            assertThat(JSON.readTree(noPhone.body()).path("code").asText()).isEqualTo("spy-no-phone");
        }
    }
}
