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
 * The service calendar over REST (issues #14 and #13): administrators list a year, add, change and remove days, and
 * save the weekly hours, each change audited; bad input is refused with a reason; the IVR's hours script sees a
 * change on its next call.
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

    // Monday to Friday 08:30–17:30, Saturday 09:00–12:00, Sunday closed: a water company's week
    private static final String WATER_WEEK = "{\"days\": ["
            + "{\"day\": \"MONDAY\", \"open\": true, \"opensAt\": \"08:30\", \"closesAt\": \"17:30\"},"
            + "{\"day\": \"TUESDAY\", \"open\": true, \"opensAt\": \"08:30\", \"closesAt\": \"17:30\"},"
            + "{\"day\": \"WEDNESDAY\", \"open\": true, \"opensAt\": \"08:30\", \"closesAt\": \"17:30\"},"
            + "{\"day\": \"THURSDAY\", \"open\": true, \"opensAt\": \"08:30\", \"closesAt\": \"17:30\"},"
            + "{\"day\": \"FRIDAY\", \"open\": true, \"opensAt\": \"08:30\", \"closesAt\": \"17:30\"},"
            + "{\"day\": \"saturday\", \"open\": true, \"opensAt\": \"09:00\", \"closesAt\": \"12:00\"},"
            + "{\"day\": \"SUNDAY\", \"open\": false}]}";

    @Test
    void untilAnAdministratorSavesAWeekThePageShowsTheSettingsHoursAndTheIvrKeepsThem() throws Exception {
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            HttpResponse<String> r = admin.get("/api/admin/service-calendar/weekly-hours");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode week = JSON.readTree(r.body());
            assertThat(week.get("updatedBy").isNull()).isTrue();
            assertThat(week.get("days")).hasSize(7);
            for (JsonNode d : week.get("days")) {
                assertThat(d.get("open").asBoolean()).as(d.toString()).isTrue();
                assertThat(d.get("opensAt").asText()).isEqualTo("00:00");
                assertThat(d.get("closesAt").asText()).isEqualTo("00:00");
                assertThat(d.get("source").asText()).isEqualTo("settings");
            }
            assertThat(week.get("days").get(0).get("day").asText()).isEqualTo("MONDAY");
        }
    }

    @Test
    void anAdministratorSavesAWeekTheIvrUsesItOnTheNextCallAndTheChangeIsAudited() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // Monday 3 December 2091
        LocalDateTime mondayEarly = LocalDateTime.of(2091, 12, 3, 8, 0);
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            assertThat(hours.isOpen(mondayEarly)).as("24 hours by the settings").isTrue();
            HttpResponse<String> saved = admin.sendJson("PUT", "/api/admin/service-calendar/weekly-hours", WATER_WEEK);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            JsonNode week = JSON.readTree(saved.body());
            assertThat(week.get("updatedBy").asText()).isEqualTo("admin");
            assertThat(week.get("days").get(5).get("closesAt").asText()).isEqualTo("12:00");
            assertThat(week.get("days").get(6).get("open").asBoolean()).isFalse();
            assertThat(week.get("days").get(6).get("opensAt").isNull()).isTrue();
            assertThat(week.get("days").get(6).get("source").asText()).isEqualTo("administrator");

            assertThat(hours.isOpen(mondayEarly)).as("the IVR sees it at once").isFalse();
            assertThat(hours.isOpen(mondayEarly.withHour(9))).isTrue();
            assertThat(hours.isOpen(mondayEarly.plusDays(5).withHour(11))).as("Saturday morning").isTrue();
            assertThat(hours.isOpen(mondayEarly.plusDays(5).withHour(13))).as("Saturday afternoon").isFalse();
            assertThat(hours.isOpen(mondayEarly.plusDays(6).withHour(11))).as("Sunday").isFalse();

            // a second save replaces the week; the audit keeps what was there before
            String nights = WATER_WEEK.replace("\"day\": \"SUNDAY\", \"open\": false",
                    "\"day\": \"SUNDAY\", \"open\": true, \"opensAt\": \"20:00\", \"closesAt\": \"02:00\"");
            assertThat(admin.sendJson("PUT", "/api/admin/service-calendar/weekly-hours", nights).statusCode())
                    .isEqualTo(200);
            assertThat(hours.isOpen(mondayEarly.plusDays(7).withHour(1))).as("Sunday night into Monday").isTrue();
            JsonNode again = JSON.readTree(admin.get("/api/admin/service-calendar/weekly-hours").body());
            assertThat(again.get("days").get(6).get("closesAt").asText()).isEqualTo("02:00");
        } finally {
            jdbc.update("delete from weekly_opening_hours");
        }
        assertThat(hours.isOpen(mondayEarly)).as("rows gone: the settings again").isTrue();
        List<Map<String, Object>> audit = jdbc.queryForList("select actor, action, detail::text as detail from "
                + "audit_log where target = 'calendar:weekly-hours' order by id desc limit 2");
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0)).containsEntry("actor", "admin").containsEntry("action", "weekly-hours-changed");
        JsonNode last = JSON.readTree((String) audit.get(0).get("detail"));
        assertThat(last.get("days").get(6).get("opensAt").asText()).isEqualTo("20:00");
        assertThat(last.get("before").get(6).get("open").asBoolean()).isFalse();
        assertThat(last.get("before").get(0).get("opensAt").asText()).isEqualTo("08:30");
    }

    @Test
    void aBadWeekIsRefusedWithA400ThatNamesTheDayAndTheField() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("{}", "days: empty"),
                Map.entry("{\"days\": []}", "days: empty"),
                Map.entry("{\"days\": [", "unreadable body"),
                Map.entry("{\"days\": \"every day\"}", "unreadable body"),
                Map.entry(WATER_WEEK.replace("\"SUNDAY\"", "\"SUN\""), "day: 'SUN'"),
                Map.entry(WATER_WEEK.replace("\"SUNDAY\"", "\"MONDAY\""), "days: MONDAY twice"),
                Map.entry(WATER_WEEK.replace(",{\"day\": \"SUNDAY\", \"open\": false}", ""), "days: [SUNDAY] missing"),
                Map.entry(WATER_WEEK.replace("\"opensAt\": \"09:00\"", "\"opensAt\": \"25:00\""),
                        "SATURDAY opensAt: '25:00'"),
                Map.entry(WATER_WEEK.replace("\"opensAt\": \"09:00\", ", ""), "SATURDAY opensAt, closesAt: null, 12:00"),
                Map.entry(WATER_WEEK.replace("\"open\": false", "\"open\": false, \"opensAt\": \"09:00\", "
                        + "\"closesAt\": \"10:00\""), "SUNDAY opensAt, closesAt: 09:00, 10:00 (expected: none"),
                Map.entry(WATER_WEEK.replace("\"open\": false", "\"opensAt\": \"09:00\""), "SUNDAY open: empty"),
                Map.entry("{\"days\": [" + String.join(",", java.util.Arrays.stream(java.time.DayOfWeek.values())
                        .map(d -> "{\"day\": \"" + d + "\", \"open\": false}").toList()) + "]}", "days: all closed"));
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            cases.forEach((body, reason) -> {
                HttpResponse<String> r = admin.sendJson("PUT", "/api/admin/service-calendar/weekly-hours", body);
                assertThat(r.statusCode()).as(body + " " + r.body()).isEqualTo(400);
                assertThat(r.body()).as(body).contains(reason);
            });
        }
        assertThat(calendar.weeklyHours()).as("nothing stored").isEmpty();
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
                assertThat(c.get("/api/admin/service-calendar/weekly-hours").statusCode()).isEqualTo(403);
                assertThat(c.sendJson("PUT", "/api/admin/service-calendar/weekly-hours", WATER_WEEK).statusCode())
                        .isEqualTo(403);
            }
        }
        assertThat(calendar.find(LocalDate.of(2091, 4, 1))).isEmpty();
        assertThat(calendar.weeklyHours()).isEmpty();
    }
}
