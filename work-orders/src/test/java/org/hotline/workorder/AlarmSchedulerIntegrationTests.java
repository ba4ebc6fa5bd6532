package org.hotline.workorder;

import org.hotline.cti.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotline.cti.push.PushMessage;
import org.hotline.workorder.WorkOrderProperties.TimerSettings;
import org.hotline.workorder.internal.AlarmScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlarmSchedulerIntegrationTests {

    private static final Instant NOW = WorkOrderTestDatabase.NOW;
    private static final String ENDED_CALL = "1700000000.1";
    private static final Instant HUNG_UP = NOW.minusSeconds(30);

    private WorkOrderTestDatabase db;
    private TestClock clock;
    private WorkOrders orders;
    private RecordingPushBus bus;
    private final List<List<String>> smsPhones = new CopyOnWriteArrayList<>();
    private AlarmScheduler scheduler;
    private final TimerSettings timers = WorkOrderProperties.defaults().timers();

    @BeforeEach
    void setUp() {
        db = new WorkOrderTestDatabase();
        clock = new TestClock(NOW);
        orders = new WorkOrders(db.pool, WorkOrderProperties.defaults(), clock);
        bus = new RecordingPushBus("node-1");
        scheduler = new AlarmScheduler(db.pool, orders, bus, (alarm, unit, phones) -> {
            smsPhones.add(phones);
            return ManagerNotifier.Outcome.SENT;
        }, timers,
                clock);
    }

    @AfterEach
    void tearDown() {
        scheduler.close();
        db.close();
    }

    private long repairOrder() {
        return orders.create(new CreateWorkOrder("repair", ENDED_CALL, null, null, null, "停电", null, null, false,
                "agent1001", PointSource.DESK)).id();
    }

    private List<JsonNode> pushed() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (PushMessage m : bus.published) {
            assertThat(m.type()).isEqualTo("workorder-alarm");
            assertThat(m.target()).isEqualTo(PushMessage.SUPERVISORS);
            out.add(new ObjectMapper().readTree(m.payload()));
        }
        return out;
    }

    @Test
    void theStageWarningAndAlarmFireAtTheirDeadlineNotBefore() throws Exception {
        long id = repairOrder();
        // A→B is 2 minutes from the hang-up: the warning at 75%, the alarm at the limit
        clock.set(HUNG_UP.plusMillis(89_999));
        assertThat(scheduler.tick()).isZero();
        clock.set(HUNG_UP.plusSeconds(90));
        assertThat(scheduler.tick()).isEqualTo(1);
        clock.set(HUNG_UP.plusMillis(119_999));
        assertThat(scheduler.tick()).isZero();
        clock.set(HUNG_UP.plusSeconds(120));
        assertThat(scheduler.tick()).isEqualTo(1);
        List<JsonNode> pushed = pushed();
        assertThat(pushed).extracting(n -> n.get("kind").asText()).containsExactly("warning", "alarm");
        JsonNode alarm = pushed.get(1);
        assertThat(alarm.get("orderId").asLong()).isEqualTo(id);
        assertThat(alarm.get("point").asText()).isEqualTo("B");
        assertThat(alarm.get("party").asText()).isEqualTo("HOTLINE");
        assertThat(alarm.get("late").asBoolean()).isFalse();
        assertThat(Instant.parse(alarm.get("dueAt").asText())).isEqualTo(HUNG_UP.plusSeconds(120));
        assertThat(orders.unacknowledgedAlarms()).hasSize(2);
    }

    @Test
    void eachFiredTimersLatenessIsReportedAndOverdueTimersAreCounted() {
        repairOrder();
        List<Duration> lateness = new CopyOnWriteArrayList<>();
        scheduler.reportLatenessTo(lateness::add);
        // the warning was due at 90 s, the alarm at 120 s after the hang-up; the scheduler looks at 125 s
        clock.set(HUNG_UP.plusSeconds(125));
        assertThat(scheduler.dueUnfired()).isEqualTo(2);

        assertThat(scheduler.tick()).isEqualTo(2);

        assertThat(lateness).containsExactlyInAnyOrder(Duration.ofSeconds(35), Duration.ofSeconds(5));
        assertThat(scheduler.dueUnfired()).isZero();
    }

    @Test
    void recordingThePointInTimeCancelsItsTimers() {
        long id = repairOrder();
        orders.recordPoint(id, Point.B, NOW, "agent1001", PointSource.DESK, null, null);
        clock.set(NOW.plusSeconds(60));
        scheduler.tick();
        assertThat(bus.published).isEmpty();
        // B→C (4m from B) is next: its warning at 3m
        clock.set(NOW.plusSeconds(180));
        assertThat(scheduler.tick()).isEqualTo(1);
        assertThat(orders.unacknowledgedAlarms()).singleElement()
                .satisfies(a -> assertThat(a.point()).isEqualTo(Point.C));
    }

    @Test
    void unacknowledgedAlarmsRepeatUntilAPersonAcknowledgesThem() {
        repairOrder();
        clock.set(HUNG_UP.plusSeconds(120));
        assertThat(scheduler.tick()).isEqualTo(2);
        AlarmView alarm = orders.unacknowledgedAlarms().stream().filter(a -> a.kind().equals("alarm")).findFirst()
                .orElseThrow();
        clock.advance(timers.repeatInterval().minusMillis(1));
        assertThat(scheduler.tick()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(scheduler.tick()).as("the alarm repeats, the warning does not").isEqualTo(1);
        assertThat(orders.alarm(alarm.id()).fireCount()).isEqualTo(2);
        AlarmView acked = orders.acknowledge(alarm.id(), "supervisor");
        assertThat(acked.acknowledgedBy()).isEqualTo("supervisor");
        assertThat(acked.acknowledgedAt()).isEqualTo(clock.instant());
        clock.advance(timers.repeatInterval().multipliedBy(3));
        assertThat(scheduler.tick()).isZero();
        assertThat(orders.unacknowledgedAlarms()).extracting(AlarmView::kind).containsExactly("warning");
    }

    @Test
    void anAlarmStopsRepeatingOnceItsPointIsRecordedOrTheOrderCloses() {
        long id = repairOrder();
        clock.set(HUNG_UP.plusSeconds(120));
        assertThat(scheduler.tick()).isEqualTo(2);
        orders.recordPoint(id, Point.B, clock.instant(), "agent1001", PointSource.DESK, null, null);
        clock.advance(timers.repeatInterval());
        bus.published.clear();
        scheduler.tick();
        assertThat(bus.published).isEmpty();
        // B→C's alarm (4m after B) fires and repeats until the order closes
        clock.advance(Duration.ofMinutes(4));
        scheduler.tick();
        assertThat(bus.published).isNotEmpty();
        orders.close(id, "duplicate of another report", "supervisor");
        bus.published.clear();
        clock.advance(timers.repeatInterval().multipliedBy(2));
        scheduler.tick();
        assertThat(bus.published).isEmpty();
        assertThat(orders.unacknowledgedAlarms()).isNotEmpty();
    }

    @Test
    void anOrderNotAcceptedAlarmsAtFourMinutesAndSmsesTheTwoManagersAtTheSecondLevel() {
        long id = repairOrder();
        orders.recordPoint(id, Point.B, NOW, "agent1001", PointSource.DESK, null, null);
        orders.recordPoint(id, Point.C, NOW, "system", PointSource.SYSTEM, null, null);
        orders.recordPoint(id, Point.D, NOW, "rc1", PointSource.DESK, "T2", null);
        orders.recordPoint(id, Point.E, NOW.plusSeconds(60), "system", PointSource.SYSTEM, null, null);
        clock.set(NOW.plus(timers.acceptanceAlarmAfter()));
        scheduler.tick();
        assertThat(orders.unacknowledgedAlarms()).extracting(AlarmView::kind).contains("acceptance")
                .doesNotContain("escalation");
        assertThat(smsPhones).isEmpty();
        clock.set(NOW.plus(timers.escalationAfter()));
        scheduler.tick();
        AlarmView escalation = orders.unacknowledgedAlarms().stream().filter(a -> a.kind().equals("escalation"))
                .findFirst().orElseThrow();
        assertThat(escalation.smsStatus()).isEqualTo("sent");
        assertThat(smsPhones).containsExactly(List.of("13800000001", "13800000002"));
    }

    @Test
    void aTimerThatFellDueWhileTheServerWasDownFiresLateAndSendsNoStaleSms() {
        long id = repairOrder();
        orders.recordPoint(id, Point.B, NOW, "agent1001", PointSource.DESK, null, null);
        orders.recordPoint(id, Point.C, NOW, "system", PointSource.SYSTEM, null, null);
        orders.recordPoint(id, Point.D, NOW, "rc1", PointSource.DESK, "T2", null);
        // the server was down for an hour
        clock.set(NOW.plus(Duration.ofHours(1)));
        scheduler.tick();
        List<AlarmView> alarms = orders.unacknowledgedAlarms();
        assertThat(alarms).extracting(AlarmView::kind).contains("alarm", "acceptance", "escalation", "promise_alarm");
        assertThat(alarms).allSatisfy(a -> assertThat(a.late()).isTrue());
        AlarmView escalation = alarms.stream().filter(a -> a.kind().equals("escalation")).findFirst().orElseThrow();
        assertThat(escalation.smsStatus()).isEqualTo("skipped_stale");
        assertThat(smsPhones).isEmpty();
    }

    @Test
    void twoSchedulersOnOneDatabaseFireEachTimerExactlyOnce() throws Exception {
        int count = 150;
        for (int i = 0; i < count; i++) {
            // complaints need no premises; A→B is 2 hours, so the warning and the alarm are due three hours on
            orders.create(new CreateWorkOrder("complaint", null, db.customer, null, null, "投诉 " + i, NOW, null,
                    false, "agent1001", PointSource.DESK));
        }
        TimerSettings small = new TimerSettings(null, null, null, null, null, null, null, 7);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.pool.getJdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        RecordingPushBus bus2 = new RecordingPushBus("node-2");
        clock.set(NOW.plus(Duration.ofHours(3)));
        try (HikariDataSource pool2 = new HikariDataSource(config)) {
            WorkOrders orders2 = new WorkOrders(pool2, WorkOrderProperties.defaults(), clock);
            AlarmScheduler one = new AlarmScheduler(db.pool, orders, bus, null, small, clock);
            AlarmScheduler two = new AlarmScheduler(pool2, orders2, bus2, null, small, clock);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (AlarmScheduler s : List.of(one, two)) {
                runs.add(threads.submit(() -> {
                    go.await();
                    int total = 0;
                    // keep ticking until a whole tick finds nothing left for this node
                    for (int n = s.tick(); n > 0; n = s.tick()) {
                        total += n;
                    }
                    return total;
                }));
            }
            go.countDown();
            int fired = runs.get(0).get() + runs.get(1).get();
            threads.shutdown();
            assertThat(fired).isEqualTo(2 * count);
        }
        assertThat(bus.published.size() + bus2.published.size()).isEqualTo(2 * count);
        assertThat(db.jdbc.queryForObject("select count(*) from work_order_alarms", Integer.class)).isEqualTo(2 * count);
        assertThat(db.jdbc.queryForObject("select count(*) from work_order_timers where fired_at is not null",
                Integer.class)).isEqualTo(2 * count);
        List<String> payloads = new ArrayList<>();
        bus.published.forEach(m -> payloads.add(m.payload()));
        bus2.published.forEach(m -> payloads.add(m.payload()));
        assertThat(payloads.stream().map(p -> p.replaceAll(".*\"id\":(\\d+).*", "$1")).distinct().count())
                .as("no alarm pushed twice").isEqualTo(2L * count);
        assertThat(db.jdbc.queryForList("select distinct fired_by from work_order_timers where fired_at is not null",
                String.class)).isSubsetOf("node-1", "node-2");
    }

    @Test
    void theSchedulerStartedOnItsOwnThreadFiresWithoutBeingDriven() {
        repairOrder();
        clock.set(HUNG_UP.plusSeconds(120));
        scheduler.start();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> bus.published.size() == 2);
    }
}
