package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.hotline.cti.testing.TestClock;
import org.hotline.workorder.WorkOrderRejectedException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One order per fault across an outage: a repair order under an outage in effect shows the outage and its orders. */
class FaultDuplicatesIntegrationTests {

    private static final Instant NOW = WorkOrderTestDatabase.NOW;

    private WorkOrderTestDatabase db;
    private WorkOrders orders;

    @BeforeEach
    void setUp() {
        db = new WorkOrderTestDatabase();
        orders = new WorkOrders(db.pool, WorkOrderProperties.defaults(), new TestClock(NOW));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private WorkOrderSummary create(String type, long customer, Long premises, Long linkTo, boolean force) {
        return orders.create(new CreateWorkOrder(type, null, customer, premises, "13800000000", "没电了", null, linkTo,
                force, "agent1001", PointSource.DESK));
    }

    private void outage(String no, String scope, String code, Instant starts, Instant restored) {
        String column = scope.equals("line") ? "feeder_line_id" : "transformer_area_id";
        String table = scope.equals("line") ? "feeder_lines" : "transformer_areas";
        db.jdbc.update("insert into outages (outage_no, kind, " + column + ", reason, starts_at, expected_end_at, "
                + "restored_at, restored_by, restore_kind, created_by) values (?, 'unplanned', (select id from " + table
                + " where code = ?), '10kV 线路故障', ?, ?, ?, ?, ?, 'dispatcher')", no, code, Timestamp.from(starts),
                Timestamp.from(starts.plus(Duration.ofHours(3))), restored == null ? null : Timestamp.from(restored),
                restored == null ? null : "dispatcher", restored == null ? null : "manual");
    }

    private long orderCount() {
        return db.jdbc.queryForObject("select count(*) from work_orders", Long.class);
    }

    @Test
    void aRepairOrderUnderAnOutageOfItsLineIsRefusedWithTheOutageAndForcingCreatesIt() {
        outage("TD001", "line", "L1", NOW.minus(Duration.ofMinutes(20)), null);
        assertThatThrownBy(() -> create("repair", db.customer, null, null, false))
                .isInstanceOfSatisfying(WorkOrderRejectedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(e.duplicates()).isEmpty();
                    assertThat(e.outages()).singleElement().satisfies(o -> {
                        assertThat(o.outageNo()).isEqualTo("TD001");
                        assertThat(o.lineCode()).isEqualTo("L1");
                        assertThat(o.areaCode()).isNull();
                        assertThat(o.reason()).isEqualTo("10kV 线路故障");
                    });
                    assertThat(e.getMessage()).contains("TD001", "force");
                });
        assertThat(orderCount()).isZero();
        WorkOrderSummary forced = create("repair", db.customer, null, null, true);
        assertThat(forced.awaiting()).isEqualTo(Point.B);
        assertThat(orderCount()).isEqualTo(1);
    }

    @Test
    void anOrderOnOtherPremisesOfTheLineInOutageIsListedToLinkToInsteadOfASecondOrder() {
        outage("TD002", "line", "L1", NOW.minus(Duration.ofMinutes(20)), null);
        WorkOrderSummary first = create("repair", db.customer, null, null, true);
        assertThatThrownBy(() -> create("repair", db.customerWithTwoPremises, db.otherPremisesWithCentre, null, false))
                .isInstanceOfSatisfying(WorkOrderRejectedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(e.duplicates()).extracting(WorkOrderSummary::id).containsExactly(first.id());
                    assertThat(e.outages()).extracting(ActiveOutage::outageNo).containsExactly("TD002");
                });
        assertThat(create("repair", db.customerWithTwoPremises, db.otherPremisesWithCentre, first.id(), false).id())
                .isEqualTo(first.id());
        assertThat(orderCount()).isEqualTo(1);
        WorkOrderSummary second = create("repair", db.customerWithTwoPremises, db.otherPremisesWithCentre, null, true);
        assertThat(db.jdbc.queryForObject("select linked_order_id from work_orders where id = ?", Long.class,
                second.id())).isEqualTo(first.id());
    }

    @Test
    void onlyAnOutageInEffectCountsAnAreaOutageIncluded() {
        outage("TD003", "line", "L1", NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofMinutes(5)));
        outage("TD004", "area", "TA1", NOW.plus(Duration.ofHours(1)), null);
        WorkOrderSummary first = create("repair", db.customer, null, null, false);
        outage("TD005", "area", "TA1", NOW.minus(Duration.ofMinutes(1)), null);
        assertThatThrownBy(() -> create("repair", db.customerWithTwoPremises, db.otherPremisesWithCentre, null, false))
                .isInstanceOfSatisfying(WorkOrderRejectedException.class, e -> {
                    assertThat(e.outages()).singleElement().satisfies(o -> {
                        assertThat(o.outageNo()).isEqualTo("TD005");
                        assertThat(o.areaCode()).isEqualTo("TA1");
                        assertThat(o.lineCode()).isEqualTo("L1");
                    });
                    assertThat(e.duplicates()).extracting(WorkOrderSummary::id).containsExactly(first.id());
                });
    }

    @Test
    void aComplaintUnderAnOutageIsNoDuplicateOfTheFault() {
        outage("TD006", "line", "L1", NOW.minus(Duration.ofMinutes(20)), null);
        WorkOrderSummary complaint = create("complaint", db.customer, null, null, false);
        assertThat(complaint.type()).isEqualTo("complaint");
    }

    @Test
    void theAgentSeesTheCustomersOpenOrdersAndPremises() {
        WorkOrderSummary order = create("repair", db.customerWithTwoPremises, db.otherPremisesWithCentre, null, false);
        assertThat(orders.openForCustomer(db.customerWithTwoPremises)).extracting(WorkOrderSummary::id)
                .containsExactly(order.id());
        assertThat(orders.openForCustomer(db.customer)).isEmpty();
        assertThat(orders.premisesOf(db.customerWithTwoPremises)).extracting(CustomerPremises::premisesId)
                .containsExactlyInAnyOrder(db.premisesWithCentre, db.otherPremisesWithCentre);
        assertThat(orders.premisesOf(db.customerWithTwoPremises)).allSatisfy(p -> {
            assertThat(p.address()).isEqualTo("杭州市建设南路");
            assertThat(p.line()).isEqualTo("东1线");
        });
    }
}
