package org.hotline.server.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.sql.DataSource;
import org.hotline.cti.customerimport.CustomerImportFormat;
import org.hotline.cti.customerimport.ImportJobs;
import org.hotline.cti.customerimport.ImportLock;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The customer import over REST: administrators only, a dry run writes nothing, the job records the progress. */
@SimulatedServerTest
class CustomerImportApiIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    private String file(String prefix) {
        return String.join(",", CustomerImportFormat.COLUMNS) + "\n"
                + prefix + "1,测试甲,residential,杭州市测试路1号," + prefix + "A1,+86 138-0013-9001,,,,,,,2026-10,12.30,2026-11-01\n"
                + prefix + "2,测试乙,commercial,杭州市测试路2号," + prefix + "A2,0571-87654321,,,,,,,,,\n"
                + prefix + "3,测试丙,residential,杭州市测试路3号," + prefix + "A3,not-a-number,,,,,,,,,\n";
    }

    private static HttpResponse<String> upload(AgentClient client, String query, String csv) {
        return client.post("/api/admin/imports/customers" + query, "text/csv; charset=utf-8",
                HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
    }

    @Test
    void aDryRunListsTheBadRowsAndWritesNothingThenTheImportWritesTheGoodOnes() throws Exception {
        String prefix = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            HttpResponse<String> dry = upload(admin, "?dryRun=true&fileName=t.csv", file(prefix));
            assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
            JsonNode d = JSON.readTree(dry.body());
            assertThat(d.get("dryRun").asBoolean()).isTrue();
            assertThat(d.get("rowsImported").asLong()).isEqualTo(2);
            assertThat(d.get("rowsFailed").asLong()).isEqualTo(1);
            assertThat(d.get("badRows").get(0).get("line").asLong()).isEqualTo(4);
            assertThat(d.get("badRows").get(0).get("column").asText()).isEqualTo("phone1");
            assertThat(d.get("badRows").get(0).get("reason").asText()).contains("not-a-number");
            assertThat(jdbc.queryForObject("select count(*) from customers where customer_no like ?", Integer.class,
                    prefix + "%")).isZero();

            HttpResponse<String> real = upload(admin, "", file(prefix));
            assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
            JsonNode r = JSON.readTree(real.body());
            assertThat(r.get("status").asText()).isEqualTo("done");
            assertThat(r.get("rowsImported").asLong()).isEqualTo(2);
            assertThat(jdbc.queryForList("""
                    select p.normalized from customer_phones p join customers c on c.id = p.customer_id
                    where c.customer_no like ? order by c.customer_no""", String.class, prefix + "%"))
                    .containsExactly("13800139001", "057187654321");

            HttpResponse<String> job = admin.get("/api/admin/imports/" + r.get("id").asLong());
            assertThat(job.statusCode()).isEqualTo(200);
            JsonNode j = JSON.readTree(job.body());
            assertThat(j.get("rowsRead").asLong()).isEqualTo(3);
            assertThat(j.get("rowsFailed").asLong()).isEqualTo(1);
            assertThat(j.get("bytesRead").asLong()).isEqualTo(file(prefix).getBytes(StandardCharsets.UTF_8).length);
            assertThat(admin.get("/api/admin/imports").body()).contains("\"id\":" + r.get("id").asLong());
        }
    }

    @Test
    void anImportWhileAnotherRunsIsRefusedWithA409AndADryRunStillWorks() throws Exception {
        String prefix = "L" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // another node's import holds the lock
        ImportLock other = new ImportJobs(dataSource).lockImports().orElseThrow();
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            HttpResponse<String> refused = upload(admin, "", file(prefix));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(JSON.readTree(refused.body()).get("message").asText()).contains("另一个导入正在进行");
            assertThat(upload(admin, "?dryRun=true", file(prefix)).statusCode()).isEqualTo(200);
            other.close();
            HttpResponse<String> after = upload(admin, "", file(prefix));
            assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
            assertThat(new ImportJobs(dataSource).lockImports()).as("released when the import ended")
                    .hasValueSatisfying(ImportLock::close);
        } finally {
            other.close();
        }
    }

    @Test
    void aFileWithAWrongHeaderIsA400WithTheReason() throws Exception {
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            HttpResponse<String> r = upload(admin, "", "customer_no,name,fax\nC1,x,y\n");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("message").asText()).contains("“fax”");
            assertThat(admin.get("/api/admin/imports/999999999").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theTemplateIsADownloadOfTheHeaderAndExamples() {
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            HttpResponse<String> r = admin.get("/api/admin/imports/customers/template.csv");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
            assertThat(r.body()).contains(String.join(",", CustomerImportFormat.COLUMNS));
        }
    }

    @Test
    void aBillingSystemImportsWithItsOwnKeyUntilAnAdministratorDisablesIt() throws Exception {
        String prefix = "K" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String name = "计费系统 " + prefix;
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            HttpResponse<String> issued = admin.postJson("/api/admin/imports/api-keys", "{\"name\":\"" + name + "\"}");
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            JsonNode key = JSON.readTree(issued.body());
            assertThat(key.get("key").asText()).startsWith("hik_");
            assertThat(admin.get("/api/admin/imports/api-keys").body()).contains(name)
                    .doesNotContain(key.get("key").asText());
            assertThat(admin.postJson("/api/admin/imports/api-keys", "{\"name\":\"" + name + "\"}").statusCode())
                    .as("one key per name").isEqualTo(409);

            HttpResponse<String> dry = byKey(key.get("key").asText(), "?dryRun=true", file(prefix));
            assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
            assertThat(JSON.readTree(dry.body()).get("rowsFailed").asLong()).isEqualTo(1);
            HttpResponse<String> real = byKey(key.get("key").asText(), "?fileName=nightly.csv", file(prefix));
            assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
            long job = JSON.readTree(real.body()).get("id").asLong();
            assertThat(jdbc.queryForObject("select count(*) from customers where customer_no like ?", Integer.class,
                    prefix + "%")).isEqualTo(2);
            assertThat(jdbc.queryForObject("select actor from audit_log where target = ?", String.class,
                    "import:" + job)).isEqualTo("api:" + name);
            HttpResponse<String> polled = HTTP.send(HttpRequest.newBuilder(uri("/api/import/v1/jobs/" + job))
                    .header("Authorization", "Bearer " + key.get("key").asText()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(polled.body()).get("status").asText()).isEqualTo("done");

            assertThat(admin.postJson("/api/admin/imports/api-keys/" + key.get("id").asLong() + "/disable", "{}")
                    .statusCode()).isEqualTo(200);
            HttpResponse<String> after = byKey(key.get("key").asText(), "?dryRun=true", file(prefix));
            assertThat(after.statusCode()).isEqualTo(401);
            assertThat(after.body()).contains("disabled");
            assertThat(byKey("hik_wrong", "?dryRun=true", file(prefix)).statusCode()).isEqualTo(401);
            assertThat(admin.post("/api/import/v1/customers?dryRun=true", "text/csv",
                    HttpRequest.BodyPublishers.ofString(file(prefix))).statusCode())
                    .as("an administrator's session is no key").isEqualTo(401);
        }
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    private java.net.URI uri(String path) {
        return java.net.URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> byKey(String key, String query, String csv) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/import/v1/customers" + query))
                .header("Authorization", "Bearer " + key).header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anXlsxWorkbookUploadedByAnAdministratorImportsItsFirstSheet() throws Exception {
        String prefix = "X" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet();
            String[] lines = file(prefix).split("\n");
            for (int r = 0; r < lines.length; r++) {
                String[] cells = lines[r].split(",", -1);
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            book.write(xlsx);
        }
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            HttpResponse<String> r = admin.post("/api/admin/imports/customers?fileName=k.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    HttpRequest.BodyPublishers.ofByteArray(xlsx.toByteArray()));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode j = JSON.readTree(r.body());
            assertThat(j.get("rowsImported").asLong()).isEqualTo(2);
            assertThat(j.get("badRows").get(0).get("line").asLong()).isEqualTo(4);
            assertThat(j.get("bytesRead").asLong()).isEqualTo(xlsx.size());
        }
    }

    @Test
    void aSupervisorMayNotImport() {
        try (AgentClient supervisor = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD)) {
            assertThat(upload(supervisor, "?dryRun=true", file("TS")).statusCode()).isEqualTo(403);
            assertThat(supervisor.get("/api/admin/imports/customers/template.csv").statusCode()).isEqualTo(403);
        }
    }
}
