package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.cti.testing.TestClock;
import org.hotline.workorder.RevisitRules.Attempt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RevisitsIntegrationTests {

    private static final Instant NOW = WorkOrderTestDatabase.NOW;

    private WorkOrderTestDatabase db;
    private TestClock clock;
    private WorkOrders orders;
    private Revisits revisits;
    private final List<RevisitView> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        db = new WorkOrderTestDatabase();
        clock = new TestClock(NOW.plusSeconds(60));
        orders = new WorkOrders(db.pool, WorkOrderProperties.defaults(), clock);
        revisits = new Revisits(db.pool, orders, WorkOrderProperties.defaults(), clock);
        revisits.onChange(heard::add);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    // a repair from the ended call with every point B…H recorded and the work reported done
    private long doneRepair() {
        long id = orders.create(new CreateWorkOrder("repair", "1700000000.1", null, null, null, "停电", null, null,
                false, "agent1001", PointSource.DESK)).id();
        for (Point p = Point.B; p.ordinal() <= Point.H.ordinal(); p = p.next()) {
            orders.recordPoint(id, p, null, "agent1001", PointSource.DESK, null, null);
        }
        orders.markDone(id, null, "crew7", PointSource.CREW_APP, "换保险丝");
        return id;
    }

    private RevisitView openOf(long orderId) {
        return revisits.open().stream().filter(r -> r.orderId() == orderId).findFirst().orElseThrow();
    }

    @Test
    void doneMakesARevisitAppearForTheHotlineWithTheNumberToCallBack() {
        long id = doneRepair();
        RevisitView r = openOf(id);
        assertThat(r.status()).isEqualTo("open");
        assertThat(r.number()).isEqualTo("13812345678");
        assertThat(r.customerName()).isEqualTo("张三");
        assertThat(r.typeLabel()).startsWith("报修");
        assertThat(r.attempts()).isZero();
        assertThat(r.maxAttempts()).isEqualTo(3);
        assertThat(r.doneAt()).isEqualTo(clock.instant());
        assertThat(heard).extracting(RevisitView::id).containsExactly(r.id());
        assertThat(orders.summary(id).status()).isEqualTo("resolved");
        // a second "done" listener (another node) makes no second open revisit
        assertThat(revisits.opened(id)).isNull();
    }

    @Test
    void aSatisfiedCustomerClosesTheOrderWithTheAnswerAsReason() {
        long id = doneRepair();
        RevisitView r = revisits.record(openOf(id).id(), new Attempt(true, Satisfaction.SATISFIED, "来电已恢复"),
                "1700000000.9", "agent1001");
        assertThat(r.status()).isEqualTo("satisfied");
        assertThat(r.history()).singleElement().satisfies(a -> {
            assertThat(a.callId()).isEqualTo("1700000000.9");
            assertThat(a.recordedBy()).isEqualTo("agent1001");
            assertThat(a.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        });
        assertThat(orders.summary(id).status()).isEqualTo("closed");
        assertThat(orders.timeline(id).log()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("close");
            assertThat(e.reason()).isEqualTo("回访满意：来电已恢复");
        });
        assertThat(revisits.open()).isEmpty();
    }

    @Test
    void threeUnreachedAttemptsCloseTheOrderAsUnreachable() {
        long id = doneRepair();
        long rid = openOf(id).id();
        revisits.record(rid, new Attempt(false, null, "无人接听"), null, "agent1001");
        revisits.record(rid, new Attempt(false, null, "关机"), null, "agent1001");
        assertThat(orders.summary(id).status()).isEqualTo("resolved");
        assertThat(openOf(id).attempts()).isEqualTo(2);
        RevisitView r = revisits.record(rid, new Attempt(false, null, null), null, "agent1001");
        assertThat(r.status()).isEqualTo("unreachable");
        assertThat(r.finishedAt()).isNotNull();
        assertThat(orders.summary(id).status()).isEqualTo("closed");
        assertThat(orders.timeline(id).log()).last().satisfies(e -> assertThat(e.reason()).contains("3次未联系上"));
        assertThatThrownBy(() -> revisits.record(rid, new Attempt(false, null, null), null, "agent1001"))
                .isInstanceOfSatisfying(WorkOrderRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(WorkOrderRejectedException.Kind.CONFLICT));
        assertThat(db.jdbc.queryForObject("select count(*) from work_order_revisit_attempts", Integer.class))
                .isEqualTo(3);
    }

    @Test
    void aDissatisfiedCustomerReopensTheOrderAndTheNextDoneMakesANewRevisit() {
        long id = doneRepair();
        long first = openOf(id).id();
        RevisitView r = revisits.record(first, new Attempt(true, Satisfaction.VERY_DISSATISFIED, "还是没电"), null,
                "agent1001");
        assertThat(r.status()).isEqualTo("dissatisfied");
        assertThat(orders.summary(id).status()).isEqualTo("in_progress");
        assertThat(orders.timeline(id).log()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("reopen");
            assertThat(e.reason()).isEqualTo("回访非常不满意：还是没电");
        });
        assertThat(revisits.open()).isEmpty();
        orders.markDone(id, null, "crew7", PointSource.CREW_APP, "更换电缆");
        RevisitView second = openOf(id);
        assertThat(second.id()).isNotEqualTo(first);
        revisits.record(second.id(), new Attempt(true, Satisfaction.NEUTRAL, null), null, "agent1001");
        assertThat(orders.summary(id).status()).isEqualTo("closed");
        assertThat(revisits.ofOrder(id)).extracting(RevisitView::status).containsExactly("dissatisfied",
                "satisfied");
    }

    @Test
    void anOrderClosedByHandCancelsItsOpenRevisitAndATypeWithoutRevisitsClosesWhenDone() {
        long id = doneRepair();
        orders.close(id, "客户来电已确认", "supervisor");
        assertThat(revisits.ofOrder(id)).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("cancelled"));
        long card = orders.create(new CreateWorkOrder("meter_card", null, db.customer, null, "13800000000", "补卡",
                null, null, false, "agent1001", PointSource.DESK)).id();
        for (Point p = Point.B; p.ordinal() <= Point.D.ordinal(); p = p.next()) {
            orders.recordPoint(card, p, null, "agent1001", PointSource.DESK, null, null);
        }
        orders.markDone(card, null, "agent1001", PointSource.DESK, null);
        assertThat(orders.summary(card).status()).isEqualTo("closed");
        assertThat(revisits.ofOrder(card)).isEmpty();
    }

    @Test
    void theSweepGivesADoneOrderTheRevisitOrCloseThatACrashLeftOut() {
        // a node that recorded "done" and died before its listener ran: the same database, no revisit listener
        long healthy = doneRepair();
        WorkOrders crashed = new WorkOrders(db.pool, WorkOrderProperties.defaults(), clock);
        long repair = crashed.create(new CreateWorkOrder("repair", "1700000000.1", null, null, null, "又停电", null,
                null, true, "agent1001", PointSource.DESK)).id();
        for (Point p = Point.B; p.ordinal() <= Point.H.ordinal(); p = p.next()) {
            crashed.recordPoint(repair, p, null, "agent1001", PointSource.DESK, null, null);
        }
        crashed.markDone(repair, null, "crew7", PointSource.CREW_APP, "换保险丝");
        long card = crashed.create(new CreateWorkOrder("meter_card", null, db.customer, null, "13800000000", "补卡",
                null, null, false, "agent1001", PointSource.DESK)).id();
        for (Point p = Point.B; p.ordinal() <= Point.D.ordinal(); p = p.next()) {
            crashed.recordPoint(card, p, null, "agent1001", PointSource.DESK, null, null);
        }
        crashed.markDone(card, null, "agent1001", PointSource.DESK, null);
        assertThat(revisits.ofOrder(repair)).isEmpty();
        assertThat(orders.summary(card).status()).isEqualTo("resolved");

        assertThat(revisits.sweep()).isEqualTo(2);
        assertThat(openOf(repair).doneAt()).isEqualTo(clock.instant());
        assertThat(heard).extracting(RevisitView::orderId).contains(repair);
        assertThat(orders.summary(card).status()).isEqualTo("closed");
        assertThat(revisits.ofOrder(healthy)).hasSize(1);
        // a second sweep (or another node's) finds nothing left to repair
        assertThat(revisits.sweep()).isZero();
        assertThat(revisits.ofOrder(repair)).hasSize(1);
    }

    @Test
    void badAttemptsRecordNothing() {
        long rid = openOf(doneRepair()).id();
        assertThatThrownBy(() -> revisits.record(rid, new Attempt(true, null, null), null, "agent1001"))
                .isInstanceOf(WorkOrderRejectedException.class);
        assertThatThrownBy(() -> revisits.record(rid, new Attempt(false, null, null), "<script>", "agent1001"))
                .hasMessageContaining("callId");
        assertThatThrownBy(() -> revisits.record(424242, new Attempt(false, null, null), null, "agent1001"))
                .isInstanceOfSatisfying(WorkOrderRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(WorkOrderRejectedException.Kind.NOT_FOUND));
        assertThat(db.jdbc.queryForObject("select count(*) from work_order_revisit_attempts", Integer.class)).isZero();
    }
}
