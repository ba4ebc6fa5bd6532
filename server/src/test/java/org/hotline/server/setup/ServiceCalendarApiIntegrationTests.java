package org.hotline.server.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hotline.cti.calendar.ServiceCalendar;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.ivr.IvrScript;
import org.hotline.ivr.scripts.HoursScript;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service calendar over REST (issue #14): administrators list a year, add, change and remove days, each change
 * audited; bad input is refused with a reason; the IVR's hours script sees a change on its next call.
 */
@SimulatedServerTest
class ServiceCalendarApiIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    ServiceCalendar calendar;

    @Autowired
    HoursScript hours;

    @Autowired
    List<IvrScript> scripts;

    @Test
    void theServerRunsTheHoursScriptOverThisCalendarAndTheMainMenu() {
        assertThat(scripts).extracting(IvrScript::name).contains("hours", "main-menu",
                "fault-report", "arrears");
        assertThat(hours.isOpen(LocalDateTime.of(2091, 6, 1, 3, 0))).as("24 hours by default").isTrue();
    }

    @Test
    void anAdministratorAddsChangesListsAndRemovesADayAndEveryChangeIsAudited() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            HttpResponse<String> added = admin.sendJson("PUT", "/api/admin/service-calendar/2091-01-29",
                    "{\"kind\":\"holiday\",\"name\":\" 春节 \"}");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            assertThat(JSON.readTree(added.body()).get("name").asText()).isEqualTo("春节");
            assertThat(hours.isOpen(LocalDateTime.of(2091, 1, 29, 12, 0))).as("the IVR sees it at once").isFalse();

            HttpResponse<String> changed = admin.sendJson("PUT", "/api/admin/service-calendar/2091-01-29",
                    "{\"kind\":\"special-hours\",\"name\":\"春节值班\",\"opensAt\":\"09:00\",\"closesAt\":\"01:30\"}");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(hours.isOpen(LocalDateTime.of(2091, 1, 29, 12, 0))).isTrue();
            assertThat(hours.isOpen(LocalDateTime.of(2091, 1, 30, 1, 0))).as("past midnight").isTrue();
            assertThat(hours.isOpen(LocalDateTime.of(2091, 1, 29, 8, 0))).isFalse();
            assertThat(admin.sendJson("PUT", "/api/admin/service-calendar/2091-02-03",
                    "{\"kind\":\"workday\",\"name\":\"调休上班\"}").statusCode()).isEqualTo(201);

            HttpResponse<String> year = admin.get("/api/admin/service-calendar?year=2091");
            assertThat(year.statusCode()).isEqualTo(200);
            JsonNode days = JSON.readTree(year.body()).get("days");
            assertThat(days).hasSize(2);
            assertThat(days.get(0).get("date").asText()).isEqualTo("2091-01-29");
            assertThat(days.get(0).get("kind").asText()).isEqualTo("special-hours");
            assertThat(days.get(0).get("opensAt").asText()).isEqualTo("09:00");
            assertThat(days.get(0).get("closesAt").asText()).isEqualTo("01:30");
            assertThat(days.get(1).get("kind").asText()).isEqualTo("workday");
            assertThat(days.get(1).get("opensAt").isNull()).isTrue();
            assertThat(JSON.readTree(admin.get("/api/admin/service-calendar?year=2090").body()).get("days")).isEmpty();

            assertThat(admin.sendJson("DELETE", "/api/admin/service-calendar/2091-01-29", "{}").statusCode())
                    .isEqualTo(200);
            HttpResponse<String> again = admin.sendJson("DELETE", "/api/admin/service-calendar/2091-01-29", "{}");
            assertThat(again.statusCode()).isEqualTo(404);
            assertThat(again.body()).contains("no exception on 2091-01-29");
            assertThat(calendar.find(LocalDate.of(2091, 1, 29))).isEmpty();
            assertThat(calendar.find(LocalDate.of(2091, 2, 3))).isPresent();
        }
        assertThat(jdbc.queryForList("select actor || ' ' || action from audit_log where target = 'calendar:2091-01-29'"
                + " order by id", String.class)).containsExactly("admin service-day-added", "admin service-day-changed",
                "admin service-day-removed");
        assertThat(jdbc.queryForObject("select detail ->> 'name' from audit_log where target = 'calendar:2091-01-29' "
                + "and action = 'service-day-changed'", String.class)).isEqualTo("春节值班");
        calendar.delete(LocalDate.of(2091, 2, 3));
    }

    @Test
    void badInputIsRefusedWithA400ThatNamesTheField() {
        Map<String, String[]> cases = Map.ofEntries(
                Map.entry("PUT /api/admin/service-calendar/2091-13-01", new String[] {
                    "{\"kind\":\"holiday\",\"name\":\"x\"}", "date: '2091-13-01'"}),
                Map.entry("PUT /api/admin/service-calendar/tomorrow", new String[] {
                    "{\"kind\":\"holiday\",\"name\":\"x\"}", "date: 'tomorrow'"}),
                Map.entry("PUT /api/admin/service-calendar/1999-01-01", new String[] {
                    "{\"kind\":\"holiday\",\"name\":\"x\"}", "date: 1999-01-01"}),
                Map.entry("PUT /api/admin/service-calendar/2091-03-01", new String[] {
                    "{\"kind\":\"closed\",\"name\":\"x\"}", "kind: 'closed'"}),
                Map.entry("PUT /api/admin/service-calendar/2091-03-02", new String[] {
                    "{\"kind\":\"holiday\",\"name\":\"   \"}", "name: ''"}),
                Map.entry("PUT /api/admin/service-calendar/2091-03-03", new String[] {
                    "{\"kind\":\"holiday\",\"name\":\"" + "长".repeat(101) + "\"}", "name: '"}),
                Map.entry("PUT /api/admin/service-calendar/2091-03-04", new String[] {
                    "{\"kind\":\"special-hours\",\"name\":\"x\",\"opensAt\":\"09:00\"}", "opensAt, closesAt:"}),
                Map.entry("PUT /api/admin/service-calendar/2091-03-05", new String[] {
                    "{\"kind\":\"special-hours\",\"name\":\"x\",\"opensAt\":\"25:00\",\"closesAt\":\"10:00\"}",
                    "opensAt: '25:00'"}),
                Map.entry("PUT /api/admin/service-calendar/2091-03-06", new String[] {
                    "{\"kind\":\"holiday\",\"name\":\"x\",\"opensAt\":\"09:00\",\"closesAt\":\"10:00\"}",
                    "times are only for special-hours"}),
                Map.entry("PUT /api/admin/service-calendar/2091-03-07", new String[] {
                    "{\"kind\":\"special-hours\",\"name\":\"x\",\"opensAt\":\"09:00\",\"closesAt\":\"09:00\"}",
                    "closesAt: 09:00"}),
                Map.entry("PUT /api/admin/service-calendar/2091-03-08", new String[] {"{\"kind\":", "unreadable body"}),
                Map.entry("PUT /api/admin/service-calendar/2091-03-09", new String[] {"{}", "kind: 'null'"}),
                Map.entry("DELETE /api/admin/service-calendar/03-09", new String[] {"{}", "date: '03-09'"}),
                Map.entry("GET /api/admin/service-calendar?year=1999", new String[] {null, "year: 1999"}),
                Map.entry("GET /api/admin/service-calendar?year=soon", new String[] {null, "soon"}));
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            cases.forEach((call, bodyAndReason) -> {
                String method = call.substring(0, call.indexOf(' '));
                String path = call.substring(method.length() + 1);
                HttpResponse<String> r = method.equals("GET") ? admin.get(path)
                        : admin.sendJson(method, path, bodyAndReason[0]);
                assertThat(r.statusCode()).as(call + " " + r.body()).isEqualTo(400);
                assertThat(r.body()).as(call).contains(bodyAndReason[1]);
            });
        }
        assertThat(calendar.inYear(2091)).noneMatch(d -> d.date().getMonthValue() == 3);
    }

    @Test
    void agentsAndSupervisorsCannotReadOrChangeTheCalendar() {
        for (String[] user : new String[][] {{"agent1001", DemoUsers.AGENT_PASSWORD},
            {"supervisor", DemoUsers.SUPERVISOR_PASSWORD}}) {
            try (AgentClient c = AgentClient.login(port, user[0], user[1])) {
                assertThat(c.get("/api/admin/service-calendar?year=2091").statusCode()).isEqualTo(403);
                assertThat(c.sendJson("PUT", "/api/admin/service-calendar/2091-04-01",
                        "{\"kind\":\"holiday\",\"name\":\"x\"}").statusCode()).isEqualTo(403);
                assertThat(c.sendJson("DELETE", "/api/admin/service-calendar/2091-04-01", "{}").statusCode())
                        .isEqualTo(403);
                assertThat(c.get("/admin/service-calendar.html").statusCode()).isEqualTo(403);
            }
        }
        assertThat(calendar.find(LocalDate.of(2091, 4, 1))).isEmpty();
    }
}
