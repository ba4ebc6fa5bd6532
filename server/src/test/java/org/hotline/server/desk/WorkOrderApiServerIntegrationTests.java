package org.hotline.server.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.testing.AgentClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.hotline.server.testing.SimulatedServerTest;

/**
 * The work-order API on the whole server: the real login, CSRF and role checks, the demo data's legacy orders
 * beside new ones. Same server settings as {@code DeskApiIntegrationTests}, so they share one Spring context.
 */
@SimulatedServerTest
class WorkOrderApiServerIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    CustomerDirectory customers;

    @Test
    void anAgentCreatesAndRecordsWhileOnlyASupervisorReroutes() {
        long zhang = customers.findByAccountNo("2024001").orElseThrow().id();
        DeskHttp agent = DeskHttp.login(port, "agent1001", DemoUsers.AGENT_PASSWORD);
        DeskHttp.Answer created = agent.post("/api/work-orders", Map.of("type", "complaint", "customerId", zhang,
                "summary", "抄表不准"));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("awaiting").asText()).isEqualTo("B");
        assertThat(agent.post("/api/work-orders/" + id + "/points", Map.of("point", "B")).status()).isEqualTo(200);
        assertThat(agent.post("/api/work-orders/" + id + "/points", Map.of("point", "D")).status()).isEqualTo(409);
        assertThat(agent.post("/api/work-orders", Map.of("type", "teleport", "customerId", zhang)).status())
                .isEqualTo(422);
        Map<String, String> reroute = Map.of("after", "B", "reason", "belongs to the metering team");
        assertThat(agent.post("/api/work-orders/" + id + "/reroute", reroute).status()).isEqualTo(403);
        assertThat(agent.get("/api/work-orders").status()).isEqualTo(200);

        DeskHttp supervisor = DeskHttp.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        DeskHttp.Answer rerouted = supervisor.post("/api/work-orders/" + id + "/reroute", reroute);
        assertThat(rerouted.status()).as("%s", rerouted.body()).isEqualTo(200);
        assertThat(supervisor.get("/api/work-orders/" + id).body().get("log").size()).isEqualTo(3);
        assertThat(supervisor.get("/api/work-orders/alarms").status()).isEqualTo(200);
    }

    @Test
    void theDemoGivesEachRepairCentreASameSiteTeamAndOneElsewhereEachWithTwoCrews() {
        JsonNode units = DeskHttp.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD)
                .get("/api/work-orders/units").body();
        JsonNode centres = DeskHttp.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD)
                .get("/api/work-orders/repair-centres").body();
        List<JsonNode> all = new ArrayList<>();
        units.forEach(all::add);
        List<JsonNode> demoCentres = new ArrayList<>();
        centres.forEach(c -> {
            // the seven districts of the demo (other tests add centres of their own)
            if (List.of("RC-SC", "RC-GS", "RC-XH", "RC-BJ", "RC-XS", "RC-YH", "RC-QT").contains(c.get("code").asText())) {
                demoCentres.add(c);
            }
        });
        assertThat(demoCentres).hasSize(7);
        for (JsonNode centre : demoCentres) {
            String code = centre.get("code").asText();
            List<JsonNode> teams = all.stream().filter(u -> u.get("kind").asText().equals("team")
                    && u.get("repairCentre").asText().equals(code)).toList();
            assertThat(teams).extracting(t -> t.get("sameSite").asBoolean()).containsExactlyInAnyOrder(true, false);
            for (JsonNode team : teams) {
                assertThat(all).filteredOn(u -> u.get("kind").asText().equals("crew")
                        && u.get("parent").asText().equals(team.get("code").asText())).hasSize(2);
            }
        }
    }

    @Test
    void anOrderIsPushedToTheSupervisorsSocketWhenCreatedAndAgainWhenPastItsDeadline() {
        long zhang = customers.findByAccountNo("2024001").orElseThrow().id();
        try (AgentClient board = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD)
                .connect("/ws/supervisor")) {
            DeskHttp agent = DeskHttp.login(port, "agent1001", DemoUsers.AGENT_PASSWORD);
            // a complaint taken three hours ago: its 2-hour A→B limit has passed, so the scheduler fires at once
            DeskHttp.Answer created = agent.post("/api/work-orders", Map.of("type", "complaint", "customerId", zhang,
                    "startedAt", Instant.now().minus(Duration.ofHours(3)).toString()));
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
            String orderNo = created.body().get("orderNo").asText();
            JsonNode change = board.awaitFrame("workorder-changed",
                    d -> d.path("order").path("orderNo").asText().equals(orderNo)).get("data");
            assertThat(change.get("change").asText()).isEqualTo("CREATED");
            // the shared server's other late orders repeat their alarms on the same socket: this order's is awaited
            JsonNode alarm = board.awaitFrame("workorder-alarm", d -> d.path("orderNo").asText().equals(orderNo))
                    .get("data");
            assertThat(alarm.get("late").asBoolean()).isTrue();
            // closed, so it stops nagging the other tests' supervisors sharing this server
            DeskHttp supervisor = DeskHttp.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
            assertThat(supervisor.post("/api/work-orders/" + created.body().get("id").asLong() + "/close",
                    Map.of("reason", "test done")).status()).isEqualTo(200);
        }
    }
}
