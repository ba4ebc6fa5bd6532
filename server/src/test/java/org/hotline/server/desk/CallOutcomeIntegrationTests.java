package org.hotline.server.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.DeskRulesStore;
import org.hotline.cti.presence.DeskState;
import org.hotline.cti.presence.Presence;
import org.hotline.pbxsim.CallHandle;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.testing.ReadyDesks;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Call outcomes on the whole server (ADR 0036): administrators manage the list and the queues that require one,
 * the agent records one for the own call only, the desk refuses to end a wrap-up without it where required, a
 * wrap-up that runs out is recorded as none chosen, and the report counts both.
 */
@SimulatedServerTest
class CallOutcomeIntegrationTests {

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
    DeskRulesStore rules;

    @Autowired
    DataSource dataSource;

    private final List<CallHandle> calls = new ArrayList<>();

    @BeforeEach
    void amiIsConnected() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
        ReadyDesks.all(presence, agentDirectory);
    }

    @AfterEach
    void putTheRulesBack() {
        calls.forEach(CallHandle::hangup);
        // other classes share the server: no queue of theirs may require an outcome
        rules.setDispositionRequired("hotline", false);
        rules.setDispositionRequired("gas", false);
        rules.setWrapUp("gas", null, null);
        ReadyDesks.all(presence, agentDirectory);
    }

    private DeskHttp login(String username, String password) {
        return DeskHttp.login(port, username, password);
    }

    private void outcomes(DeskHttp admin) {
        assertThat(admin.put("/api/admin/outcomes/it-solved", Map.of("zh", "已解决", "en", "Solved",
                "queues", List.of("hotline", "gas"), "position", 1)).status()).isEqualTo(200);
        assertThat(admin.put("/api/admin/outcomes/it-old", Map.of("zh", "旧结果", "en", "Old outcome",
                "active", false)).status()).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsManageOutcomesAndBadInputIsA400() {
        DeskHttp admin = login("admin", DemoUsers.ADMIN_PASSWORD);
        DeskHttp agent = login("agent1002", DemoUsers.AGENT_PASSWORD);
        outcomes(admin);

        assertThat(agent.put("/api/admin/outcomes/it-mine", Map.of("zh", "我的")).status()).isEqualTo(403);
        assertThat(agent.put("/api/admin/queues/hotline/outcome-required", Map.of("required", true)).status())
                .isEqualTo(403);
        DeskHttp.Answer badCode = admin.put("/api/admin/outcomes/NOT%20OK", Map.of("zh", "坏"));
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.message()).startsWith("code:");
        assertThat(admin.put("/api/admin/outcomes/none", Map.of("zh", "无")).status()).isEqualTo(400);
        assertThat(admin.put("/api/admin/outcomes/it-x", Map.of("zh", "某", "queues", List.of("no-such-queue")))
                .message()).contains("no-such-queue");
        assertThat(admin.put("/api/admin/queues/no-such-queue/outcome-required", Map.of("required", true))
                .status()).isEqualTo(404);
        JsonNode list = admin.get("/api/admin/outcomes").body();
        assertThat(list.get("outcomes")).anySatisfy(o -> {
            assertThat(o.get("code").asText()).isEqualTo("it-old");
            assertThat(o.get("active").asBoolean()).isFalse();
        });
        assertThat(list.get("queues")).anySatisfy(q -> assertThat(q.get("name").asText()).isEqualTo("hotline"));
    }

    @Test
    void whereTheQueueRequiresAnOutcomeTheWrapUpEndsOnlyWithOneOfTheAgentsOwnCall() {
        DeskHttp admin = login("admin", DemoUsers.ADMIN_PASSWORD);
        outcomes(admin);
        assertThat(admin.put("/api/admin/queues/hotline/outcome-required", Map.of("required", true)).status())
                .isEqualTo(200);
        DeskHttp agent = login("agent1002", DemoUsers.AGENT_PASSWORD);
        DeskHttp other = login("agent1001", DemoUsers.AGENT_PASSWORD);
        DeskHttp dispatcher = login("dispatcher", DemoUsers.DISPATCHER_PASSWORD);
        agent.post("/api/control/login", Map.of());
        CallHandle call = place(CallSpec.of("13800138000", "hotline").withOutcome(new Outcome.RingUntilTold("1002")));
        call.ringing().join();
        call.answer();
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent1002").state() == DeskState.TALKING);
        assertThat(agent.get("/api/control/outcomes").body()).anySatisfy(o ->
                assertThat(o.get("code").asText()).isEqualTo("it-solved"));
        call.hangup();
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent1002").state() == DeskState.WRAP_UP);

        DeskHttp.Answer early = agent.post("/api/control/wrapup/finish", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("code").asText()).isEqualTo("outcome-required");
        assertThat(agent.post("/api/control/ready", Map.of()).body().get("code").asText())
                .isEqualTo("outcome-required");
        assertThat(agent.post("/api/control/outcome", Map.of("code", "it-old")).body().get("code").asText())
                .isEqualTo("unknown-outcome");
        // another agent has no call of theirs to record for; a dispatcher has no desk at all
        assertThat(other.post("/api/control/outcome", Map.of("code", "it-solved")).status()).isEqualTo(409);
        assertThat(dispatcher.post("/api/control/outcome", Map.of("code", "it-solved")).status()).isEqualTo(403);
        assertThat(presence.status("agent1002").disposition()).isNull();

        DeskHttp.Answer chosen = agent.post("/api/control/outcome", Map.of("code", "it-solved"));
        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.body().get("outcome").asText()).isEqualTo("it-solved");
        assertThat(agent.post("/api/control/wrapup/finish", Map.of()).status()).isEqualTo(200);

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList(
                "select code from call_dispositions where call_id = ?", String.class, call.linkedid()),
                codes -> codes.equals(List.of("it-solved")));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList(
                "select disposition from calls where call_id = ?", String.class, call.linkedid()),
                codes -> codes.equals(List.of("it-solved")));
    }

    @Test
    void aWrapUpThatRunsOutIsRecordedAsNoneChosenAndTheReportCountsIt() {
        DeskHttp admin = login("admin", DemoUsers.ADMIN_PASSWORD);
        outcomes(admin);
        rules.setWrapUp("gas", 2, 0);
        assertThat(admin.put("/api/admin/queues/gas/outcome-required", Map.of("required", true)).status())
                .isEqualTo(200);
        DeskHttp agent = login("agent2002", DemoUsers.AGENT_PASSWORD);
        agent.post("/api/control/login", Map.of());
        CallHandle call = place(CallSpec.of("13800138001", "gas").withOutcome(new Outcome.RingUntilTold("2002")));
        call.ringing().join();
        call.answer();
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent2002").state() == DeskState.TALKING);
        call.hangup();
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent2002").state() == DeskState.WRAP_UP);
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent2002").state() == DeskState.READY);

        DeskHttp supervisor = login("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        JsonNode row = await().atMost(Duration.ofSeconds(15)).until(() -> none(supervisor.get(
                "/api/reports/outcomes?from=" + today + "&to=" + tomorrow + "&queue=gas").body()), r -> r != null);
        assertThat(row.get("calls").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(row.get("zh").asText()).isEqualTo("未选择");
        assertThat(row.get("en").asText()).isEqualTo("None chosen");
        assertThat(login("agent2001", DemoUsers.AGENT_PASSWORD).get("/api/reports/outcomes?from=" + today + "&to="
                + today).status()).isEqualTo(403);
    }

    private static JsonNode none(JsonNode rows) {
        for (JsonNode r : rows) {
            if ("none".equals(r.get("code").asText()) && r.get("agentInterface").asText().contains("2002")) {
                return r;
            }
        }
        return null;
    }

    private CallHandle place(CallSpec spec) {
        CallHandle call = servers.simulator().placeCall(spec.withPatience(Duration.ofMinutes(30)));
        calls.add(call);
        return call;
    }
}
