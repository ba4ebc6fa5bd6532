package org.hotline.server.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.hotline.cti.demo.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.hotline.server.testing.SimulatedServerTest;

/** The outage and lookup REST contract of issue #4 over HTTP, with the roles of each endpoint. */
// same properties as ScreenPopEndToEndIntegrationTests, so both classes share one application context
@SimulatedServerTest
class OutageApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    String line;
    String area;

    @BeforeEach
    void pickALine() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        line = jdbc.queryForObject("select code from feeder_lines order by code desc limit 1", String.class);
        area = jdbc.queryForObject("""
                select ta.code from transformer_areas ta join feeder_lines l on l.id = ta.feeder_line_id
                where l.code = ? order by ta.code limit 1""", String.class, line);
    }

    @Test
    void aSupervisorDeclaresExtendsAndRestoresAnOutage() {
        ApiSession sup = ApiSession.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        Instant start = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofHours(3));

        ApiSession.Answer created = sup.post("/api/outages", "application/json", """
                {"kind":"unplanned","lineCode":"%s","reason":"10kV线路故障","startsAt":"%s","expectedEndAt":"%s"}"""
                .formatted(line, start, end));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode o = created.json();
        assertThat(o.get("kind").asText()).isEqualTo("unplanned");
        assertThat(o.get("lineCode").asText()).isEqualTo(line);
        assertThat(o.get("areaCode").isNull()).isTrue();
        assertThat(o.get("active").asBoolean()).isTrue();
        assertThat(o.get("restoreKind").isNull()).isTrue();
        assertThat(Instant.parse(o.get("expectedEndAt").asText())).isEqualTo(end);
        long id = o.get("id").asLong();

        assertThat(sup.get("/api/outages?state=current").json()).anySatisfy(x -> assertThat(x.get("id").asLong()).isEqualTo(id));
        JsonNode tree = sup.get("/api/lines/" + line + "/tree").json();
        assertThat(tree.get("outages")).hasSize(1);
        assertThat(tree.get("areas").get(0).get("outages").get(0).get("id").asLong()).isEqualTo(id);
        JsonNode board = sup.get("/api/outages/board").json();
        assertThat(board.get("outages")).anySatisfy(x -> assertThat(x.get("id").asLong()).isEqualTo(id));
        assertThat(board.has("callsFromAffectedAreasLastHour")).isTrue();

        ApiSession.Answer extended = sup.post("/api/outages/" + id + "/extend", "application/json",
                "{\"expectedEndAt\":\"" + end.plus(Duration.ofHours(1)) + "\"}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(Instant.parse(extended.json().get("expectedEndAt").asText())).isEqualTo(end.plus(Duration.ofHours(1)));

        ApiSession.Answer restored = sup.post("/api/outages/" + id + "/restore", "application/json", "");
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().get("restoredBy").asText()).isEqualTo("supervisor");
        assertThat(restored.json().get("restoreKind").asText()).isEqualTo("manual");
        assertThat(restored.json().get("active").asBoolean()).isFalse();

        ApiSession.Answer again = sup.post("/api/outages/" + id + "/restore", "application/json", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("message").asText()).contains("was restored");
        assertThat(sup.post("/api/outages/99999999/restore", "application/json", "").status()).isEqualTo(404);
    }

    @Test
    void badDeclarationsAreRefusedWithAMessage() {
        ApiSession sup = ApiSession.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        Instant start = Instant.now().plus(Duration.ofHours(2));

        ApiSession.Answer endBeforeStart = sup.post("/api/outages", "application/json", """
                {"kind":"planned","areaCode":"%s","reason":"检修","startsAt":"%s","expectedEndAt":"%s"}"""
                .formatted(area, start, start.minus(Duration.ofHours(1))));
        ApiSession.Answer unknownLine = sup.post("/api/outages", "application/json", """
                {"kind":"planned","lineCode":"NO-SUCH","reason":"检修","startsAt":"%s","expectedEndAt":"%s"}"""
                .formatted(start, start.plus(Duration.ofHours(1))));
        ApiSession.Answer badKind = sup.post("/api/outages", "application/json", """
                {"kind":"sometimes","lineCode":"%s","reason":"检修","startsAt":"%s","expectedEndAt":"%s"}"""
                .formatted(line, start, start.plus(Duration.ofHours(1))));
        ApiSession.Answer badTime = sup.post("/api/outages", "application/json", "{\"startsAt\":\"tomorrow\"}");

        assertThat(endBeforeStart.status()).isEqualTo(400);
        assertThat(endBeforeStart.json().get("message").asText()).contains("is not after startsAt");
        assertThat(unknownLine.status()).isEqualTo(400);
        assertThat(unknownLine.json().get("message").asText()).isEqualTo("lineCode: unknown line NO-SUCH");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(sup.get("/api/outages?state=sideways").status()).isEqualTo(400);
    }

    @Test
    void anAgentLooksUpButCannotDeclareOrImport() {
        ApiSession agent = ApiSession.login(port, "agent1001", DemoUsers.AGENT_PASSWORD);

        ApiSession.Answer declare = agent.post("/api/outages", "application/json", """
                {"kind":"unplanned","lineCode":"%s","reason":"x","startsAt":"%s","expectedEndAt":"%s"}"""
                .formatted(line, Instant.now(), Instant.now().plus(Duration.ofHours(1))));
        assertThat(declare.status()).isEqualTo(403);
        assertThat(agent.post("/api/network/import", "text/csv", "type,code,name,parent_code\n").status())
                .isEqualTo(403);

        ApiSession.Answer found = agent.get("/api/lookup?q=" + area + "&limit=5");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().get(0).get("type").asText()).isEqualTo("area");
        assertThat(found.json().get(0).get("code").asText()).isEqualTo(area);
        assertThat(found.json().get(0).has("repairCentre")).isTrue();
        assertThat(agent.get("/api/lookup?q=%F0%9F%98%80%21%21").json()).isEmpty();
        assertThat(agent.get("/api/lookup?q=" + "j".repeat(500)).status()).isEqualTo(400);
        assertThat(agent.get("/api/lines/" + line + "/tree").status()).isEqualTo(200);
        assertThat(agent.get("/api/lines/NO-SUCH/tree").status()).isEqualTo(404);
    }

    @Test
    void anAdminImportsAreasAndSeesRowErrors() {
        ApiSession admin = ApiSession.login(port, "admin", DemoUsers.ADMIN_PASSWORD);

        ApiSession.Answer bad = admin.post("/api/network/areas/import", "text/csv", """
                area_code,area_name,line_code,repair_centre_code,repair_centre_name,repair_centre_phone,responsible_person,responsible_phone
                NEW-AREA-1,新台区,NO-SUCH-LINE,,,,,
                """);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(bad.json().get("errors").get(0).get("column").asText()).isEqualTo("line_code");
        assertThat(bad.json().get("errors").get(0).get("message").asText()).isEqualTo("unknown line code NO-SUCH-LINE");

        ApiSession.Answer good = admin.post("/api/network/areas/import", "text/csv", """
                area_code,area_name,line_code,repair_centre_code,repair_centre_name,repair_centre_phone,responsible_person,responsible_phone
                %s,,,RC-API,接口测试抢修中心,95598,王工,13800001234
                """.formatted(area));
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.json().get("imported").get("areas").asInt()).isEqualTo(1);
        ApiSession.Answer edit = admin.put("/api/network/areas/" + area,
                "{\"name\":\"改名台区\",\"repairCentreCode\":\"RC-API\",\"responsiblePerson\":\"赵工\",\"responsiblePhone\":\"13800004321\"}");
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        JsonNode hit = admin.get("/api/lookup?q=" + area).json().get(0);
        assertThat(hit.get("name").asText()).isEqualTo("改名台区");
        assertThat(hit.get("responsiblePerson").asText()).isEqualTo("赵工");
        assertThat(hit.get("repairCentre").get("code").asText()).isEqualTo("RC-API");
    }

    @Test
    void thePublicFeedNeedsNoLoginAndHoldsNoPersonalData() {
        ApiSession sup = ApiSession.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(sup.post("/api/outages", "application/json", """
                {"kind":"planned","areaCode":"%s","reason":"计划检修","startsAt":"%s","expectedEndAt":"%s"}"""
                .formatted(area, start, start.plus(Duration.ofHours(4)))).status()).isEqualTo(201);

        ApiSession.Answer feed = ApiSession.anonymous(port).get("/public/outages.json");

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.raw().headers().firstValue("Cache-Control").orElse("")).contains("max-age=60");
        assertThat(feed.json().get("outages")).anySatisfy(x -> {
            assertThat(x.get("status").asText()).isEqualTo("planned");
            assertThat(x.get("reason").asText()).isEqualTo("计划检修");
        });
        assertThat(feed.body()).doesNotContain("supervisor").doesNotContain("createdBy").doesNotContain("customer");
        assertThat(ApiSession.anonymous(port).get("/api/outages").status()).isNotEqualTo(200);
    }
}
