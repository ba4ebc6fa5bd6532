package org.hotline.server.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.demo.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The work-order API on the whole server: the real login, CSRF and role checks, the demo data's legacy orders
 * beside new ones. Same server settings as {@code DeskApiIntegrationTests}, so they share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hotline.embedded.postgres.data-dir=", "hotline.simulator.calls-per-minute=0", "hotline.demo.customers=500",
        "hotline.simulator.speed=10"})
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
}
