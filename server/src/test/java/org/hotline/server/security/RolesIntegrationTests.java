package org.hotline.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.hotline.cti.agent.Teams;
import org.hotline.cti.callback.AbandonedCall;
import org.hotline.cti.callback.Callbacks;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the roles beyond agent, supervisor and administrator do on the server (docs/adr/0024): where each lands, a
 * team lead's reach limited to the own queues, a dispatcher's socket without the wallboard, and a crew member who
 * signs in with a password and gets the crew page's token. The role matrix test checks every endpoint's gate.
 */
@SimulatedServerTest
class RolesIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    PushBus bus;
    @Autowired
    Callbacks callbacks;
    @Autowired
    DataSource dataSource;
    @Autowired
    Teams teams;

    @Test
    void eachRoleLandsOnItsOwnPage() {
        Map<String, String[]> landing = Map.of(
                "teamlead", new String[] {DemoUsers.TEAM_LEAD_PASSWORD, "/agent.html"},
                "dispatcher", new String[] {DemoUsers.DISPATCHER_PASSWORD, "/workorders.html"},
                "crew", new String[] {DemoUsers.CREW_PASSWORD, "/crew.html"},
                "supervisor", new String[] {DemoUsers.SUPERVISOR_PASSWORD, "/supervisor.html"});
        landing.forEach((user, v) -> {
            try (AgentClient c = AgentClient.login(port, user, v[0])) {
                assertThat(c.get("/").headers().firstValue("Location").orElse("")).as(user).endsWith(v[1]);
            }
        });
    }

    @Test
    void aTeamLeadPausesTheAgentsOfTheOwnQueueButNotThoseOfAnother() throws Exception {
        try (AgentClient lead = AgentClient.login(port, "teamlead", DemoUsers.TEAM_LEAD_PASSWORD)) {
            // agent1004 serves hotline like the lead: past the team check, refused on the made-up reason alone
            HttpResponse<String> own = lead.postJson("/api/supervisor/agents/agent1004/pause",
                    "{\"reason\":\"no-such-reason\"}");
            assertThat(own.statusCode()).as(own.body()).isEqualTo(400);
            assertThat(own.body()).contains("unknown pause reason");
            HttpResponse<String> other = lead.postJson("/api/supervisor/agents/agent2001/pause",
                    "{\"reason\":\"no-such-reason\"}");
            assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
            assertThat(JSON.readTree(other.body()).get("code").asText()).isEqualTo("not-your-team");
            assertThat(lead.postJson("/api/supervisor/agents/agent2001/logout", "{}").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aTeamLeadAlsoLeadsTheOwnTeamsAgentsInOtherQueuesOnceAnAdministratorPutsThemInATeam() throws Exception {
        String team = "供电一班" + ProcessHandle.current().pid() % 1000;
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD);
             AgentClient lead = AgentClient.login(port, "teamlead", DemoUsers.TEAM_LEAD_PASSWORD)) {
            assertThat(admin.postJson("/api/admin/teams", "{\"name\":\"" + team + "\"}").statusCode()).isEqualTo(201);
            assertThat(admin.postJson("/api/admin/teams", "{\"name\":\"" + team + "\"}").statusCode()).isEqualTo(409);
            assertThat(admin.postJson("/api/admin/teams", "{}").statusCode()).isEqualTo(400);
            HttpResponse<String> unknown = admin.sendJson("PUT", "/api/admin/users/agent2002",
                    "{\"displayName\":\"郑雨桐\",\"role\":\"AGENT\",\"extension\":\"2002\",\"queues\":[\"gas\"],"
                            + "\"team\":\"no-such-team\"}");
            assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
            assertThat(lead.postJson("/api/supervisor/agents/agent2002/pause", "{\"reason\":\"no-such-reason\"}")
                    .statusCode()).as("gas is not the lead's queue").isEqualTo(403);
            try {
                teams.assign("teamlead", team);
                HttpResponse<String> put = admin.sendJson("PUT", "/api/admin/users/agent2002",
                        "{\"displayName\":\"郑雨桐\",\"role\":\"AGENT\",\"extension\":\"2002\",\"queues\":[\"gas\"],"
                                + "\"team\":\"" + team + "\"}");
                assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
                assertThat(admin.get("/api/admin/users").body()).contains("\"team\":\"" + team + "\"");
                HttpResponse<String> own = lead.postJson("/api/supervisor/agents/agent2002/pause",
                        "{\"reason\":\"no-such-reason\"}");
                assertThat(own.statusCode()).as("past the team check: " + own.body()).isEqualTo(400);
            } finally {
                teams.assign("teamlead", null);
                teams.assign("agent2002", null);
            }
        }
    }

    @Test
    void aTeamLeadCancelsTheCallbacksOfTheOwnQueueOnly() {
        long hotline = abandoned("roles-hotline", "hotline");
        long gas = abandoned("roles-gas", "gas");
        try (AgentClient lead = AgentClient.login(port, "teamlead", DemoUsers.TEAM_LEAD_PASSWORD)) {
            assertThat(lead.postJson("/api/callbacks/" + gas + "/cancel", "{\"note\":\"组长取消\"}").statusCode())
                    .isEqualTo(409);
            HttpResponse<String> own = lead.postJson("/api/callbacks/" + hotline + "/cancel", "{\"note\":\"组长取消\"}");
            assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
            assertThat(own.body()).contains("\"status\":\"CANCELLED\"", "组长取消");
        }
        try (AgentClient agent = AgentClient.login(port, "agent1002", DemoUsers.AGENT_PASSWORD)) {
            assertThat(agent.postJson("/api/callbacks/" + gas + "/cancel", "{}").statusCode())
                    .as("an agent cancels no one else's callback").isEqualTo(409);
        }
    }

    @Test
    void aDispatchersFloorSocketCarriesTheWorkOrderNewsButNeverTheWallboard() {
        try (AgentClient dispatcher = AgentClient.login(port, "dispatcher", DemoUsers.DISPATCHER_PASSWORD)
                .connect("/ws/supervisor");
             AgentClient supervisor = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD)
                     .connect("/ws/supervisor")) {
            supervisor.awaitFrame("snapshot");
            bus.publish(PushMessage.SUPERVISORS, PushMessage.TYPE_WALLBOARD,
                    "{\"full\":false,\"agents\":[],\"removed\":[],\"queues\":[]}");
            supervisor.awaitFrame("wallboard");
            bus.publish(PushMessage.SUPERVISORS, PushMessage.TYPE_WORKORDER_CHANGED,
                    "{\"change\":\"ROLES-TEST\",\"order\":{}}");
            dispatcher.awaitFrame("workorder-changed", d -> d.path("change").asText().equals("ROLES-TEST"));
            supervisor.awaitFrame("workorder-changed", d -> d.path("change").asText().equals("ROLES-TEST"));
            assertThat(dispatcher.frames()).extracting(f -> f.path("type").asText())
                    .allMatch(t -> t.startsWith("workorder-"));
        }
    }

    @Test
    void aCrewMemberWhoSignsInGetsATokenOfTheDemoCrewForTheCrewPage() throws Exception {
        try (AgentClient crew = AgentClient.login(port, "crew", DemoUsers.CREW_PASSWORD)) {
            HttpResponse<String> issued = crew.postJson("/api/me/crew-token", "");
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            JsonNode token = JSON.readTree(issued.body());
            assertThat(token.get("signedInUser").asText()).isEqualTo("crew");
            assertThat(token.get("crew").asText()).endsWith("-T1-C1");
            assertThat(crew.get("/agent.html").statusCode()).isEqualTo(403);
            assertThat(crew.get("/api/work-orders").statusCode()).isEqualTo(403);
        }
    }

    private long abandoned(String callId, String queue) {
        String id = callId + "-" + System.nanoTime();
        callbacks.recordAbandoned(new AbandonedCall(id, "13900009999", queue, Duration.ofSeconds(40), Instant.now()));
        return new JdbcTemplate(dataSource).queryForObject("select id from callbacks where call_id = ?", Long.class,
                id);
    }
}
