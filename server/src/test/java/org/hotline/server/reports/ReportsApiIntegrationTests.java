package org.hotline.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.reports.internal.CallRollups;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reports' web API on the running server: JSON with the rule stated, CSV and XLSX whose text cannot run as a
 * formula, clear 400s for bad requests, and a queue_log import that takes a whole file or nothing.
 */
@SimulatedServerTest
class ReportsApiIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A queue whose display name a spreadsheet would run as a formula. */
    private static final String FORMULA_NAME = "=HYPERLINK(\"http://x\")";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    CallRollups rollups;

    JdbcTemplate jdbc;

    @BeforeEach
    void aQueueWithTwoCallsOnTheFirstOfNovember() {
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into queues (name, display_name, service_level_seconds) values ('rapi', ?, 20)"
                + " on conflict (name) do nothing", FORMULA_NAME);
        Instant at = Instant.parse("2026-11-01T02:00:00Z");
        for (String[] c : new String[][] {{"rapi.1", "answered", "10"}, {"rapi.2", "abandoned", "30"}}) {
            Instant left = at.plusSeconds(Long.parseLong(c[2]));
            jdbc.update("""
                    insert into calls (call_id, direction, queue, started_at, queued_at, answered_at, ended_at,
                                       talk_seconds, hold_seconds, outcome)
                    values (?, 'inbound', 'rapi', ?, ?, ?, ?, 60, 0, ?) on conflict (call_id) do nothing""",
                    c[0], Timestamp.from(at), Timestamp.from(at),
                    c[1].equals("answered") ? Timestamp.from(left) : null, Timestamp.from(left.plusSeconds(60)), c[1]);
        }
        rollups.refresh();
    }

    @Test
    void theQueueReportStatesItsRuleAndCountsTheCalls() throws Exception {
        try (AgentClient supervisor = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD)) {
            HttpResponse<String> r = supervisor.get("/api/reports/queues?from=2026-11-01&to=2026-11-01&queue=rapi"
                    + "&rule=inclusive");
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode report = JSON.readTree(r.body());
            assertThat(report.get("serviceLevelFormulaZh").asText()).isEqualTo("(T 内接听 + T 内放弃) ÷ (接听 + 放弃)");
            JsonNode day = report.get("rows").get(0);
            assertThat(day.get("offered").asInt()).isEqualTo(2);
            assertThat(day.get("answered").asInt()).isEqualTo(1);
            assertThat(day.get("abandoned").asInt()).isEqualTo(1);
            assertThat(day.get("serviceLevel").asDouble()).isEqualTo(0.5);
        }
    }

    @Test
    void exportsNeutraliseTextThatASpreadsheetWouldRun() throws Exception {
        try (AgentClient supervisor = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD)) {
            HttpResponse<String> csv = supervisor.get("/api/reports/queues?from=2026-11-01&to=2026-11-01&queue=rapi"
                    + "&format=csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(csv.body()).contains("时段,队列,呼入").contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK");

            HttpResponse<byte[]> xlsx = supervisor.getBytes(
                    "/api/reports/queues?from=2026-11-01&to=2026-11-01&queue=rapi&format=xlsx&lang=en");
            assertThat(xlsx.statusCode()).isEqualTo(200);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Offered");
                assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).startsWith("'=HYPERLINK(");
                assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(2.0);
            }
        }
    }

    @Test
    void badRequestsGetAClearFourHundred() throws Exception {
        try (AgentClient supervisor = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD)) {
            assertThat(supervisor.get("/api/reports/queues?from=2026-11-02&to=2026-11-01")).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(400);
                assertThat(r.body()).contains("expected: from <= to").contains("\"code\":\"range\"");
            });
            assertThat(supervisor.get("/api/reports/queues?from=2016-01-01&to=2026-11-01&interval=15m").statusCode())
                    .isEqualTo(400);
            assertThat(supervisor.get("/api/reports/queues?from=2026-11-01&to=2026-11-01&zone=Nowhere/Land").body())
                    .contains("zone: 'Nowhere/Land'");
            assertThat(supervisor.get("/api/reports/queues?to=2026-11-01").body()).contains("from: missing");
            assertThat(supervisor.get("/api/reports/agents?from=2026-11-01&to=2026-11-01&format=pdf").statusCode())
                    .isEqualTo(400);
            assertThat(supervisor.get("/api/reports/queues?from=2026-11-01&to=2026-11-01&queue=nosuchqueue")
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aQueueLogFileIsImportedWholeOrNotAtAllAndExportedBack() throws Exception {
        String good = """
                1764550800|imp.1|rapi|NONE|ENTERQUEUE||13911112222|1
                1764550805|imp.1|rapi|Agent 1001|CONNECT|5|imp.1b|2
                1764550865|imp.1|rapi|Agent 1001|COMPLETEAGENT|5|60|1
                """;
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            HttpResponse<String> refused = upload(admin, good + "not a queue_log line\n");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("line 4:").contains("nothing was imported");
            assertThat(jdbc.queryForObject("select count(*) from calls where call_id = 'imp.1'", Integer.class))
                    .isZero();

            HttpResponse<String> done = upload(admin, good);
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(done.body()).get("added").asInt()).isEqualTo(1);
            assertThat(jdbc.queryForMap("select outcome, source, agent_interface from calls where call_id = 'imp.1'"))
                    .containsEntry("outcome", "answered").containsEntry("source", "import")
                    .containsEntry("agent_interface", "Agent 1001");
            assertThat(JSON.readTree(upload(admin, good).body()).get("added").asInt()).as("imported once").isZero();

            HttpResponse<String> exported = admin.get("/api/reports/queue-log?from=2025-12-01&to=2025-12-01");
            assertThat(exported.statusCode()).isEqualTo(200);
            assertThat(exported.body()).contains("|imp.1|rapi|NONE|ENTERQUEUE||13911112222|1")
                    .contains("|imp.1|rapi|Agent 1001|COMPLETEAGENT|5|60|1");
        }
    }

    private static HttpResponse<String> upload(AgentClient client, String content) {
        String boundary = "----hotline" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"queue_log\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return client.post("/api/admin/reports/queue-log", "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
}
