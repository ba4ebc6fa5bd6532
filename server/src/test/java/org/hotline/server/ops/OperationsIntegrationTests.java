package org.hotline.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.Presence;
import org.hotline.pbxsim.CallHandle;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.ready.ReadyBanner;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.ReadyDesks;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Operations (#13): Prometheus metrics for administrators only, with the {@code hotline.*} meters a real pop feeds;
 * liveness and readiness for anyone without details; the API page for administrators; the ready banner.
 */
@SimulatedServerTest
class OperationsIntegrationTests {

    private static final Pattern POP_COUNT =
            Pattern.compile("(?m)^hotline_pop_latency_seconds_count\\{[^}]*} ([0-9.eE+]+)$");

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

    @Autowired
    ReadyBanner banner;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void amiIsConnected() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
    }

    @Test
    void prometheusShowsAdministratorsThePopLatencyOfARealPopAndTheOtherHotlineMeters() {
        ReadyDesks.all(presence, agentDirectory); // earlier classes leave desks in wrap-up or lagged
        try (AgentClient agent = AgentClient.login(port, "agent1002", DemoUsers.AGENT_PASSWORD).connect();
             AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            agent.awaitFrame("snapshot");
            double before = popCount(admin.get("/actuator/prometheus").body());
            CallHandle call = servers.simulator().placeCall(CallSpec.of("13800138000", "hotline")
                    .withOutcome(new Outcome.RingUntilTold("1002")));
            try {
                agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid()));
            } finally {
                call.hangup();
            }

            HttpResponse<String> scrape = admin.get("/actuator/prometheus");
            assertThat(scrape.statusCode()).isEqualTo(200);
            String body = scrape.body();
            assertThat(popCount(body)).as("pops timed from the AgentCalled frame").isGreaterThan(before);
            assertThat(body).contains("hotline_pop_latency_seconds_bucket{", "hotline_ami_frames_received_total{",
                    "hotline_ami_oldest_queued_age_seconds{", "hotline_sms_queued{", "hotline_sms_in_doubt{",
                    "hotline_sms_awaiting_receipt{", "hotline_sms_receipts_unmatched{", "hotline_sms_held{",
                    "hotline_sms_resent{", "hotline_sms_unknown{",
                    "hotline_workorder_timers_overdue{", "hotline_workorder_timer_lateness_seconds_count{");
            // read from live objects and counted by the database: numbers, not NaN
            assertThat(body).containsPattern("(?m)^hotline_ami_connected\\{[^}]*} 1\\.0$")
                    .containsPattern("(?m)^hotline_ami_frames_received_total\\{[^}]*} [1-9]")
                    .containsPattern("(?m)^hotline_ami_oldest_queued_age_seconds\\{[^}]*} [0-9]");
            assertThat(body).containsPattern("(?m)^hotline_sms_queued\\{[^}]*} [0-9]")
                    .containsPattern("(?m)^hotline_sms_awaiting_receipt\\{[^}]*} [0-9]")
                    .containsPattern("(?m)^hotline_workorder_timers_overdue\\{[^}]*} [0-9]")
                    .containsPattern("(?m)^hotline_ivr_sessions\\{[^}]*} 0\\.0$");
            assertThat(body).containsPattern("(?m)^hotline_websocket_sessions\\{[^}]*endpoint=\"/ws/agent\"[^}]*} [1-9]");
            assertThat(body).contains("hotline_websocket_sessions{application=\"hotline\",endpoint=\"/ws/supervisor\"}");
        }
    }

    @Test
    void aRunningCustomerImportShowsInTheImportGaugesOfEveryNode() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long id = jdbc.queryForObject("""
                insert into import_jobs (dry_run, file_name, started_by, bytes_total, bytes_read, rows_read,
                    rows_imported, rows_failed) values (false, 'gauge-test.csv', 'admin', 1000, 250, 40, 38, 2)
                returning id""", Long.class);
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            // the gauges reuse one reading for 10 s: an earlier scrape may still be served for that long
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                String body = admin.get("/actuator/prometheus").body();
                return Pattern.compile("(?m)^hotline_import_running\\{[^}]*} 1\\.0$").matcher(body).find()
                        && Pattern.compile("(?m)^hotline_import_rows\\{[^}]*state=\"imported\"[^}]*} 38\\.0$")
                        .matcher(body).find()
                        && Pattern.compile("(?m)^hotline_import_progress\\{[^}]*} 0\\.25$").matcher(body).find();
            });
        } finally {
            jdbc.update("update import_jobs set status = 'done', finished_at = now() where id = ?", id);
        }
    }

    @Test
    void prometheusIsRefusedToAnAgentAndToAnonymousCallers() throws Exception {
        try (AgentClient agent = AgentClient.login(port, "agent1001", DemoUsers.AGENT_PASSWORD)) {
            assertThat(agent.get("/actuator/prometheus").statusCode()).isEqualTo(403);
            assertThat(agent.get("/actuator/metrics").statusCode()).isEqualTo(403);
        }
        HttpResponse<String> anonymous = anonymous("/actuator/prometheus");
        assertThat(anonymous.statusCode()).isIn(401, 302);
        assertThat(anonymous.body()).doesNotContain("hotline_");
    }

    @Test
    void livenessAndReadinessAnswerAnyoneWithoutDetails() throws Exception {
        HttpResponse<String> liveness = anonymous("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");

        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous("/actuator/health/readiness").statusCode() == 200);
        HttpResponse<String> readiness = anonymous("/actuator/health/readiness");
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(anonymous("/actuator/health").body()).doesNotContain("components", "details");
    }

    @Test
    void readinessShowsAdministratorsTheDatabaseWhileTheAmiConnectionIsInTheWholeHealth() {
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD);
             AgentClient agent = AgentClient.login(port, "agent1001", DemoUsers.AGENT_PASSWORD)) {
            String body = admin.get("/actuator/health/readiness").body();
            assertThat(body).contains("\"db\":{\"status\":\"UP\"", "\"readinessState\":").doesNotContain("\"ami\"");
            // the PBX away leaves the desks usable: AMI is in the whole health only
            assertThat(admin.get("/actuator/health").body()).contains("\"ami\":{\"status\":\"UP\"");
            // the SMSC binds too (issue #17): the demo's simulator is bound
            await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/actuator/health").body()
                    .contains("\"smsc\":{\"status\":\"UP\""));
            // an agent is logged in but no administrator: the status only
            assertThat(agent.get("/actuator/health/readiness").body()).doesNotContain("components");
        }
    }

    @Test
    void theApiPageIsForAdministratorsOnly() throws Exception {
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD);
             AgentClient agent = AgentClient.login(port, "agent1001", DemoUsers.AGENT_PASSWORD)) {
            HttpResponse<String> page = admin.get("/swagger-ui/index.html");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("<script>");
            assertThat(admin.get("/v3/api-docs/swagger-config").body()).contains("/v3/api-docs");
            assertThat(agent.get("/swagger-ui/index.html").statusCode()).isEqualTo(403);
        }
        assertThat(anonymous("/swagger-ui/index.html").statusCode()).isIn(401, 302);
    }

    @Test
    void theReadyBannerGivesTheServersAddressAndTheDemoLogins() {
        assertThat(banner.message()).startsWith("Hotline is ready: http://localhost:" + port + "/")
                .contains("agent1001 … agent1004, agent2001 … agent2003 / " + DemoUsers.AGENT_PASSWORD,
                        "supervisor / " + DemoUsers.SUPERVISOR_PASSWORD, "admin / " + DemoUsers.ADMIN_PASSWORD);
    }

    private static double popCount(String scrape) {
        Matcher m = POP_COUNT.matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private HttpResponse<String> anonymous(String path) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
