package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hotline.cti.push.PushMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The revisit API over the auto-configuration (the same application and database as the order API's tests). */
@SpringBootTest(classes = WorkOrderApiIntegrationTests.App.class, properties = {"spring.flyway.enabled=false",
        "spring.main.banner-mode=off"})
class RevisitApiIntegrationTests {

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private WorkOrderTestDatabase db;
    @Autowired
    private WorkOrders orders;
    @Autowired
    private RecordingPushBus bus;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
        db.jdbc.update("delete from work_orders");
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    private ResultActions as(String user, String role, MockHttpServletRequestBuilder request) throws Exception {
        UsernamePasswordAuthenticationToken auth = new UsernamePasswordAuthenticationToken(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        SecurityContextHolder.getContext().setAuthentication(auth);
        return mvc.perform(request.principal(auth));
    }

    private ResultActions attempt(String role, long revisit, String body) throws Exception {
        return as("agent1001", role, post("/api/work-orders/revisits/" + revisit + "/attempts")
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long doneRepairRevisit() {
        long id = orders.create(new CreateWorkOrder("repair", "1700000000.1", null, null, null, "停电", null, null,
                false, "agent1001", PointSource.DESK)).id();
        for (Point p = Point.B; p.ordinal() <= Point.H.ordinal(); p = p.next()) {
            orders.recordPoint(id, p, null, "agent1001", PointSource.DESK, null, null);
        }
        orders.markDone(id, null, "crew7", PointSource.CREW_APP, null);
        return db.jdbc.queryForObject("select id from work_order_revisits where order_id = ? and status = 'open'",
                Long.class, id);
    }

    @Test
    void anAgentListsOpenRevisitsAndRecordsASatisfiedOutcomeThatClosesTheOrder() throws Exception {
        long revisit = doneRepairRevisit();
        as("agent1001", "AGENT", get("/api/work-orders/revisits")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(revisit)).andExpect(jsonPath("$[0].number").value("13812345678"))
                .andExpect(jsonPath("$[0].status").value("open"));
        assertThat(bus.published).anySatisfy(m -> {
            assertThat(m.target()).isEqualTo(PushMessage.AGENTS);
            assertThat(m.type()).isEqualTo(RevisitView.PUSH_TYPE);
            assertThat(m.payload()).contains("\"id\":" + revisit, "\"status\":\"open\"");
        });
        attempt("AGENT", revisit, "{\"reached\":true,\"satisfaction\":\"very_satisfied\",\"notes\":\"好\","
                + "\"callId\":\"1700000000.5\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("satisfied"))
                .andExpect(jsonPath("$.history[0].callId").value("1700000000.5"))
                .andExpect(jsonPath("$.history[0].recordedBy").value("agent1001"));
        assertThat(db.jdbc.queryForObject("select w.status from work_orders w join work_order_revisits r "
                + "on r.order_id = w.id where r.id = ?", String.class, revisit)).isEqualTo("closed");
        as("agent1001", "AGENT", get("/api/work-orders/revisits")).andExpect(jsonPath("$.length()").value(0));
        attempt("AGENT", revisit, "{\"reached\":false}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(containsString("finished")));
    }

    @Test
    void badInputIsA4xxWithAReasonAndRecordsNothing() throws Exception {
        long revisit = doneRepairRevisit();
        attempt("AGENT", revisit, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("reached")));
        attempt("AGENT", revisit, "{\"reached\":true}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("satisfaction")));
        attempt("AGENT", revisit, "{\"reached\":true,\"satisfaction\":\"happy\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("VERY_SATISFIED")));
        attempt("AGENT", revisit, "{\"reached\":false,\"satisfaction\":\"neutral\"}").andExpect(status().isBadRequest());
        attempt("AGENT", revisit, "{\"reached\":false,\"callId\":\"<b>x</b>\"}").andExpect(status().isBadRequest());
        attempt("AGENT", revisit, "{\"reached\":").andExpect(status().isBadRequest());
        attempt("AGENT", 987654, "{\"reached\":false}").andExpect(status().isNotFound());
        as("agent1001", "AGENT", post("/api/work-orders/revisits/abc/attempts")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reached\":false}")).andExpect(status().isBadRequest());
        assertThat(db.jdbc.queryForObject("select count(*) from work_order_revisit_attempts", Integer.class)).isZero();
    }

    @Test
    void agentsSupervisorsAndAdminsMayRecordOthersMayNot() throws Exception {
        long revisit = doneRepairRevisit();
        as("someone", "PUBLIC", get("/api/work-orders/revisits")).andExpect(status().isForbidden());
        attempt("PUBLIC", revisit, "{\"reached\":false}").andExpect(status().isForbidden());
        attempt("AGENT", revisit, "{\"reached\":false}").andExpect(status().isOk());
        attempt("SUPERVISOR", revisit, "{\"reached\":false}").andExpect(status().isOk())
                .andExpect(jsonPath("$.attempts").value(2));
        attempt("ADMIN", revisit, "{\"reached\":false}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("unreachable"));
    }
}
