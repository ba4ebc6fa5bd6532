package org.hotline.workorder.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.workorder.AlarmView;
import org.hotline.workorder.ManagerNotifier;
import org.hotline.workorder.WorkOrderProperties.TimerSettings;
import org.hotline.workorder.WorkOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due timers exactly once across nodes: each tick claims due rows {@code FOR UPDATE SKIP LOCKED}, marks them
 * fired and records an alarm in the same transaction, then pushes the alarms to supervisors and dispatchers after
 * the commit; unacknowledged alarms repeat. Tests drive {@link #tick()} with a test clock.
 */
public final class AlarmScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlarmScheduler.class);
    // warnings are a heads-up; only alarms nag until a person acknowledges them
    private static final Set<String> REPEATING = Set.of("alarm", "acceptance", "escalation", "promise_alarm");

    // the order is key-share locked with its timers (the alarm's foreign key needs that lock anyway); a change holds
    // its order FOR NO KEY UPDATE, which does not conflict, and waits for claimed timers: no lock cycle (a change's
    // plain FOR UPDATE against the alarm's key share deadlocked under load, bench/workorders and the browser tests)
    private static final String CLAIM = """
            select t.id, t.order_id, t.kind, t.point, t.due_at from work_order_timers t
            join work_orders w on w.id = t.order_id
            where t.fired_at is null and t.cancelled_at is null and t.due_at <= ?
            order by t.due_at, t.id limit ? for update of t skip locked for key share of w skip locked""";

    // one statement per claimed batch, not per timer: at a few hundred deadlines a second the round trips add up
    private static final String MARK_FIRED = """
            update work_order_timers set fired_at = ?, fired_by = ?, late = due_at < ? where id = any (?::bigint[])""";

    private static final String INSERT_ALARMS = """
            insert into work_order_alarms (order_id, timer_id, kind, point, due_at, fired_at, late, next_repeat_at)
            select order_id, id, kind, point, due_at, fired_at, late,
                   case when kind = any (?::text[]) then ?::timestamptz end
            from work_order_timers where id = any (?::bigint[]) order by due_at, id
            returning id, timer_id""";

    private static final String CLAIM_REPEATS = """
            select id from work_order_alarms where acknowledged_at is null and next_repeat_at <= ?
            order by next_repeat_at, id limit ? for update skip locked""";

    // the escalation goes to the receiving team; a stage SMS to the unit answering for the order now: its team,
    // else its repair centre's own desk (a unit of kind repair_centre)
    private static final String RESPONSIBLE_UNIT = """
            select u.name, u.manager1_phone, u.manager2_phone from work_orders w
            join work_order_units u on u.id = w.team_unit_id
                or (w.team_unit_id is null and u.kind = 'repair_centre' and u.repair_centre_id = w.repair_centre_id)
            where w.id = ? order by u.id limit 1""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final WorkOrders orders;
    private final PushBus bus;
    private final ManagerNotifier notifier;
    private final TimerSettings settings;
    private final Clock clock;
    private final String nodeId;
    private final Map<String, Set<String>> smsKinds;
    private ScheduledExecutorService executor;
    private volatile boolean lastBatchFull;
    private volatile Consumer<Duration> lateness = late -> { };

    /** Fires the timers in {@code dataSource}; {@code notifier} null means no SMS yet; SMS for escalations only. */
    public AlarmScheduler(DataSource dataSource, WorkOrders orders, PushBus bus, ManagerNotifier notifier,
                          TimerSettings settings, Clock clock) {
        this(dataSource, orders, bus, notifier, settings, Map.of(), clock);
    }

    /**
     * Fires the timers in {@code dataSource}; besides the escalation, the timer kinds in {@code smsKinds} (by order
     * type, e.g. {@code water_repair → [warning, alarm]}) also go by SMS to the responsible unit's managers.
     */
    public AlarmScheduler(DataSource dataSource, WorkOrders orders, PushBus bus, ManagerNotifier notifier,
                          TimerSettings settings, Map<String, Set<String>> smsKinds, Clock clock) {
        this.smsKinds = Map.copyOf(Objects.requireNonNull(smsKinds, "smsKinds"));
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.orders = Objects.requireNonNull(orders, "orders");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.notifier = notifier;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nodeId = bus.nodeId();
    }

    /** Where each fired timer's lateness (fire time minus due time) goes, after its batch committed. */
    public void reportLatenessTo(Consumer<Duration> sink) {
        this.lateness = Objects.requireNonNull(sink, "sink");
    }

    /** Timers due by now (this scheduler's clock) that no node has fired yet: more than a poll's worth is a backlog. */
    public long dueUnfired() {
        Long n = jdbc.queryForObject("""
                select count(*) from work_order_timers
                where fired_at is null and cancelled_at is null and due_at <= ?""", Long.class,
                Timestamp.from(clock.instant()));
        return n == null ? 0 : n;
    }

    /** Starts ticking every poll interval on a thread of its own. */
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "workorder-timers");
                t.setDaemon(true);
                return t;
            });
            long every = settings.pollInterval().toMillis();
            executor.scheduleWithFixedDelay(this::safeTick, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /** One step: starts orders whose call ended, fires due timers, repeats unacknowledged alarms; returns pushes. */
    public int tick() {
        orders.startOrdersWhoseCallEnded();
        List<Long> fired = fireDue();
        List<Long> repeated = repeatDue();
        List<Long> all = new ArrayList<>(fired);
        all.addAll(repeated);
        lastBatchFull = fired.size() >= settings.claimBatch() || repeated.size() >= settings.claimBatch();
        for (AlarmView alarm : orders.alarms(all)) {
            publish(alarm);
        }
        return all.size();
    }

    private void safeTick() {
        try {
            // a full batch means more is due: claim again now rather than a poll interval later (bounded)
            int rounds = 0;
            do {
                tick();
            } while (lastBatchFull && ++rounds < 50);
        } catch (RuntimeException e) {
            // the next tick retries: claimed rows roll back with the failed transaction
            log.warn("work-order timers: tick failed ({}), retrying", e.toString());
        }
    }

    private List<Long> fireDue() {
        List<Duration> late = new ArrayList<>();
        List<Long> fired = tx.execute(status -> {
            late.clear(); // a retried callback must not count twice
            Instant now = clock.instant();
            List<Map<String, Object>> due = jdbc.queryForList(CLAIM, Timestamp.from(now), settings.claimBatch());
            if (due.isEmpty()) {
                return List.<Long>of();
            }
            String ids = array(due.stream().map(t -> t.get("id")).toList());
            jdbc.update(MARK_FIRED, Timestamp.from(now), nodeId, Timestamp.from(now.minus(settings.lateAfter())), ids);
            Map<Long, Long> alarmOfTimer = new HashMap<>();
            jdbc.query(INSERT_ALARMS, rs -> {
                alarmOfTimer.put(rs.getLong(2), rs.getLong(1));
            }, "{" + String.join(",", REPEATING) + "}", Timestamp.from(now.plus(settings.repeatInterval())), ids);
            List<Long> alarms = new ArrayList<>(due.size());
            for (Map<String, Object> t : due) {
                long timerId = ((Number) t.get("id")).longValue();
                long orderId = ((Number) t.get("order_id")).longValue();
                String kind = (String) t.get("kind");
                Long alarmId = alarmOfTimer.get(timerId);
                Duration behind = Duration.between(((Timestamp) t.get("due_at")).toInstant(), now);
                late.add(behind);
                if (kind.equals("escalation") || smsWanted(orderId, kind)) {
                    jdbc.update("update work_order_alarms set sms_status = ? where id = ?",
                            escalate(orderId, alarmId, behind, kind.equals("escalation")), alarmId);
                }
                alarms.add(alarmId);
            }
            return alarms;
        });
        // reported only once committed: a rolled-back batch fires again later and is measured then
        Consumer<Duration> sink = lateness;
        late.forEach(sink);
        return fired;
    }

    private static String array(List<Object> ids) {
        StringBuilder b = new StringBuilder("{");
        for (Object id : ids) {
            b.append(b.length() > 1 ? "," : "").append(id);
        }
        return b.append('}').toString();
    }

    // only types configured for stage SMS cost a query; the rest stay desktop-only
    private boolean smsWanted(long orderId, String kind) {
        if (smsKinds.isEmpty() || smsKinds.values().stream().noneMatch(k -> k.contains(kind))) {
            return false;
        }
        String type = jdbc.queryForObject("select type from work_orders where id = ?", String.class, orderId);
        return smsKinds.getOrDefault(type, Set.of()).contains(kind);
    }

    private String escalate(long orderId, long alarmId, Duration behind, boolean escalation) {
        if (behind.compareTo(settings.smsCutoff()) > 0) {
            // fell due while the server was down: the managers get no SMS about something long since moved on
            return "skipped_stale";
        }
        if (notifier == null) {
            return "not_configured";
        }
        List<Map<String, Object>> unit = escalation ? jdbc.queryForList("""
                select u.name, u.manager1_phone, u.manager2_phone from work_orders w
                join work_order_units u on u.id = w.team_unit_id where w.id = ?""", orderId)
                : jdbc.queryForList(RESPONSIBLE_UNIT, orderId);
        List<String> phones = new ArrayList<>();
        if (!unit.isEmpty()) {
            for (String key : List.of("manager1_phone", "manager2_phone")) {
                Object phone = unit.get(0).get(key);
                if (phone != null && !phone.toString().isBlank()) {
                    phones.add(phone.toString());
                }
            }
        }
        if (phones.isEmpty()) {
            return "no_phones";
        }
        return switch (notifier.notifyManagers(orders.alarm(alarmId), (String) unit.get(0).get("name"), phones)) {
            case SENT -> "sent";
            case QUIET_HOURS -> "quiet_hours";
            case NOT_SENT -> "not_sent";
        };
    }

    private List<Long> repeatDue() {
        return tx.execute(status -> {
            Instant now = clock.instant();
            List<Long> ids = jdbc.queryForList(CLAIM_REPEATS, Long.class, Timestamp.from(now), settings.claimBatch());
            if (!ids.isEmpty()) {
                jdbc.update("update work_order_alarms set fire_count = fire_count + 1, next_repeat_at = ?"
                        + " where id = any (?::bigint[])", Timestamp.from(now.plus(settings.repeatInterval())),
                        array(new ArrayList<>(ids)));
            }
            return ids;
        });
    }

    private void publish(AlarmView alarm) {
        try {
            bus.publish(PushMessage.SUPERVISORS, AlarmView.PUSH_TYPE, Json.MAPPER.writeValueAsString(alarm));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alarm " + alarm.id() + " does not serialize", e);
        }
    }
}
