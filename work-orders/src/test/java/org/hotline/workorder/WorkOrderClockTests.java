package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hotline.workorder.ClockCommand.CloseOrder;
import org.hotline.workorder.ClockCommand.CorrectPoint;
import org.hotline.workorder.ClockCommand.MarkDone;
import org.hotline.workorder.ClockCommand.RecordPoint;
import org.hotline.workorder.ClockCommand.ReopenOrder;
import org.hotline.workorder.ClockCommand.RerouteOrder;
import org.hotline.workorder.ClockEvent.OrderRerouted;
import org.hotline.workorder.WorkOrderClock.Accepted;
import org.hotline.workorder.WorkOrderClock.ClockState;
import org.hotline.workorder.WorkOrderClock.Refused;
import org.hotline.workorder.WorkOrderClock.RefusalKind;
import org.hotline.workorder.WorkOrderClock.Transition;
import org.junit.jupiter.api.Test;

class WorkOrderClockTests {

    private static final OrderType REPAIR = WorkOrderProperties.defaults().orderTypes().get("repair");
    private static final BusinessCalendar CALENDAR = WorkOrderProperties.defaults().businessCalendar();
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    private static Instant min(double m) {
        return T0.plusMillis((long) (m * 60_000));
    }

    private static ClockState ok(ClockState s, ClockCommand c) {
        Transition t = WorkOrderClock.apply(s, c);
        assertThat(t).as("%s", t).isInstanceOf(Accepted.class);
        return ((Accepted) t).state();
    }

    private static Refused refused(ClockState s, ClockCommand c) {
        Transition t = WorkOrderClock.apply(s, c);
        assertThat(t).as("%s", t).isInstanceOf(Refused.class);
        return (Refused) t;
    }

    private static RecordPoint point(Point p, double minute) {
        return new RecordPoint(p, min(minute), "agent1001", PointSource.DESK, null, null);
    }

    private static ClockState upTo(Point last) {
        ClockState s = WorkOrderClock.start(REPAIR);
        for (Point p = Point.A; p != null && p.ordinal() <= last.ordinal(); p = p.next()) {
            s = ok(s, point(p, p.ordinal()));
        }
        return s;
    }

    @Test
    void aRepairWaitsForThePointsAToHInOrderAndIsCompleteAfterH() {
        ClockState s = WorkOrderClock.start(REPAIR);
        assertThat(s.awaiting()).isEqualTo(Point.A);
        s = ok(s, point(Point.A, 0));
        assertThat(s.awaiting()).isEqualTo(Point.B);
        assertThat(upTo(Point.G).awaiting()).isEqualTo(Point.H);
        assertThat(upTo(Point.H).awaiting()).isNull();
    }

    @Test
    void fBeforeEIsRefusedAsOutOfOrderAndNamesTheAwaitedPoint() {
        Refused r = refused(upTo(Point.D), point(Point.F, 10));
        assertThat(r.kind()).isEqualTo(RefusalKind.OUT_OF_ORDER);
        assertThat(r.reason()).contains("F").contains("waits for E");
    }

    @Test
    void aSecondArriveIsRefusedAndPointsToACorrection() {
        Refused r = refused(upTo(Point.H), point(Point.H, 40));
        assertThat(r.kind()).isEqualTo(RefusalKind.ALREADY_RECORDED);
        assertThat(r.reason()).contains("already recorded").contains("correction");
    }

    @Test
    void aPointEarlierThanThePreviousOneIsRefused() {
        Refused r = refused(upTo(Point.C), point(Point.D, 1));
        assertThat(r.kind()).isEqualTo(RefusalKind.OUT_OF_ORDER);
    }

    @Test
    void aPointAfterCloseIsRefused() {
        ClockState closed = ok(upTo(Point.C), new CloseOrder(min(5), "supervisor", "cancelled by the customer"));
        assertThat(closed.awaiting()).isNull();
        assertThat(refused(closed, point(Point.D, 6)).kind()).isEqualTo(RefusalKind.CLOSED);
    }

    @Test
    void aPointTheTypeDoesNotUseIsRefused() {
        OrderType meterCard = WorkOrderProperties.defaults().orderTypes().get("meter_card");
        ClockState s = WorkOrderClock.start(meterCard);
        assertThat(refused(s, point(Point.H, 0)).kind()).isEqualTo(RefusalKind.NOT_A_POINT_OF_TYPE);
    }

    @Test
    void aCorrectionNeedsAReasonAndReplacesTheTimeWithinItsNeighbours() {
        ClockState s = upTo(Point.D);
        assertThat(refused(s, new CorrectPoint(Point.C, min(2.5), "sup", PointSource.DESK, " ")).kind())
                .isEqualTo(RefusalKind.INVALID);
        assertThat(refused(s, new CorrectPoint(Point.C, min(3.5), "sup", PointSource.DESK, "typo")).kind())
                .as("after D").isEqualTo(RefusalKind.OUT_OF_ORDER);
        assertThat(refused(s, new CorrectPoint(Point.F, min(3.5), "sup", PointSource.DESK, "typo")).kind())
                .isEqualTo(RefusalKind.NOT_RECORDED);
        ClockState corrected = ok(s, new CorrectPoint(Point.C, min(2.5), "sup", PointSource.DESK, "clock skew"));
        assertThat(corrected.points().get(Point.C).at()).isEqualTo(min(2.5));
        assertThat(corrected.points().get(Point.C).reason()).isEqualTo("clock skew");
    }

    @Test
    void aRerouteChargesTheTimeSinceTheWrongRoutingToTheRouterAndWaitsAgain() {
        ClockState s = upTo(Point.C);
        Transition t = WorkOrderClock.apply(s, new RerouteOrder(Point.B, min(9), "agent1001", "RC2",
                "area belongs to RC2"));
        assertThat(t).isInstanceOf(Accepted.class);
        OrderRerouted e = (OrderRerouted) ((Accepted) t).event();
        assertThat(e.lost()).isEqualTo(Duration.ofMinutes(8));
        assertThat(e.chargedParty()).as("the hotline dispatched at B").isEqualTo(Party.HOTLINE);
        ClockState after = ((Accepted) t).state();
        assertThat(after.awaiting()).isEqualTo(Point.C);
        assertThat(after.points().get(Point.B).at()).isEqualTo(min(9));
        assertThat(WorkOrderClock.deadline(after, CALENDAR)).as("B→C measured from the new routing")
                .isEqualTo(min(13));
    }

    @Test
    void aRerouteWithoutReasonOrAtAnUnrecordedPointIsRefused() {
        ClockState s = upTo(Point.C);
        assertThat(refused(s, new RerouteOrder(Point.B, min(9), "a", null, "")).kind()).isEqualTo(RefusalKind.INVALID);
        assertThat(refused(s, new RerouteOrder(Point.D, min(9), "a", null, "x")).kind())
                .isEqualTo(RefusalKind.NOT_RECORDED);
        assertThat(refused(s, new RerouteOrder(Point.A, min(9), "a", null, "x")).kind())
                .isEqualTo(RefusalKind.NOT_RECORDED);
    }

    @Test
    void theDeadlineIsTheAwaitedStagesLimitFromThePreviousPoint() {
        assertThat(WorkOrderClock.deadline(WorkOrderClock.start(REPAIR), CALENDAR)).isNull();
        assertThat(WorkOrderClock.deadline(upTo(Point.A), CALENDAR)).isEqualTo(min(2));
        assertThat(WorkOrderClock.deadline(upTo(Point.G), CALENDAR)).isEqualTo(min(6 + 28));
        assertThat(WorkOrderClock.deadline(upTo(Point.H), CALENDAR)).isNull();
    }

    @Test
    void aTeamElsewhereGetsTheLongerDToELimit() {
        ClockState s = upTo(Point.C);
        ClockState same = ok(s, new RecordPoint(Point.D, min(3), "rc", PointSource.DESK, "T1", false));
        ClockState away = ok(s, new RecordPoint(Point.D, min(3), "rc", PointSource.DESK, "T2", true));
        assertThat(WorkOrderClock.deadline(same, CALENDAR)).isEqualTo(min(5));
        assertThat(WorkOrderClock.deadline(away, CALENDAR)).isEqualTo(min(7));
    }

    @Test
    void replayingTheLoggedEventsGivesTheSameState() {
        java.util.List<ClockEvent> log = new java.util.ArrayList<>();
        ClockState s = WorkOrderClock.start(REPAIR);
        for (ClockCommand c : java.util.List.<ClockCommand>of(point(Point.A, 0), point(Point.B, 1), point(Point.C, 2),
                new RerouteOrder(Point.B, min(4), "a", "RC2", "wrong centre"), point(Point.C, 5),
                new CorrectPoint(Point.C, min(4.5), "s", PointSource.DESK, "late entry"))) {
            Accepted a = (Accepted) WorkOrderClock.apply(s, c);
            log.add(a.event());
            s = a.state();
        }
        assertThat(WorkOrderClock.replay(REPAIR, log)).isEqualTo(s);
        assertThat(s.points().get(Point.C).at()).isEqualTo(min(4.5));
    }

    @Test
    void workIsDoneOnlyAfterTheLastPointOnceAndAReopenWaitsForDoneAgain() {
        assertThat(refused(upTo(Point.G), new MarkDone(min(9), "crew7", PointSource.CREW_APP, null)).kind())
                .isEqualTo(RefusalKind.NOT_DONE_YET);
        assertThat(refused(upTo(Point.H), new MarkDone(min(6), "crew7", PointSource.CREW_APP, null)).kind())
                .isEqualTo(RefusalKind.OUT_OF_ORDER);
        assertThat(refused(upTo(Point.H), new ReopenOrder(min(9), "agent1001", "not done")).kind())
                .isEqualTo(RefusalKind.NOT_DONE_YET);
        ClockState done = ok(upTo(Point.H), new MarkDone(min(60), "crew7", PointSource.CREW_APP, "fuse replaced"));
        assertThat(done.doneAt()).isEqualTo(min(60));
        assertThat(refused(done, new MarkDone(min(61), "crew7", PointSource.CREW_APP, null)).kind())
                .isEqualTo(RefusalKind.NOT_DONE_YET);
        assertThat(refused(done, new ReopenOrder(min(90), "agent1001", " ")).kind()).isEqualTo(RefusalKind.INVALID);
        ClockState reopened = ok(done, new ReopenOrder(min(90), "agent1001", "customer still has no power"));
        assertThat(reopened.doneAt()).isNull();
        assertThat(reopened.points()).isEqualTo(done.points());
        assertThat(ok(reopened, new MarkDone(min(120), "crew7", PointSource.CREW_APP, null)).doneAt())
                .isEqualTo(min(120));
    }
}
