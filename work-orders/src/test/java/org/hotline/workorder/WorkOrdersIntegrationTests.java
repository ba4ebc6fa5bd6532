package org.hotline.workorder;

import org.hotline.cti.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.workorder.WorkOrderRejectedException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WorkOrdersIntegrationTests {

    private static final Instant NOW = WorkOrderTestDatabase.NOW;
    private static final String ENDED_CALL = "1700000000.1";
    private static final String LIVE_CALL = "1700000000.2";

    private WorkOrderTestDatabase db;
    private TestClock clock;
    private WorkOrders orders;

    @BeforeEach
    void setUp() {
        db = new WorkOrderTestDatabase();
        clock = new TestClock(NOW);
        orders = new WorkOrders(db.pool, WorkOrderProperties.defaults(), clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private WorkOrderSummary repairFromCall(String callId) {
        return orders.create(new CreateWorkOrder("repair", callId, null, null, null, "停电", null, null, false,
                "agent1001", PointSource.DESK));
    }

    private WorkOrderSummary byHand(String type, Long customer, Long premises, Instant at, Long linkTo, boolean force) {
        return orders.create(new CreateWorkOrder(type, null, customer, premises, "13800000000", "x", at, linkTo, force,
                "agent1001", PointSource.DESK));
    }

    private static Kind kindOf(Runnable r) {
        try {
            r.run();
        } catch (WorkOrderRejectedException e) {
            return e.kind();
        }
        throw new AssertionError("not refused");
    }

    private int logRows() {
        return db.jdbc.queryForObject("select count(*) from work_order_points", Integer.class);
    }

    @Test
    void listenersHearEveryCommittedChangeWithTheOrderAfterItAndAFailingListenerHarmsNothing() {
        List<WorkOrderChanged> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        orders.onChange(c -> {
            throw new IllegalStateException("a broken page");
        });
        orders.onChange(heard::add);
        clock.set(NOW.plusSeconds(90));
        WorkOrderSummary o = repairFromCall(ENDED_CALL);
        orders.recordPoint(o.id(), Point.B, null, "agent1001", PointSource.DESK, null, null);
        assertThatThrownBy(() -> orders.recordPoint(o.id(), Point.B, null, "agent1001", PointSource.DESK, null, null))
                .isInstanceOf(WorkOrderRejectedException.class);
        orders.close(o.id(), "customer cancelled", "supervisor");
        assertThat(heard).extracting(WorkOrderChanged::change).containsExactly(WorkOrderChanged.Change.CREATED,
                WorkOrderChanged.Change.POINT_RECORDED, WorkOrderChanged.Change.CLOSED);
        assertThat(heard.get(1).order().awaiting()).isEqualTo(Point.C);
        assertThat(heard.get(2).order().closedAt()).isNotNull();
    }

    @Test
    void doneIsLoggedWithItsSourceTheOrderIsResolvedAndAReopenNeedsAReason() {
        List<WorkOrderChanged> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        orders.onChange(heard::add);
        clock.set(NOW.plusSeconds(90));
        WorkOrderSummary o = repairFromCall(ENDED_CALL);
        assertThat(kindOf(() -> orders.markDone(o.id(), null, "crew7", PointSource.CREW_APP, null)))
                .isEqualTo(Kind.CONFLICT);
        for (Point p = Point.B; p != null && p.ordinal() <= Point.H.ordinal(); p = p.next()) {
            orders.recordPoint(o.id(), p, null, "agent1001", PointSource.DESK, null, null);
        }
        WorkOrderSummary done = orders.markDone(o.id(), null, "crew7", PointSource.CREW_APP, "fuse replaced");
        assertThat(done.status()).isEqualTo("resolved");
        assertThat(done.closedAt()).isNull();
        assertThat(orders.timeline(o.id()).log()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("done");
            assertThat(e.source()).isEqualTo(PointSource.CREW_APP);
        });
        assertThat(kindOf(() -> orders.reopen(o.id(), "", "agent1001"))).isEqualTo(Kind.INVALID);
        assertThat(orders.reopen(o.id(), "still no power", "agent1001").status()).isEqualTo("in_progress");
        assertThat(heard).extracting(WorkOrderChanged::change).endsWith(WorkOrderChanged.Change.DONE,
                WorkOrderChanged.Change.REOPENED);
    }

    @Test
    void anOrderFromACallStartsWhenTheCustomerHungUpNotWhenTheAgentTyped() {
        clock.set(NOW.plusSeconds(90));
        WorkOrderSummary o = repairFromCall(ENDED_CALL);
        Instant hungUp = NOW.minusSeconds(30);
        assertThat(o.customerId()).isEqualTo(db.customer);
        assertThat(o.premisesId()).isEqualTo(db.premisesWithCentre);
        assertThat(o.callerNumber()).isEqualTo("13812345678");
        assertThat(o.repairCentre()).isEqualTo("RC1");
        assertThat(o.awaiting()).isEqualTo(Point.B);
        assertThat(o.responsible()).isEqualTo(Party.HOTLINE);
        assertThat(o.deadline()).isEqualTo(hungUp.plus(Duration.ofMinutes(2)));
        assertThat(o.secondsLeft()).isEqualTo(0);
        assertThat(o.orderNo()).matches("WO20261123-\\d{6}");
        WorkOrderTimeline t = orders.timeline(o.id());
        assertThat(t.log()).singleElement().satisfies(e -> {
            assertThat(e.point()).isEqualTo(Point.A);
            assertThat(e.at()).isEqualTo(hungUp);
            assertThat(e.source()).isEqualTo(PointSource.SYSTEM);
        });
        List<Map<String, Object>> timers = db.jdbc.queryForList(
                "select kind, point, due_at from work_order_timers where order_id = ? order by due_at", o.id());
        assertThat(timers).extracting(m -> m.get("kind")).containsExactly("warning", "alarm", "promise_warning",
                "promise_alarm");
        assertThat(((Timestamp) timers.get(3).get("due_at")).toInstant()).isEqualTo(hungUp.plus(Duration.ofMinutes(45)));
    }

    @Test
    void theOrderNumberCarriesTheCompanysDateNotUtcs() {
        // 20:00 UTC on the 23rd is 04:00 on the 24th in Shanghai
        clock.set(Instant.parse("2026-11-23T20:00:00Z"));
        assertThat(byHand("complaint", db.customer, null, null, null, false).orderNo()).startsWith("WO20261124-");
    }

    @Test
    void anOrderCreatedDuringTheCallStartsOnceTheCallEnds() {
        WorkOrderSummary o = repairFromCall(LIVE_CALL);
        assertThat(o.awaiting()).isEqualTo(Point.A);
        assertThat(o.deadline()).isNull();
        assertThat(orders.startOrdersWhoseCallEnded()).isZero();
        Instant ended = NOW.plusSeconds(40);
        db.jdbc.update("update calls set ended_at = ? where call_id = ?", Timestamp.from(ended), LIVE_CALL);
        assertThat(orders.startOrdersWhoseCallEnded()).isEqualTo(1);
        WorkOrderSummary started = orders.summary(o.id());
        assertThat(started.awaiting()).isEqualTo(Point.B);
        assertThat(started.deadline()).isEqualTo(ended.plus(Duration.ofMinutes(2)));
    }

    @Test
    void aSecondRepairOrderOnTheSamePremisesIsReturnedAsADuplicateUnlessLinkedOrForced() {
        WorkOrderSummary first = repairFromCall(ENDED_CALL);
        assertThatThrownBy(() -> byHand("repair", db.customer, null, null, null, false))
                .isInstanceOfSatisfying(WorkOrderRejectedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(e.duplicates()).extracting(WorkOrderSummary::id).containsExactly(first.id());
                    assertThat(e.getMessage()).contains(first.orderNo());
                });
        int ordersBefore = db.jdbc.queryForObject("select count(*) from work_orders", Integer.class);
        assertThat(byHand("repair", db.customer, null, null, first.id(), false).id()).isEqualTo(first.id());
        assertThat(db.jdbc.queryForObject("select count(*) from work_orders", Integer.class)).isEqualTo(ordersBefore);
        WorkOrderSummary forced = byHand("repair", db.customer, null, null, null, true);
        assertThat(forced.id()).isNotEqualTo(first.id());
        assertThat(db.jdbc.queryForObject("select linked_order_id from work_orders where id = ?", Long.class,
                forced.id())).isEqualTo(first.id());
    }

    @Test
    void anUnknownTypeIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> byHand("teleport", db.customer, null, null, null, false))
                .isInstanceOfSatisfying(WorkOrderRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNPROCESSABLE))
                .hasMessageContaining("teleport").hasMessageContaining("repair");
    }

    @Test
    void premisesWhoseAreaHasNoRepairCentreAreRefusedAndNothingIsCreated() {
        assertThatThrownBy(() -> byHand("repair", db.customerWithoutCentre, null, null, null, false))
                .isInstanceOfSatisfying(WorkOrderRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNPROCESSABLE))
                .hasMessageContaining("no repair centre").hasMessageContaining("TA2");
        assertThat(db.jdbc.queryForObject("select count(*) from work_orders", Integer.class)).isZero();
    }

    @Test
    void aCustomerWithTwoPremisesMustSayWhichHasTheFault() {
        assertThat(kindOf(() -> byHand("repair", db.customerWithTwoPremises, null, null, null, false)))
                .isEqualTo(Kind.UNPROCESSABLE);
        assertThat(byHand("repair", db.customerWithTwoPremises, db.otherPremisesWithCentre, null, null, false)
                .premisesId()).isEqualTo(db.otherPremisesWithCentre);
    }

    @Test
    void anUnknownOrderOrCallIsNotFound() {
        assertThat(kindOf(() -> orders.recordPoint(999_999, Point.B, null, "agent1001", PointSource.DESK, null, null)))
                .isEqualTo(Kind.NOT_FOUND);
        assertThat(kindOf(() -> orders.timeline(999_999))).isEqualTo(Kind.NOT_FOUND);
        assertThat(kindOf(() -> repairFromCall("no-such-call"))).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void pointsOutOfOrderAndASecondArriveAreConflictsAndRecordNothing() {
        long id = repairFromCall(ENDED_CALL).id();
        for (Point p : List.of(Point.B, Point.C, Point.D, Point.E, Point.F, Point.G, Point.H)) {
            clock.advance(Duration.ofMinutes(1));
            orders.recordPoint(id, p, null, "agent1001", PointSource.DESK, null, null);
        }
        int rows = logRows();
        assertThatThrownBy(() -> orders.recordPoint(id, Point.H, null, "crew", PointSource.CREW_APP, null, null))
                .isInstanceOfSatisfying(WorkOrderRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT)).hasMessageContaining("already recorded");
        long other = byHand("repair", db.customerWithTwoPremises, db.otherPremisesWithCentre, null, null, false).id();
        int rows2 = logRows();
        orders.recordPoint(other, Point.B, null, "agent1001", PointSource.DESK, null, null);
        assertThatThrownBy(() -> orders.recordPoint(other, Point.F, null, "crew", PointSource.CREW_APP, null, null))
                .isInstanceOfSatisfying(WorkOrderRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT)).hasMessageContaining("waits for C");
        assertThat(logRows()).isEqualTo(rows2 + 1);
        assertThat(rows2).isEqualTo(rows + 1);
    }

    @Test
    void aPointInTheFutureIsRefused() {
        long id = repairFromCall(ENDED_CALL).id();
        assertThat(kindOf(() -> orders.recordPoint(id, Point.B, NOW.plus(Duration.ofHours(1)), "agent1001",
                PointSource.DESK, null, null))).isEqualTo(Kind.INVALID);
    }

    @Test
    void thePointsLogIsAppendOnlyAndACorrectionIsANewRowWithItsReason() {
        long id = repairFromCall(ENDED_CALL).id();
        orders.recordPoint(id, Point.B, NOW, "agent1001", PointSource.DESK, null, null);
        assertThatThrownBy(() -> db.jdbc.update("update work_order_points set at = now() where order_id = ?", id))
                .hasMessageContaining("append-only");
        orders.recordPoint(id, Point.B, NOW.minusSeconds(10), "supervisor", PointSource.DESK, null, "typed late");
        WorkOrderTimeline t = orders.timeline(id);
        assertThat(t.log()).extracting(WorkOrderTimeline.LogEntry::kind).containsExactly("point", "point", "correction");
        assertThat(t.log().get(2).reason()).isEqualTo("typed late");
        assertThat(t.log().get(2).by()).isEqualTo("supervisor");
        assertThat(t.stages().get(0).endedAt()).isEqualTo(NOW.minusSeconds(10));
        assertThat(t.stages().get(0).withinLimit()).isTrue();
    }

    @Test
    void aRerouteChargesTheLostTimeToTheUnitThatRoutedWronglyAndMovesTheOrder() {
        long id = repairFromCall(ENDED_CALL).id();
        orders.recordPoint(id, Point.B, NOW, "agent1001", PointSource.DESK, null, null);
        clock.advance(Duration.ofMinutes(1));
        orders.recordPoint(id, Point.C, null, "rc1", PointSource.DESK, null, null);
        clock.advance(Duration.ofMinutes(5));
        WorkOrderSummary o = orders.reroute(id, Point.B, "RC2", "TA1 belongs to RC2 since November", "supervisor");
        assertThat(o.repairCentre()).isEqualTo("RC2");
        assertThat(o.awaiting()).isEqualTo(Point.C);
        assertThat(o.deadline()).isEqualTo(NOW.plus(Duration.ofMinutes(6 + 4)));
        WorkOrderTimeline t = orders.timeline(id);
        WorkOrderTimeline.LogEntry reroute = t.log().get(t.log().size() - 1);
        assertThat(reroute.kind()).isEqualTo("reroute");
        assertThat(reroute.lostSeconds()).isEqualTo(360);
        assertThat(reroute.chargedParty()).isEqualTo(Party.HOTLINE);
        assertThat(reroute.chargedUnit()).isEqualTo("hotline");
        assertThat(t.stages().get(0).rerouteSeconds()).isEqualTo(360);
        assertThat(kindOf(() -> orders.reroute(id, Point.B, "RC9", "x", "supervisor"))).isEqualTo(Kind.UNPROCESSABLE);
    }

    @Test
    void aTeamChosenWronglyChargesTheRepairCentreThatChoseItAndTheNewTeamsSiteSetsTheLimit() {
        long id = repairFromCall(ENDED_CALL).id();
        for (Point p : List.of(Point.B, Point.C)) {
            orders.recordPoint(id, p, NOW, "agent1001", PointSource.DESK, null, null);
        }
        orders.recordPoint(id, Point.D, NOW, "rc1", PointSource.DESK, "T2", null);
        clock.advance(Duration.ofMinutes(3));
        assertThat(kindOf(() -> orders.reroute(id, Point.D, "RC2", null, "x", "supervisor"))).isEqualTo(Kind.INVALID);
        assertThat(kindOf(() -> orders.reroute(id, Point.B, null, "T1", "x", "supervisor"))).isEqualTo(Kind.INVALID);
        assertThat(kindOf(() -> orders.reroute(id, Point.D, null, "T9", "x", "supervisor")))
                .isEqualTo(Kind.UNPROCESSABLE);
        WorkOrderSummary o = orders.reroute(id, Point.D, null, "T1", "T2 does not cover 建设南路", "supervisor");
        assertThat(o.awaiting()).isEqualTo(Point.E);
        // the new team is at the centre's own site: the short D→E limit from the re-route
        assertThat(o.deadline()).isEqualTo(NOW.plus(Duration.ofMinutes(3 + 2)));
        assertThat(db.jdbc.queryForObject("select u.code from work_orders w join work_order_units u"
                + " on u.id = w.team_unit_id where w.id = ?", String.class, id)).isEqualTo("T1");
        WorkOrderTimeline.LogEntry reroute = orders.timeline(id).log().get(4);
        assertThat(reroute.chargedParty()).isEqualTo(Party.REPAIR_CENTRE);
        assertThat(reroute.chargedUnit()).isEqualTo("RC1");
        assertThat(reroute.unit()).isEqualTo("T1");
        assertThat(reroute.lostSeconds()).isEqualTo(180);
    }

    @Test
    void handingTheOrderToATeamElsewhereGivesTheLongerLimitAndAnAcceptanceAlarm() {
        long id = repairFromCall(ENDED_CALL).id();
        orders.recordPoint(id, Point.B, NOW, "agent1001", PointSource.DESK, null, null);
        orders.recordPoint(id, Point.C, NOW, "system", PointSource.SYSTEM, null, null);
        WorkOrderSummary o = orders.recordPoint(id, Point.D, NOW, "rc1", PointSource.DESK, "T2", null);
        assertThat(o.deadline()).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
        assertThat(db.jdbc.queryForList("select kind from work_order_timers where order_id = ? and point = 'F' "
                + "and cancelled_at is null order by due_at", String.class, id))
                .containsExactly("acceptance", "escalation");
        assertThat(orders.recordPoint(id, Point.E, NOW, "x", PointSource.DESK, null, null).deadline())
                .as("E→F 2m").isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        long other = byHand("repair", db.customerWithTwoPremises, db.otherPremisesWithCentre, null, null, false).id();
        orders.recordPoint(other, Point.B, NOW, "a", PointSource.DESK, null, null);
        orders.recordPoint(other, Point.C, NOW, "a", PointSource.DESK, null, null);
        assertThat(kindOf(() -> orders.recordPoint(other, Point.D, NOW, "a", PointSource.DESK, "T9", null)))
                .isEqualTo(Kind.UNPROCESSABLE);
    }

    @Test
    void anOrderKeepsTheLimitsItStartedWith() {
        long id = repairFromCall(ENDED_CALL).id();
        WorkOrderProperties changed = new Binder(new MapConfigurationPropertySource(Map.of(
                "hotline.work-orders.types.repair.stages[0].name", "派单",
                "hotline.work-orders.types.repair.stages[0].party", "hotline",
                "hotline.work-orders.types.repair.stages[0].limit", "9m",
                "hotline.work-orders.types.repair.stages[1].name", "到达",
                "hotline.work-orders.types.repair.stages[1].party", "network",
                "hotline.work-orders.types.repair.stages[1].limit", "9m")))
                .bindOrCreate("hotline.work-orders", WorkOrderProperties.class);
        WorkOrders restarted = new WorkOrders(db.pool, changed, clock);
        WorkOrderSummary o = restarted.recordPoint(id, Point.B, NOW, "agent1001", PointSource.DESK, null, null);
        assertThat(o.deadline()).as("B→C of the snapshot: 4m").isEqualTo(NOW.plus(Duration.ofMinutes(4)));
        assertThat(restarted.timeline(id).stages()).hasSize(7);
    }

    @Test
    void closingCancelsTheTimersAndRefusesLaterPoints() {
        long id = repairFromCall(ENDED_CALL).id();
        WorkOrderSummary closed = orders.close(id, "customer fixed it", "supervisor");
        assertThat(closed.closedAt()).isEqualTo(NOW);
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(db.jdbc.queryForObject("select count(*) from work_order_timers where order_id = ? and "
                + "cancelled_at is null and fired_at is null", Integer.class, id)).isZero();
        assertThat(kindOf(() -> orders.recordPoint(id, Point.B, NOW, "a", PointSource.DESK, null, null)))
                .isEqualTo(Kind.CONFLICT);
        assertThat(orders.open()).extracting(WorkOrderSummary::id).doesNotContain(id);
    }

    @Test
    void openOrdersListTheMostUrgentFirstWithTheTimeLeft() {
        long repair = repairFromCall(ENDED_CALL).id();
        long complaint = byHand("complaint", db.customer, null, NOW, null, false).id();
        clock.advance(Duration.ofSeconds(30));
        List<WorkOrderSummary> open = orders.open();
        assertThat(open).extracting(WorkOrderSummary::id).containsExactly(repair, complaint);
        assertThat(open.get(0).secondsLeft()).isEqualTo(60);
        assertThat(open.get(1).awaitingName()).contains("派发");
    }

    @Test
    void unitsAreRegisteredWithTwoManagersAndBadOnesAreRefused() {
        WorkOrderUnit crew = orders.saveUnit(new WorkOrderUnit("C1", "抢修一组", "crew", "RC1", "T1", true, "赵",
                "13800000005", "钱", "13800000006"));
        assertThat(crew.parent()).isEqualTo("T1");
        assertThat(orders.saveUnit(new WorkOrderUnit("C1", "抢修一组", "crew", "RC1", "T1", false, "赵",
                "13800000007", null, null)).manager1Phone()).as("saved again replaces").isEqualTo("13800000007");
        assertThat(orders.units()).extracting(WorkOrderUnit::code).contains("T1", "T2", "C1");
        assertThat(kindOf(() -> orders.saveUnit(new WorkOrderUnit("C2", "x", "van", "RC1", null, true, null, null,
                null, null)))).isEqualTo(Kind.INVALID);
        assertThat(kindOf(() -> orders.saveUnit(new WorkOrderUnit("C2", "x", "crew", "RC9", null, true, null, null,
                null, null)))).isEqualTo(Kind.UNPROCESSABLE);
        assertThat(kindOf(() -> orders.saveUnit(new WorkOrderUnit("C2", "x", "crew", "RC1", null, true, "a",
                "call me", null, null)))).isEqualTo(Kind.INVALID);
        assertThat(kindOf(() -> orders.saveUnit(new WorkOrderUnit("bad code!", "x", "crew", "RC1", null, true, null,
                null, null, null)))).isEqualTo(Kind.INVALID);
    }

    @Test
    void theUnitTreeKeepsCrewsUnderTeamsOfTheirOwnCentre() {
        orders.saveUnit(new WorkOrderUnit("C1", "抢修一组", "crew", "RC1", "T1", true, null, null, null, null));
        // a crew without a team, under a crew, or under another centre's team can never be sent an order
        assertThat(orders.units()).extracting(WorkOrderUnit::code).doesNotContain("C9");
        assertThat(messageOf(() -> orders.saveUnit(new WorkOrderUnit("C9", "x", "crew", "RC1", null, true, null, null,
                null, null)))).contains("parent: empty");
        assertThat(messageOf(() -> orders.saveUnit(new WorkOrderUnit("C9", "x", "crew", "RC1", "C1", true, null, null,
                null, null)))).contains("'C1' is a crew (expected: a team)");
        assertThat(messageOf(() -> orders.saveUnit(new WorkOrderUnit("T9", "x", "team", "RC1", "C1", true, null, null,
                null, null)))).contains("expected: a repair_centre");
        assertThat(messageOf(() -> orders.saveUnit(new WorkOrderUnit("C9", "x", "crew", "RC1", "T2", true, null, null,
                null, null)))).contains("'T2' belongs to another repair centre");
        // the team that has crews keeps its centre
        assertThat(kindOf(() -> orders.saveUnit(new WorkOrderUnit("T1", "抢修一班", "team", "RC2", null, true, null,
                null, null, null)))).isEqualTo(Kind.CONFLICT);
        assertThat(orders.units()).filteredOn(u -> u.code().equals("T1")).singleElement()
                .satisfies(u -> assertThat(u.repairCentre()).isEqualTo("RC1"));
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (WorkOrderRejectedException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void openOrdersFilterByTypeAndRepairCentre() {
        long repair = repairFromCall(ENDED_CALL).id();
        long complaint = byHand("complaint", db.customer, null, NOW, null, false).id();
        assertThat(orders.open("repair", null)).extracting(WorkOrderSummary::id).containsExactly(repair);
        // the complaint sits on the same premises, so it carries their area's repair centre too
        assertThat(orders.open(null, "RC1")).extracting(WorkOrderSummary::id).containsExactly(repair, complaint);
        assertThat(orders.open("complaint", "RC1")).extracting(WorkOrderSummary::id).containsExactly(complaint);
        assertThat(orders.open(null, "RC2")).isEmpty();
        assertThat(orders.open(null, null)).extracting(WorkOrderSummary::id).containsExactly(repair, complaint);
    }
}
