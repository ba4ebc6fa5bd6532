package org.hotline.server.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.ivr.IvrSms;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.SimulatedServerTest;
import org.hotline.sms.template.SmsSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SMS signature over REST (issue #13): the configured one until an administrator sets another, which every text
 * queued after the change carries without a restart; audited; bad signatures refused with a reason; supervisors read
 * it, only administrators change it.
 */
@SimulatedServerTest
class SmsSignatureApiIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    SmsSignature signature;

    @Autowired
    IvrSms ivrSms;

    @AfterEach
    void backToTheSetting() {
        signature.useSetting();
    }

    @Test
    void untilAnAdministratorSetsOneTheConfiguredSignatureIsShown() throws Exception {
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            HttpResponse<String> r = admin.get("/api/admin/sms/signature");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode s = JSON.readTree(r.body());
            assertThat(s.get("signature").asText()).isEqualTo("【国网供电服务】");
            assertThat(s.get("source").asText()).isEqualTo("setting");
            assertThat(s.get("setting").asText()).isEqualTo("【国网供电服务】");
            assertThat(s.get("updatedBy").isNull()).isTrue();
        }
    }

    @Test
    void anAdministratorSetsTheSignatureEveryTextQueuedAfterwardsCarriesItAndTheChangeIsAudited() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from audit_log", Long.class);
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD);
             AgentClient supervisor = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD)) {
            // a text before the change, so the old signature is in this node's cache
            send("signature-api-test:before:" + System.nanoTime());

            HttpResponse<String> set = admin.sendJson("PUT", "/api/admin/sms/signature",
                    "{\"signature\": \"【东城供水服务】\"}");
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            JsonNode s = JSON.readTree(set.body());
            assertThat(s.get("signature").asText()).isEqualTo("【东城供水服务】");
            assertThat(s.get("source").asText()).isEqualTo("administrator");
            assertThat(s.get("updatedBy").asText()).isEqualTo("admin");
            assertThat(s.get("setting").asText()).isEqualTo("【国网供电服务】");

            String key = "signature-api-test:after:" + System.nanoTime();
            send(key);
            assertThat(jdbc.queryForObject("select body from sms_messages where dedupe_key = ?", String.class, key))
                    .startsWith("【东城供水服务】您的报修已受理，工单号WO20911203-000001");

            HttpResponse<String> read = supervisor.get("/api/sms/signature");
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(JSON.readTree(read.body()).get("signature").asText()).isEqualTo("【东城供水服务】");
            assertThat(JSON.readTree(admin.get("/api/admin/sms/signature").body()).get("source").asText())
                    .isEqualTo("administrator");
        }
        List<Map<String, Object>> audit = jdbc.queryForList("select actor, action, detail ->> 'signature' as after, "
                + "detail ->> 'before' as before from audit_log where id > ? and target = 'sms:signature'", before);
        assertThat(audit).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("actor", "admin").containsEntry("action", "sms-signature-changed")
                .containsEntry("after", "【东城供水服务】").containsEntry("before", "【国网供电服务】"));
    }

    private void send(String key) {
        assertThat(ivrSms.send(new IvrSms.Request(key, "13800138000", IvrSms.Purpose.FAULT_REPORTED,
                Map.of("orderNo", "WO20911203-000001")))).isEqualTo(IvrSms.Outcome.QUEUED);
    }

    @Test
    void aBadSignatureIsRefusedWithA400ThatSaysWhatIsExpectedAndNothingChanges() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("{}", "signature: ''"),
                Map.entry("{\"signature\": \"国网供电服务\"}", "signature: '国网供电服务' (expected: 【】 around 2 to 20"),
                Map.entry("{\"signature\": \"【国】\"}", "signature: '【国】'"),
                Map.entry("{\"signature\": \"【" + "电".repeat(21) + "】\"}", "2 to 20 characters"),
                Map.entry("{\"signature\": \"【国网\\n供电】\"}", "on one line"),
                Map.entry("{\"signature\": \"【国网】供电\"}", "signature: '【国网】供电'"),
                Map.entry("{\"signature\": 5}", "signature: '5'"),
                Map.entry("{\"signature\": ", "bad request body"));
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            cases.forEach((body, reason) -> {
                HttpResponse<String> r = admin.sendJson("PUT", "/api/admin/sms/signature", body);
                assertThat(r.statusCode()).as(body + " " + r.body()).isEqualTo(400);
                assertThat(r.body()).as(body).contains(reason);
            });
        }
        assertThat(signature.current().fromSetting()).isTrue();
    }

    @Test
    void supervisorsReadTheSignatureOnlyAdministratorsChangeItAndAgentsSeeNeither() {
        try (AgentClient supervisor = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
             AgentClient agent = AgentClient.login(port, "agent1001", DemoUsers.AGENT_PASSWORD)) {
            assertThat(supervisor.get("/api/sms/signature").statusCode()).isEqualTo(200);
            assertThat(supervisor.get("/api/admin/sms/signature").statusCode()).isEqualTo(403);
            assertThat(supervisor.sendJson("PUT", "/api/admin/sms/signature", "{\"signature\": \"【班长改的】\"}")
                    .statusCode()).isEqualTo(403);
            assertThat(agent.get("/api/sms/signature").statusCode()).isEqualTo(403);
            assertThat(agent.get("/api/admin/sms/signature").statusCode()).isEqualTo(403);
            assertThat(agent.sendJson("PUT", "/api/admin/sms/signature", "{\"signature\": \"【坐席改的】\"}")
                    .statusCode()).isEqualTo(403);
        }
        assertThat(signature.current().fromSetting()).isTrue();
    }
}
