package org.hotline.workorder;

import org.hotline.cti.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The REST API over the auto-configuration, with method security and a real PostgreSQL. */
@SpringBootTest(classes = WorkOrderApiIntegrationTests.App.class, properties = {"spring.flyway.enabled=false",
        "spring.main.banner-mode=off"})
class WorkOrderApiIntegrationTests {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableMethodSecurity
    static class App {
        @Bean(destroyMethod = "close")
        WorkOrderTestDatabase workOrderTestDatabase() {
            return new WorkOrderTestDatabase();
        }

        @Bean
        DataSource dataSource(WorkOrderTestDatabase db) {
            return db.pool;
        }

        @Bean
        RecordingPushBus pushBus() {
            return new RecordingPushBus("node-1");
        }

        @Bean
        Clock clock() {
            return new TestClock(WorkOrderTestDatabase.NOW);
        }
    }

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private WorkOrderTestDatabase db;
    @Autowired
    private RecordingPushBus bus;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
        db.jdbc.update("delete from work_orders");
        db.jdbc.update("delete from outages");
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    private ResultActions as(String user, String role, MockHttpServletRequestBuilder request) throws Exception {
        UsernamePasswordAuthenticationToken auth = new UsernamePasswordAuthenticationToken(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        // method security reads the context of this thread, the controller's Principal comes from the request
        SecurityContextHolder.getContext().setAuthentication(auth);
        return mvc.perform(request.principal(auth));
    }

    private ResultActions agent(MockHttpServletRequestBuilder request) throws Exception {
        return as("agent1001", "AGENT", request);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private long createFromCall() throws Exception {
        String body = agent(json(post("/api/work-orders"), "{\"type\":\"repair\",\"callId\":\"1700000000.1\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
    }

    @Test
    void anAgentCreatesAnOrderFromACallAndItStartsAtTheHangUp() throws Exception {
        long id = createFromCall();
        agent(get("/api/work-orders/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.order.awaiting").value("B"))
                .andExpect(jsonPath("$.order.callerNumber").value("13812345678"))
                .andExpect(jsonPath("$.log[0].point").value("A"))
                .andExpect(jsonPath("$.log[0].at").value("2026-11-23T01:59:30Z"))
                .andExpect(jsonPath("$.stages.length()").value(7));
        agent(get("/api/work-orders")).andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
    }

    @Test
    void everyChangeIsPushedToSupervisorsWithTheOrderAsListsShowIt() throws Exception {
        long id = createFromCall();
        assertThat(bus.published).filteredOn(m -> m.type().equals(WorkOrderChanged.PUSH_TYPE))
                .anySatisfy(m -> {
                    assertThat(m.target()).isEqualTo(PushMessage.SUPERVISORS);
                    assertThat(m.payload()).contains("\"change\":\"CREATED\"", "\"id\":" + id, "\"awaiting\":\"B\"");
                });
    }

    @Test
    void aSecondOrderForTheSameFaultIs409WithTheCandidateUnlessLinked() throws Exception {
        long id = createFromCall();
        agent(json(post("/api/work-orders"), "{\"type\":\"repair\",\"callId\":\"1700000000.1\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.duplicates[0].id").value(id))
                .andExpect(jsonPath("$.message").isNotEmpty());
        agent(json(post("/api/work-orders"), "{\"type\":\"repair\",\"callId\":\"1700000000.1\",\"link\":" + id + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
    }

    @Test
    void aRepairOrderUnderAnOutageIs409WithTheOutageAndForceCreatesIt() throws Exception {
        db.jdbc.update("""
                insert into outages (outage_no, kind, feeder_line_id, reason, starts_at, expected_end_at, created_by)
                values ('TD100', 'unplanned', (select id from feeder_lines where code = 'L1'), '线路跳闸', ?, ?, 'x')""",
                java.sql.Timestamp.from(WorkOrderTestDatabase.NOW.minusSeconds(600)),
                java.sql.Timestamp.from(WorkOrderTestDatabase.NOW.plusSeconds(3600)));
        agent(json(post("/api/work-orders"), "{\"type\":\"repair\",\"callId\":\"1700000000.1\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.outages[0].outageNo").value("TD100"))
                .andExpect(jsonPath("$.outages[0].lineName").value("东1线"))
                .andExpect(jsonPath("$.outages[0].expectedEndAt").value("2026-11-23T03:00:00Z"))
                .andExpect(jsonPath("$.duplicates").doesNotExist());
        agent(json(post("/api/work-orders"), "{\"type\":\"repair\",\"callId\":\"1700000000.1\",\"force\":true}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.callId").value("1700000000.1"));
        agent(get("/api/work-orders?customerId=" + db.customer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].awaiting").value("B"));
        agent(get("/api/work-orders/premises?customerId=" + db.customer)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].premisesId").value(db.premisesWithCentre));
        agent(get("/api/work-orders?customerId=abc")).andExpect(status().isBadRequest());
    }

    @Test
    void badInputIsA4xxWithAReasonNeverA500() throws Exception {
        agent(json(post("/api/work-orders"), "{\"type\":\"teleport\",\"callId\":\"1700000000.1\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.message").value(
                        org.hamcrest.Matchers.containsString("teleport")));
        agent(json(post("/api/work-orders"), "{\"type\":\"repair\",\"customerId\":" + db.customerWithoutCentre + "}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.message").value(
                        org.hamcrest.Matchers.containsString("no repair centre")));
        agent(json(post("/api/work-orders/424242/points"), "{\"point\":\"B\"}")).andExpect(status().isNotFound());
        agent(get("/api/work-orders/424242")).andExpect(status().isNotFound());
        agent(get("/api/work-orders/abc")).andExpect(status().isBadRequest());
        agent(json(post("/api/work-orders"), "{\"type\":")).andExpect(status().isBadRequest());
        long id = createFromCall();
        agent(json(post("/api/work-orders/" + id + "/points"), "{\"point\":\"F\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.message").value(
                        org.hamcrest.Matchers.containsString("waits for B")));
        agent(json(post("/api/work-orders/" + id + "/points"), "{\"point\":\"Z\"}")).andExpect(status().isBadRequest());
        agent(json(post("/api/work-orders/" + id + "/points"), "{\"point\":\"B\",\"source\":\"system\"}"))
                .andExpect(status().isBadRequest());
        for (String p : List.of("B", "C", "D", "E", "F", "G", "H")) {
            agent(json(post("/api/work-orders/" + id + "/points"), "{\"point\":\"" + p + "\",\"source\":\"crew_app\"}"))
                    .andExpect(status().isOk());
        }
        agent(json(post("/api/work-orders/" + id + "/points"), "{\"point\":\"H\",\"source\":\"crew_app\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.message").value(
                        org.hamcrest.Matchers.containsString("already recorded")));
        assertThat(db.jdbc.queryForObject("select count(*) from work_order_points where order_id = ?", Integer.class,
                id)).isEqualTo(8);
        agent(json(post("/api/work-orders/" + id + "/done"), "{}")).andExpect(status().isForbidden());
        as("supervisor", "SUPERVISOR", json(post("/api/work-orders/" + id + "/reopen"), "{\"reason\":\"x\"}"))
                .andExpect(status().isConflict());
        as("supervisor", "SUPERVISOR", json(post("/api/work-orders/" + id + "/done"), "{\"note\":\"fuse\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("resolved"));
        as("supervisor", "SUPERVISOR", json(post("/api/work-orders/" + id + "/reopen"), "{}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlySupervisorsRerouteAndAcknowledgeAlarmsAndOnlyAdminsRegisterUnits() throws Exception {
        long id = createFromCall();
        agent(json(post("/api/work-orders/" + id + "/points"), "{\"point\":\"B\"}")).andExpect(status().isOk());
        String reroute = "{\"after\":\"B\",\"repairCentre\":\"RC2\",\"reason\":\"wrong centre\"}";
        agent(json(post("/api/work-orders/" + id + "/reroute"), reroute)).andExpect(status().isForbidden());
        agent(get("/api/work-orders/alarms")).andExpect(status().isForbidden());
        as("supervisor", "SUPERVISOR", json(post("/api/work-orders/" + id + "/reroute"), reroute))
                .andExpect(status().isOk()).andExpect(jsonPath("$.repairCentre").value("RC2"));
        as("supervisor", "SUPERVISOR", get("/api/work-orders/alarms")).andExpect(status().isOk());
        as("supervisor", "SUPERVISOR", post("/api/work-orders/alarms/99999/ack")).andExpect(status().isNotFound());
        String unit = "{\"name\":\"抢修三班\",\"kind\":\"team\",\"repairCentre\":\"RC1\",\"sameSite\":false,"
                + "\"manager1Phone\":\"13800000009\"}";
        as("supervisor", "SUPERVISOR", json(put("/api/work-orders/units/T3"), unit)).andExpect(status().isForbidden());
        as("admin", "ADMIN", json(put("/api/work-orders/units/T3"), unit)).andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("T3")).andExpect(jsonPath("$.sameSite").value(false));
        agent(get("/api/work-orders/units")).andExpect(status().isOk());
    }

    @Test
    void onlyAdministratorsReadTheManagersPhoneNumbers() throws Exception {
        String unit = "{\"name\":\"抢修四班\",\"kind\":\"team\",\"repairCentre\":\"RC1\",\"manager1Name\":\"王班长\","
                + "\"manager1Phone\":\"13800000011\",\"manager2Name\":\"李班长\",\"manager2Phone\":\"13800000012\"}";
        as("admin", "ADMIN", json(put("/api/work-orders/units/T4"), unit)).andExpect(status().isOk());
        String team = "$[?(@.code == 'T4')]";
        as("admin", "ADMIN", get("/api/work-orders/units")).andExpect(status().isOk())
                .andExpect(jsonPath(team + ".manager1Phone").value("13800000011"))
                .andExpect(jsonPath(team + ".manager2Phone").value("13800000012"));
        for (String role : List.of("AGENT", "SUPERVISOR")) {
            String body = as("someone", role, get("/api/work-orders/units")).andExpect(status().isOk())
                    .andExpect(jsonPath(team + ".manager1Name").value("王班长"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).as(role).doesNotContain("13800000011").doesNotContain("13800000012");
        }
    }
}
