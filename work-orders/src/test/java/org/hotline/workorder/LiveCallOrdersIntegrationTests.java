package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.util.List;
import org.hotline.cti.push.PopStore;
import org.hotline.cti.push.TestPops;
import org.hotline.cti.screenpop.ScreenPop;
import org.hotline.cti.testing.TestClock;
import org.hotline.workorder.WorkOrderRejectedException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An order from a call still on the line: its record is written at the end, so the agent's pop vouches for it. */
class LiveCallOrdersIntegrationTests {

    private static final String CALL = "1700000099.1";

    private WorkOrderTestDatabase db;
    private WorkOrders orders;

    @BeforeEach
    void setUp() {
        db = new WorkOrderTestDatabase();
        ScreenPop pop = TestPops.pop("agent1001", CALL, 2, ScreenPop.Status.ANSWERED, 0);
        PopStore store = new PopStore() {
            @Override
            public void put(ScreenPop p) {
            }

            @Override
            public void remove(String agent, String callId) {
            }

            @Override
            public List<ScreenPop> current(String agent) {
                return agent.equals("agent1001") ? List.of(pop) : List.of();
            }
        };
        orders = new WorkOrders(db.pool, WorkOrderProperties.defaults(), new TestClock(WorkOrderTestDatabase.NOW), store);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private WorkOrderSummary create(String by) {
        return orders.create(new CreateWorkOrder("repair", CALL, db.customer, null, null, "没电", null, null, false, by,
                PointSource.DESK));
    }

    @Test
    void anOrderFromTheAgentsLiveCallWaitsForTheHangUpAndStartsAtTheRecordedEnd() {
        WorkOrderSummary order = create("agent1001");
        assertThat(order.awaiting()).isEqualTo(Point.A);
        assertThat(order.callId()).isEqualTo(CALL);
        assertThat(order.callerNumber()).isEqualTo("13800138000");
        assertThat(orders.startOrdersWhoseCallEnded()).isZero();
        db.jdbc.update("insert into calls (call_id, direction, caller_raw, caller_normalized, customer_id, started_at, "
                + "ended_at) values (?, 'inbound', '13800138000', '13800138000', ?, ?, ?)", CALL, db.customer,
                Timestamp.from(WorkOrderTestDatabase.NOW.minusSeconds(120)),
                Timestamp.from(WorkOrderTestDatabase.NOW.minusSeconds(10)));
        assertThat(orders.startOrdersWhoseCallEnded()).isEqualTo(1);
        assertThat(orders.timeline(order.id()).log().get(0).at()).isEqualTo(WorkOrderTestDatabase.NOW.minusSeconds(10));
        assertThat(orders.summary(order.id()).awaiting()).isEqualTo(Point.B);
    }

    @Test
    void anIvrReportDuringItsCallTakesTheCustomerAndNumberGivenAndStartsAtTheCallsEnd() {
        String ivrCall = "1700000099.7";
        WorkOrderSummary order = orders.create(new CreateWorkOrder("repair", ivrCall, db.customer,
                db.premisesWithCentre, "13912345678", "IVR报修：全户停电", null, null, false, "ivr", PointSource.IVR));
        assertThat(order.awaiting()).isEqualTo(Point.A);
        assertThat(order.callerNumber()).isEqualTo("13912345678");
        assertThat(orders.startOrdersWhoseCallEnded()).isZero();
        db.jdbc.update("insert into calls (call_id, direction, caller_raw, caller_normalized, customer_id, started_at, "
                + "ended_at, outcome) values (?, 'inbound', '13912345678', '13912345678', ?, ?, ?, 'ivr_only')", ivrCall,
                db.customer, Timestamp.from(WorkOrderTestDatabase.NOW.minusSeconds(90)),
                Timestamp.from(WorkOrderTestDatabase.NOW.minusSeconds(5)));
        assertThat(orders.startOrdersWhoseCallEnded()).isEqualTo(1);
        assertThat(orders.timeline(order.id()).log().get(0).at()).isEqualTo(WorkOrderTestDatabase.NOW.minusSeconds(5));
    }

    @Test
    void aCallThatIsNeitherRecordedNorOnTheAgentsScreenIsNotFound() {
        assertThatThrownBy(() -> create("agent1002")).isInstanceOfSatisfying(WorkOrderRejectedException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
        assertThat(db.jdbc.queryForObject("select count(*) from work_orders", Integer.class)).isZero();
    }
}
