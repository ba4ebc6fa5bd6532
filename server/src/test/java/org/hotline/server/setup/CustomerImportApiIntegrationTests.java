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
    void aSupervisorMayNotImport() {
        try (AgentClient supervisor = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD)) {
            assertThat(upload(supervisor, "?dryRun=true", file("TS")).statusCode()).isEqualTo(403);
            assertThat(supervisor.get("/api/admin/imports/customers/template.csv").statusCode()).isEqualTo(403);
        }
    }
}
