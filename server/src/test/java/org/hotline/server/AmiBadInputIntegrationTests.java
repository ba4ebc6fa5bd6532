package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.pbxsim.PbxSimulator;
import org.hotline.pbxsim.SimulatorConfig;
import org.hotline.server.testing.AgentClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server against a PBX that refuses its credentials: health is DOWN naming the setting, everything else works
 * (issue #2, "Bad input").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hotline.embedded.postgres.data-dir=", "hotline.simulator.enabled=false", "hotline.demo.customers=100",
        "hotline.ami.username=hotline", "hotline.ami.reconnect-min=50ms", "hotline.ami.reconnect-max=200ms"})
class AmiBadInputIntegrationTests {

    private static final PbxSimulator PBX = PbxSimulator.start(SimulatorConfig.defaults().withSpeed(10));

    @DynamicPropertySource
    static void pbx(DynamicPropertyRegistry registry) {
        registry.add("hotline.ami.port", PBX::port);
        registry.add("hotline.ami.secret", () -> "not-" + PBX.config().secret());
    }

    @AfterAll
    static void stopPbx() {
        PBX.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    AmiConnection ami;

    private JsonNode health(AgentClient as) throws Exception {
        HttpResponse<String> r = as == null ? HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString())
                : as.get("/actuator/health");
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void wrongCredentialsMakeHealthDownNamingTheSettingToAdministratorsOnly() throws Exception {
        AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode amiHealth = health(admin).path("components").path("ami");
            assertThat(amiHealth.path("status").asText()).isEqualTo("DOWN");
            assertThat(amiHealth.toString()).contains("hotline.ami.secret");
        });
        JsonNode anonymous = health(null);
        assertThat(anonymous.path("status").asText()).isNotEmpty();
        assertThat(anonymous.has("components")).isFalse();
        AgentClient agent = AgentClient.login(port, "agent1001", DemoUsers.AGENT_PASSWORD);
        assertThat(health(agent).has("components")).isFalse();
        assertThat(agent.get("/actuator/metrics").statusCode()).isEqualTo(403);
        assertThat(agent.get("/actuator/info").statusCode()).isEqualTo(403);
        assertThat(admin.get("/actuator/metrics").statusCode()).isEqualTo(200);
        assertThat(ami.state().isLoggedIn()).isFalse();
    }

    @Test
    void pagesStillServeWhileThePbxRefusesUs() {
        try (AgentClient agent = AgentClient.login(port, "agent1001", DemoUsers.AGENT_PASSWORD).connect()) {
            assertThat(agent.awaitFrame("snapshot").get("pops")).isEmpty();
        }
    }
}
