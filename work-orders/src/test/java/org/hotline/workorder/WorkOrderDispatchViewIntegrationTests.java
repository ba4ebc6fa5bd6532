package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What the dispatcher page needs from the back end: summaries that say when the current stage started (the share of
 * its time left), the repair centre's name and the team; the repair centres to re-route to; an acknowledgement pushed
 * to every dispatcher. The API test's application and database (one shared Spring context).
 */
@SpringBootTest(classes = WorkOrderApiIntegrationTests.App.class, properties = {"spring.flyway.enabled=false",
        "spring.main.banner-mode=off"})
class WorkOrderDispatchViewIntegrationTests {

    private static final Instant NOW = WorkOrderTestDatabase.NOW;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private WorkOrderTestDatabase db;
    @Autowired
    private RecordingPushBus bus;
    @Autowired
    private WorkOrders orders;
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

    @Test
    void aSummaryNamesTheCentreAndTeamAndWhenTheCurrentStageStartedEvenAfterAReroute() {
        long id = orders.create(new CreateWorkOrder("repair", null, db.customer, null, null, "停电",
                NOW.minus(Duration.ofMinutes(10)), null, false, "agent1001", PointSource.DESK)).id();
        assertThat(orders.summary(id).stageStartedAt()).isEqualTo(NOW.minus(Duration.ofMinutes(10)));
        orders.recordPoint(id, Point.B, NOW.minus(Duration.ofMinutes(9)), "agent1001", PointSource.DESK, null, null);
        orders.recordPoint(id, Point.C, NOW.minus(Duration.ofMinutes(8)), "rc1", PointSource.DESK, null, null);
        WorkOrderSummary handed = orders.recordPoint(id, Point.D, NOW.minus(Duration.ofMinutes(7)), "rc1",
                PointSource.DESK, "T2", null);

        assertThat(handed.stageStartedAt()).isEqualTo(NOW.minus(Duration.ofMinutes(7)));
        assertThat(handed.team()).isEqualTo("T2");
        assertThat(handed.repairCentre()).isEqualTo("RC1");
        assertThat(handed.repairCentreName()).isEqualTo("城东抢修中心");
        // T2 is elsewhere: D→E is 4 minutes, counted from D
        assertThat(Duration.between(handed.stageStartedAt(), handed.deadline())).isEqualTo(Duration.ofMinutes(4));

        WorkOrderSummary rerouted = orders.reroute(id, Point.D, null, "T2 does not cover TA1", "supervisor");
        assertThat(rerouted.stageStartedAt()).as("the hand-over is re-dated to the re-route").isEqualTo(NOW);
        WorkOrderSummary corrected = orders.recordPoint(id, Point.D, NOW.minus(Duration.ofSeconds(30)), "supervisor",
                PointSource.DESK, null, "typed a minute late");
        assertThat(corrected.stageStartedAt()).as("a correction is the time in effect")
                .isEqualTo(NOW.minus(Duration.ofSeconds(30)));
    }

    @Test
    void theRepairCentresAreListedForReroutingByCodeAndName() throws Exception {
        as("supervisor", "SUPERVISOR", get("/api/work-orders/repair-centres")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("RC1")).andExpect(jsonPath("$[0].name").value("城东抢修中心"))
                .andExpect(jsonPath("$[1].code").value("RC2"));
    }

    @Test
    void anAcknowledgementIsPushedSoEveryDispatchersPageDropsTheAlarm() throws Exception {
        // a complaint taken three hours ago: its 2-hour A→B limit has passed, so the scheduler fires at once
        long id = orders.create(new CreateWorkOrder("complaint", null, db.customer, null, null, "抄表不准",
                NOW.minus(Duration.ofHours(3)), null, false, "agent1001", PointSource.DESK)).id();
        AlarmView alarm = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> orders.unacknowledgedAlarms().stream()
                        .filter(a -> a.orderId() == id && a.kind().equals("alarm")).findFirst().orElse(null),
                        a -> a != null);

        as("agent1001", "AGENT", post("/api/work-orders/alarms/" + alarm.id() + "/ack"))
                .andExpect(status().isForbidden());
        as("supervisor", "SUPERVISOR", post("/api/work-orders/alarms/" + alarm.id() + "/ack"))
                .andExpect(status().isOk());

        List<JsonNode> pushed = bus.published.stream().filter(m -> m.type().equals(AlarmView.PUSH_TYPE))
                .map(m -> read(m.payload())).filter(a -> a.get("id").asLong() == alarm.id()).toList();
        assertThat(pushed).isNotEmpty();
        assertThat(pushed.get(pushed.size() - 1).get("acknowledgedAt").isNull()).isFalse();
        assertThat(orders.unacknowledgedAlarms()).noneMatch(a -> a.id() == alarm.id());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResultActions as(String user, String role, MockHttpServletRequestBuilder request) throws Exception {
        UsernamePasswordAuthenticationToken auth = new UsernamePasswordAuthenticationToken(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        SecurityContextHolder.getContext().setAuthentication(auth);
        return mvc.perform(request.principal(auth));
    }
}
