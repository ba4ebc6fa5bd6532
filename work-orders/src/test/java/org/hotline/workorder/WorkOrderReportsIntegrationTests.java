package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.cti.testing.TestClock;
import org.hotline.workorder.WorkOrderProperties.StageSettings;
import org.hotline.workorder.WorkOrderProperties.TypeSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The work-order report against figures worked out by hand: type {@code t}, A→B the hotline's (2 min), B→C the crew's
 * (10 min), a 10-minute promise from A to C; three orders entered an hour after their point A (T0):
 * <pre>
 *  order  B after A  C after A   A→B   B→C    promise
 *  1      1 min      8 min       60 s  420 s  kept
 *  2      5 min      20 min      300 s 900 s  broken   (hotline 3 min late, crew 5 min late)
 *  3      1 min      -           60 s  -      open
 * </pre>
 */
class WorkOrderReportsIntegrationTests {

    private static final Instant T0 = WorkOrderTestDatabase.NOW;
    /** When the three orders were entered: an hour after their customers hung up. */
    private static final Instant OPENED = T0.plus(Duration.ofHours(1));

    private WorkOrderTestDatabase db;
    private WorkOrders orders;
    private WorkOrderReports reports;

    @BeforeEach
    void threeOrders() {
        db = new WorkOrderTestDatabase();
        TestClock clock = new TestClock(OPENED);
        WorkOrderProperties properties = new WorkOrderProperties(Map.of("t", new TypeSettings("测试 test",
                "受理 received", List.of(new StageSettings("派单 dispatched", Party.HOTLINE, "2m", null),
                new StageSettings("到场 on site", Party.CREW, "10m", null)), "10m", null, null)), null, null);
        orders = new WorkOrders(db.pool, properties, clock);
        reports = new WorkOrderReports(db.pool, orders);
        order(Duration.ofMinutes(1), Duration.ofMinutes(8));
        order(Duration.ofMinutes(5), Duration.ofMinutes(20));
        order(Duration.ofMinutes(1), null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void eachStageHasItsCountMedianP90AndShareWithinTheLimit() {
        WorkOrderReport r = reports.report(OPENED, OPENED.plusSeconds(60));

        assertThat(r.orders()).isEqualTo(3);
        assertThat(r.stages()).hasSize(2);
        WorkOrderReport.StageFigures dispatch = r.stages().get(0);
        assertThat(dispatch.party()).isEqualTo(Party.HOTLINE);
        assertThat(dispatch.ended()).isEqualTo(3);
        assertThat(dispatch.medianSeconds()).isEqualTo(60);
        assertThat(dispatch.p90Seconds()).isEqualTo(300);
        assertThat(dispatch.withinLimitShare()).isCloseTo(2 / 3.0, within(1e-9));
        WorkOrderReport.StageFigures onSite = r.stages().get(1);
        assertThat(onSite.ended()).isEqualTo(2);
        assertThat(onSite.medianSeconds()).isEqualTo(420);
        assertThat(onSite.p90Seconds()).isEqualTo(900);
        assertThat(onSite.withinLimitShare()).isEqualTo(0.5);
    }

    @Test
    void thePromiseIsKeptBrokenOrOpenAndTheLateMinutesAreChargedToWhoseStageItWas() {
        WorkOrderReport r = reports.report(OPENED, OPENED.plusSeconds(60));

        assertThat(r.promises()).singleElement().isEqualTo(
                new WorkOrderReport.PromiseFigures("t", "测试 test", 3, 1, 1, 1));
        assertThat(r.lost()).containsExactly(new WorkOrderReport.LostTime(Party.CREW, null, 5, 1),
                new WorkOrderReport.LostTime(Party.HOTLINE, "hotline", 3, 1));
    }

    @Test
    void ordersOpenedOutsideTheRangeAreNotCounted() {
        assertThat(reports.report(T0, OPENED).orders()).isZero();
        assertThat(reports.report(OPENED.plusSeconds(1), OPENED.plusSeconds(3600)).stages()).isEmpty();
    }

    private void order(Duration b, Duration c) {
        WorkOrderSummary o = orders.create(new CreateWorkOrder("t", null, null, null, "13800000000", "x", T0, null,
                true, "agent1001", PointSource.DESK));
        orders.recordPoint(o.id(), Point.B, T0.plus(b), "agent1001", PointSource.DESK, null, null);
        if (c != null) {
            orders.recordPoint(o.id(), Point.C, T0.plus(c), "agent1001", PointSource.DESK, null, null);
        }
    }
}
