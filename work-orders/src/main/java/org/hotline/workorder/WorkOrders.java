package org.hotline.workorder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hotline.cti.push.PopStore;
import org.hotline.cti.screenpop.ScreenPop;
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
import org.hotline.workorder.WorkOrderClock.Transition;
import org.hotline.workorder.WorkOrderRejectedException.Kind;
import org.hotline.workorder.WorkOrderTimeline.LogEntry;
import org.hotline.workorder.WorkOrderTimeline.StageTime;
import org.hotline.workorder.internal.DesiredTimers;
import org.hotline.workorder.internal.DesiredTimers.Timer;
import org.hotline.workorder.internal.Json;
import org.hotline.workorder.internal.LogRows;
import org.hotline.workorder.internal.OrderRow;
import org.hotline.workorder.internal.OutageLookup;
import org.hotline.workorder.internal.UnitRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work orders: create (from a call or by hand), record time points, re-route, close, list and show timelines, and
 * acknowledge alarms. Every change replays the order's log through {@link WorkOrderClock}, appends the accepted
 * event and brings the order's durable timers in line, in one transaction with the order's row locked. Thread-safe.
 */
public class WorkOrders {

    // a desk's clock may run a little ahead of the server's; further ahead is a typing mistake
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(2);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private static final String ORDER = """
            select w.id, w.order_no, w.type, w.limits::text, w.customer_id, w.premises_id, w.repair_centre_id, rc.code,
                   w.team_unit_id, w.call_id, w.caller_number, w.created_at, w.closed_at, w.status
            from work_orders w left join repair_centres rc on rc.id = w.repair_centre_id where w.id = ?""";

    private static final String SUMMARY = """
            select w.id, w.order_no, w.type, w.limits::text, w.status, w.customer_id, w.premises_id, rc.code, w.call_id,
                   w.caller_number, w.awaiting_point, w.awaiting_deadline, w.created_at, w.closed_at,
                   (select count(*) from work_order_alarms a where a.order_id = w.id and a.acknowledged_at is null),
                   (select p.at from work_order_points p where p.order_id = w.id
                      and p.point = chr(ascii(w.awaiting_point) - 1) and p.kind in ('point', 'correction', 'reroute')
                      order by p.id desc limit 1),
                   rc.name, (select t.code from work_order_units t where t.id = w.team_unit_id),
                   (select c.code from work_order_units c where c.id = w.crew_unit_id)
            from work_orders w left join repair_centres rc on rc.id = w.repair_centre_id""";

    private final JdbcTemplate jdbc;
    private final UnitRows units;
    private final PopStore pops;
    private final TransactionTemplate tx;
    private final Map<String, OrderType> types;
    private final BusinessCalendar calendar;
    private final WorkOrderProperties.TimerSettings timers;
    private final Clock clock;
    private final ObjectMapper json = Json.MAPPER;
    private final List<Consumer<WorkOrderChanged>> listeners = new CopyOnWriteArrayList<>();

    /** Stores in {@code dataSource}; types, calendar and timers from {@code properties}; "now" from {@code clock}. */
    public WorkOrders(DataSource dataSource, WorkOrderProperties properties, Clock clock) {
        this(dataSource, properties, clock, null);
    }

    /**
     * Also accepts orders from a call not yet in the call records (they are written when the call ends): a call
     * that is one of the creating agent's pops in {@code pops} (null: only recorded calls).
     */
    public WorkOrders(DataSource dataSource, WorkOrderProperties properties, Clock clock, PopStore pops) {
        this.pops = pops;
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.units = new UnitRows(jdbc);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.types = properties.orderTypes();
        this.calendar = properties.businessCalendar();
        this.timers = properties.timers();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Calls {@code listener} after each committed change, on the changing thread; its failures are logged only. */
    public void onChange(Consumer<WorkOrderChanged> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    // after commit: a listener that throws must not turn a recorded change into an error for the caller
    private WorkOrderSummary changed(WorkOrderChanged.Change change, long orderId) {
        WorkOrderSummary order = summary(orderId);
        for (Consumer<WorkOrderChanged> listener : listeners) {
            try {
                listener.accept(new WorkOrderChanged(change, order));
            } catch (RuntimeException e) {
                System.getLogger(WorkOrders.class.getName()).log(System.Logger.Level.WARNING,
                        "work-order change listener failed for " + order.orderNo(), e);
            }
        }
        return order;
    }

    /** The configured order types by code. */
    public Map<String, OrderType> types() {
        return types;
    }

    /** The business calendar. */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /**
     * Creates an order, or returns the order named by {@code linkTo}. Point A is the end of the call (recorded by
     * the system once the call ends, if it has not yet), or {@code startedAt}/now for an order by hand.
     *
     * @throws WorkOrderRejectedException unknown type, call, customer or premises; premises with no repair centre;
     *                                    an open order of the type on the same premises, or an outage in effect there
     *                                    (CONFLICT, with the duplicates and outages)
     */
    public WorkOrderSummary create(CreateWorkOrder c) {
        Objects.requireNonNull(c, "command");
        OrderType type = types.get(c.type() == null ? "" : c.type().strip());
        if (type == null) {
            throw new WorkOrderRejectedException(Kind.UNPROCESSABLE, "type: unknown order type '" + c.type()
                    + "' (expected: one of " + types.keySet().stream().sorted().toList() + ")");
        }
        if (c.linkTo() != null) {
            WorkOrderSummary linked = summary(c.linkTo());
            if (linked.closedAt() != null) {
                throw new WorkOrderRejectedException(Kind.CONFLICT, "order " + linked.orderNo()
                        + " is closed: link to an open order or create a new one");
            }
            return linked;
        }
        Instant now = clock.instant();
        Long orderId = tx.execute(status -> {
            Long customer = c.customerId();
            String number = blankToNull(c.callerNumber());
            Instant a;
            PointSource aSource;
            String callId = blankToNull(c.callId());
            if (callId != null) {
                List<Map<String, Object>> calls = jdbc.queryForList("""
                        select customer_id, coalesce(caller_normalized, caller_raw) as number, ended_at
                        from calls where call_id = ?""", callId);
                if (calls.isEmpty()) {
                    // the IVR reports during its call, before any agent: A waits for the call's end like a live call's
                    calls = c.source() == PointSource.IVR ? ivrCall(c) : liveCall(callId, c.by());
                }
                Map<String, Object> call = calls.get(0);
                customer = customer != null ? customer : (Long) call.get("customer_id");
                number = number != null ? number : (String) call.get("number");
                Timestamp ended = (Timestamp) call.get("ended_at");
                a = ended == null ? null : ended.toInstant();
                aSource = PointSource.SYSTEM;
            } else {
                a = c.startedAt() == null ? now : c.startedAt();
                if (a.isAfter(now.plus(FUTURE_SKEW))) {
                    throw new WorkOrderRejectedException(Kind.INVALID, "startedAt: " + a + " is in the future");
                }
                aSource = c.source() == null ? PointSource.DESK : c.source();
            }
            if (customer != null && jdbc.queryForList("select 1 from customers where id = ?", customer).isEmpty()) {
                throw new WorkOrderRejectedException(Kind.NOT_FOUND, "customerId: no customer " + customer);
            }
            Long premises = premises(c.premisesId(), customer, type);
            boolean routed = type.stages().stream().anyMatch(s -> s.party() == Party.REPAIR_CENTRE);
            Map<String, Object> place = premises == null ? Map.of() : jdbc.queryForMap("""
                    select ta.id as area, ta.code as area_code, l.id as line,
                           coalesce(ta.repair_centre_id, l.repair_centre_id) as centre
                    from premises p left join transformer_areas ta on ta.id = p.transformer_area_id
                    left join feeder_lines l on l.id = ta.feeder_line_id where p.id = ?""", premises);
            if (routed && premises == null) {
                throw new WorkOrderRejectedException(Kind.UNPROCESSABLE, "premisesId: a " + type.code()
                        + " order needs premises, to route it to their repair centre");
            }
            if (routed && place.get("centre") == null) {
                throw new WorkOrderRejectedException(Kind.UNPROCESSABLE, "premises " + premises
                        + (place.get("area_code") == null ? " (no transformer area)" : " (area " + place.get("area_code") + ")")
                        + " has no repair centre: an administrator sets one on the area or its line first");
            }
            Long linked = null;
            // one order per fault: faults are the types routed to a repair centre; two complaints may well coexist
            if (premises != null && routed) {
                // two agents taking the same fault at once: the second waits here and then sees the first's order
                jdbc.query("select pg_advisory_xact_lock(20, ?)", rs -> { }, (int) (premises % Integer.MAX_VALUE));
                List<WorkOrderSummary> open = new ArrayList<>(summaries(" where w.premises_id = ? and w.type = ?"
                        + " and w.closed_at is null order by w.id", premises, type.code()));
                Long area = (Long) place.get("area");
                Long line = (Long) place.get("line");
                // a line or area in outage: the fault is most likely known already, with its orders on that line
                List<ActiveOutage> outages = OutageLookup.covering(jdbc, area, line, now);
                if (!outages.isEmpty()) {
                    Set<Long> listed = new HashSet<>(open.stream().map(WorkOrderSummary::id).toList());
                    for (Long other : OutageLookup.openOrdersUnder(jdbc, area, line, type.code(), now)) {
                        if (listed.add(other)) {
                            open.add(summary(other));
                        }
                    }
                }
                if ((!open.isEmpty() || !outages.isEmpty()) && !c.force()) {
                    throw new WorkOrderRejectedException(Kind.CONFLICT, duplicateReason(premises, type, open, outages),
                            open, outages);
                }
                linked = open.isEmpty() ? null : open.get(0).id();
            }
            Long id = jdbc.queryForObject("""
                    insert into work_orders (order_no, customer_id, contact_id, type, status, summary, created_at,
                        premises_id, transformer_area_id, feeder_line_id, repair_centre_id, call_id, caller_number,
                        created_by, linked_order_id, limits, awaiting_point)
                    values ('WO' || ? || '-' || lpad(nextval('work_order_no_seq')::text, 6, '0'),
                        ?, null, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, (select id from users where username = ?), ?,
                        ?::jsonb, 'A')
                    returning id""", Long.class, DAY.format(now.atZone(calendar.zone())), customer, type.code(),
                    blankToNull(c.summary()), Timestamp.from(now), premises, place.get("area"), place.get("line"),
                    place.get("centre"), callId, number, c.by(), linked, json(type));
            if (a != null) {
                applyLocked(row(id), new RecordPoint(Point.A, a, c.by(), aSource, null, null), now);
            }
            return id;
        });
        return changed(WorkOrderChanged.Change.CREATED, orderId);
    }

    /**
     * Records time point {@code point} (or, with {@code correctionReason}, corrects its time): {@code at} null
     * means now; {@code unit} for D of a repair is the team's code (its site picks the D→E limit).
     *
     * @throws WorkOrderRejectedException unknown order or team, out of order, already recorded, closed
     */
    public WorkOrderSummary recordPoint(long orderId, Point point, Instant at, String by, PointSource source,
                                        String unit, String correctionReason) {
        Objects.requireNonNull(point, "point");
        PointSource src = source == null ? PointSource.DESK : source;
        Instant now = clock.instant();
        Instant when = at == null ? now : at;
        if (when.isAfter(now.plus(FUTURE_SKEW))) {
            throw new WorkOrderRejectedException(Kind.INVALID, "at: " + when + " is in the future");
        }
        tx.executeWithoutResult(status -> {
            OrderRow row = lockedRow(orderId);
            ClockCommand command;
            if (correctionReason != null) {
                command = new CorrectPoint(point, when, by, src, correctionReason);
            } else {
                Boolean elsewhere = null;
                String unitCode = blankToNull(unit);
                if (unitCode != null && point == row.snapshot().acceptFrom()) {
                    List<Map<String, Object>> teams = jdbc.queryForList(
                            "select id, same_site from work_order_units where code = ? and kind = 'team'", unitCode);
                    if (teams.isEmpty()) {
                        throw new WorkOrderRejectedException(Kind.UNPROCESSABLE, "unit: no team '" + unitCode + "'");
                    }
                    elsewhere = !(Boolean) teams.get(0).get("same_site");
                    jdbc.update("update work_orders set team_unit_id = ? where id = ?", teams.get(0).get("id"), orderId);
                }
                command = new RecordPoint(point, when, by, src, unitCode, elsewhere);
            }
            applyLocked(row, command, now);
        });
        return changed(WorkOrderChanged.Change.POINT_RECORDED, orderId);
    }

    /** Routes an order again after {@code after}, keeping its team; see the full form. */
    public WorkOrderSummary reroute(long orderId, Point after, String repairCentre, String reason, String by) {
        return reroute(orderId, after, repairCentre, null, reason, by);
    }

    /**
     * Routes an order again that was routed wrongly at {@code after} (B: wrong repair centre, D: wrong team); the
     * time since is charged to the party that routed. {@code repairCentre} (only after B) moves the order to that
     * centre; {@code team} (only after the type's hand-over to a team, D of a repair) hands it to that team, whose
     * site sets the next limit. Either way the crew assigned before is released.
     *
     * @throws WorkOrderRejectedException unknown centre or team, a centre or team given at the wrong point, or what
     *                                    the clock refuses
     */
    public WorkOrderSummary reroute(long orderId, Point after, String repairCentre, String team, String reason,
                                    String by) {
        Objects.requireNonNull(after, "after");
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            OrderRow row = lockedRow(orderId);
            String centre = blankToNull(repairCentre);
            String teamCode = blankToNull(team);
            if (centre != null && after != Point.B) {
                throw new WorkOrderRejectedException(Kind.INVALID, "repairCentre: only a re-route after B moves the"
                        + " order to another repair centre (this one is after " + after + ")");
            }
            if (teamCode != null && (row.snapshot() == null || after != row.snapshot().acceptFrom())) {
                throw new WorkOrderRejectedException(Kind.INVALID, "team: only a re-route after the hand-over to a"
                        + " team hands the order to another team (this one is after " + after + ")");
            }
            Boolean elsewhere = null;
            if (centre != null) {
                List<Long> ids = jdbc.queryForList("select id from repair_centres where code = ?", Long.class, centre);
                if (ids.isEmpty()) {
                    throw new WorkOrderRejectedException(Kind.UNPROCESSABLE, "repairCentre: no repair centre '"
                            + centre + "'");
                }
                jdbc.update("update work_orders set repair_centre_id = ?, team_unit_id = null, crew_unit_id = null"
                        + " where id = ?", ids.get(0), orderId);
            } else if (teamCode != null) {
                List<Map<String, Object>> teams = jdbc.queryForList(
                        "select id, same_site from work_order_units where code = ? and kind = 'team'", teamCode);
                if (teams.isEmpty()) {
                    throw new WorkOrderRejectedException(Kind.UNPROCESSABLE, "team: no team '" + teamCode + "'");
                }
                elsewhere = !(Boolean) teams.get(0).get("same_site");
                jdbc.update("update work_orders set team_unit_id = ?, crew_unit_id = null where id = ?",
                        teams.get(0).get("id"), orderId);
            }
            applyLocked(row, new RerouteOrder(after, now, by, teamCode != null ? teamCode : centre, reason, elsewhere),
                    now);
        });
        return changed(WorkOrderChanged.Change.REROUTED, orderId);
    }

    /** Closes an order with a reason. */
    public WorkOrderSummary close(long orderId, String reason, String by) {
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> applyLocked(lockedRow(orderId), new CloseOrder(now, by, reason), now));
        return changed(WorkOrderChanged.Change.CLOSED, orderId);
    }

    /**
     * Records that the work is done ({@code at} null: now): allowed once every point is recorded. Listeners hear
     * {@link WorkOrderChanged.Change#DONE}; the order stays open for the revisit.
     *
     * @throws WorkOrderRejectedException unknown order, a point still missing, done already, closed
     */
    public WorkOrderSummary markDone(long orderId, Instant at, String by, PointSource source, String note) {
        Instant now = clock.instant();
        Instant when = at == null ? now : at;
        if (when.isAfter(now.plus(FUTURE_SKEW))) {
            throw new WorkOrderRejectedException(Kind.INVALID, "at: " + when + " is in the future");
        }
        PointSource src = source == null ? PointSource.DESK : source;
        tx.executeWithoutResult(status -> applyLocked(lockedRow(orderId), new MarkDone(when, by, src, note), now));
        return changed(WorkOrderChanged.Change.DONE, orderId);
    }

    /** Reopens a done order with a reason (e.g. the customer was dissatisfied at the revisit). */
    public WorkOrderSummary reopen(long orderId, String reason, String by) {
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> applyLocked(lockedRow(orderId), new ReopenOrder(now, by, reason), now));
        return changed(WorkOrderChanged.Change.REOPENED, orderId);
    }

    /** Open orders on the clock, the most urgent first. */
    public List<WorkOrderSummary> open() {
        return summaries(" where w.closed_at is null and w.limits is not null"
                + " order by w.awaiting_deadline nulls last, w.id");
    }

    /** Open orders of one type and/or repair centre (either null for all), the most urgent first. */
    public List<WorkOrderSummary> open(String type, String repairCentre) {
        return summaries(" where w.closed_at is null and w.limits is not null and (?::text is null or w.type = ?)"
                + " and (?::text is null or rc.code = ?) order by w.awaiting_deadline nulls last, w.id",
                type, type, repairCentre, repairCentre);
    }

    /** A customer's open orders (those from before the clock too), the newest first. */
    public List<WorkOrderSummary> openForCustomer(long customerId) {
        return summaries(" where w.customer_id = ? and w.closed_at is null order by w.created_at desc, w.id desc",
                customerId);
    }

    /** The premises of a customer's open accounts, for choosing where the fault is. */
    public List<CustomerPremises> premisesOf(long customerId) {
        return jdbc.query("""
                select p.id, min(ac.account_no), ad.full_text, ta.name, l.name
                from accounts ac join premises p on p.id = ac.premises_id join addresses ad on ad.id = p.address_id
                left join transformer_areas ta on ta.id = p.transformer_area_id
                left join feeder_lines l on l.id = ta.feeder_line_id
                where ac.customer_id = ? and ac.closed_at is null
                group by p.id, ad.full_text, ta.name, l.name order by min(ac.account_no)""",
                (rs, n) -> new CustomerPremises(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), customerId);
    }

    /** The units receiving orders, by repair centre and code. */
    public List<WorkOrderUnit> units() {
        return units.all();
    }

    /**
     * Creates or replaces the unit with {@code unit.code()}: a team under its centre, a crew under a team of the same
     * centre; a unit with units under it or live crew tokens keeps its kind and centre.
     *
     * @throws WorkOrderRejectedException INVALID for a bad code, name, kind or phone; UNPROCESSABLE for an unknown
     *                                    repair centre or a parent of the wrong kind or centre; CONFLICT for a change
     *                                    that would strand units under it or crew tokens
     */
    public WorkOrderUnit saveUnit(WorkOrderUnit unit) {
        return units.save(unit);
    }

    /** One order. @throws WorkOrderRejectedException NOT_FOUND */
    public WorkOrderSummary summary(long orderId) {
        List<WorkOrderSummary> found = summaries(" where w.id = ?", orderId);
        if (found.isEmpty()) {
            throw new WorkOrderRejectedException(Kind.NOT_FOUND, "no work order " + orderId);
        }
        return found.get(0);
    }

    /** One order's timeline. @throws WorkOrderRejectedException NOT_FOUND */
    public WorkOrderTimeline timeline(long orderId) {
        WorkOrderSummary order = summary(orderId);
        OrderRow row = row(orderId);
        List<LogEntry> log = LogRows.entries(jdbc, orderId);
        List<StageTime> stages = new ArrayList<>();
        if (row.snapshot() != null) {
            List<ClockEvent> events = LogRows.events(jdbc, orderId);
            ClockState s = WorkOrderClock.replay(row.snapshot(), events);
            for (Stage st : row.snapshot().stages()) {
                Instant start = s.points().containsKey(st.from()) ? s.points().get(st.from()).at() : null;
                Instant end = s.points().containsKey(st.to()) ? s.points().get(st.to()).at() : null;
                Instant deadline = start == null ? null : calendar.deadline(start, st.limitFor(s.teamElsewhere()));
                long lost = events.stream().filter(e -> e instanceof OrderRerouted r && r.after() == st.to())
                        .mapToLong(e -> ((OrderRerouted) e).lost().toSeconds()).sum();
                Long elapsed = start != null && end != null ? Duration.between(start, end).toSeconds() : null;
                stages.add(new StageTime(st.from(), st.to(), st.name(), st.party(),
                        st.limitFor(s.teamElsewhere()).toString(), start, deadline, end, elapsed,
                        end == null ? null : !end.isAfter(deadline), lost));
            }
        }
        return new WorkOrderTimeline(order, log, stages, alarms(" where a.order_id = ? order by a.id", orderId));
    }

    /** The order's promise as it started (its type's limit from the first point to the last), or null for none. */
    public Limit promise(long orderId) {
        OrderRow row = row(orderId);
        return row.snapshot() == null ? null : row.snapshot().promise();
    }

    /** Alarms waiting for a person, oldest first. */
    public List<AlarmView> unacknowledgedAlarms() {
        return alarms(" where a.acknowledged_at is null order by a.fired_at, a.id");
    }

    /** One alarm. @throws WorkOrderRejectedException NOT_FOUND */
    public AlarmView alarm(long alarmId) {
        List<AlarmView> found = alarms(" where a.id = ?", alarmId);
        if (found.isEmpty()) {
            throw new WorkOrderRejectedException(Kind.NOT_FOUND, "no alarm " + alarmId);
        }
        return found.get(0);
    }

    /** The alarms with these ids (one query for a scheduler's batch), by due time. */
    public List<AlarmView> alarms(java.util.Collection<Long> alarmIds) {
        if (alarmIds.isEmpty()) {
            return List.of();
        }
        return alarms(" where a.id = any (?::bigint[]) order by a.due_at, a.id", "{" + String.join(",",
                alarmIds.stream().map(String::valueOf).toList()) + "}");
    }

    /** Acknowledges an alarm (it stops repeating); acknowledging twice keeps the first. */
    public AlarmView acknowledge(long alarmId, String by) {
        jdbc.update("""
                update work_order_alarms set acknowledged_at = ?, acknowledged_by = (select id from users where username = ?),
                    next_repeat_at = null
                where id = ? and acknowledged_at is null""", Timestamp.from(clock.instant()), by, alarmId);
        List<AlarmView> found = alarms(" where a.id = ?", alarmId);
        if (found.isEmpty()) {
            throw new WorkOrderRejectedException(Kind.NOT_FOUND, "no alarm " + alarmId);
        }
        return found.get(0);
    }

    /**
     * Records point A of orders created during their call once the call has ended (its record's ended_at); run by
     * the scheduler. Returns how many were started.
     */
    public int startOrdersWhoseCallEnded() {
        List<Map<String, Object>> due = jdbc.queryForList("""
                select w.id, c.ended_at from work_orders w join calls c on c.call_id = w.call_id
                where w.awaiting_point = 'A' and w.closed_at is null and c.ended_at is not null and w.limits is not null
                limit 100""");
        int n = 0;
        for (Map<String, Object> d : due) {
            long id = ((Number) d.get("id")).longValue();
            Instant ended = ((Timestamp) d.get("ended_at")).toInstant();
            try {
                recordPoint(id, Point.A, ended, "system", PointSource.SYSTEM, null, null);
                n++;
            } catch (WorkOrderRejectedException e) {
                // another node recorded it first
            }
        }
        return n;
    }

    private void applyLocked(OrderRow row, ClockCommand command, Instant now) {
        if (row.snapshot() == null) {
            throw new WorkOrderRejectedException(Kind.CONFLICT, "order " + row.orderNo()
                    + " predates the work-order clock: it has no limits to time");
        }
        ClockState before = WorkOrderClock.replay(row.snapshot(), LogRows.events(jdbc, row.id()));
        Transition t = WorkOrderClock.apply(before, command);
        if (t instanceof Refused r) {
            Kind kind = switch (r.kind()) {
                case INVALID, NOT_A_POINT_OF_TYPE -> Kind.INVALID;
                default -> Kind.CONFLICT;
            };
            throw new WorkOrderRejectedException(kind, "order " + row.orderNo() + ": " + r.reason());
        }
        Accepted a = (Accepted) t;
        ClockState s = a.state();
        ClockEvent.PointRecorded latest = s.latest();
        PointSource source = command instanceof RecordPoint r ? r.source()
                : command instanceof CorrectPoint c ? c.source()
                : command instanceof MarkDone d ? d.source() : PointSource.DESK;
        LogRows.append(jdbc, row.id(), a.event(), latest == null ? Point.A : latest.point(), source,
                userId(by(command)), chargedUnit(a.event(), row));
        Instant deadline = WorkOrderClock.deadline(s, calendar);
        jdbc.update("""
                update work_orders set status = ?, closed_at = ?, awaiting_point = ?, awaiting_deadline = ? where id = ?""",
                status(s), s.closedAt() == null ? null : Timestamp.from(s.closedAt()),
                s.awaiting() == null ? null : s.awaiting().name(), deadline == null ? null : Timestamp.from(deadline),
                row.id());
        syncTimers(row.id(), s, now);
    }

    // the unit that routed wrongly: the hotline for a repair centre chosen at B, that centre for a team chosen at D
    private static String chargedUnit(ClockEvent e, OrderRow row) {
        if (!(e instanceof OrderRerouted r)) {
            return null;
        }
        return switch (r.chargedParty()) {
            case HOTLINE -> "hotline";
            case REPAIR_CENTRE -> row.repairCentreCode();
            default -> null;
        };
    }

    private void syncTimers(long orderId, ClockState s, Instant now) {
        record Key(String kind, Point point, Instant dueAt) {
        }
        Set<Key> desired = new HashSet<>();
        for (Timer t : DesiredTimers.of(s, calendar, timers)) {
            desired.add(new Key(t.kind(), t.point(), t.dueAt().truncatedTo(ChronoUnit.MICROS)));
        }
        Set<Key> existing = new HashSet<>();
        jdbc.query("""
                select id, kind, point, due_at, fired_at from work_order_timers
                where order_id = ? and cancelled_at is null""", rs -> {
            Key k = new Key(rs.getString(2), Point.of(rs.getString(3)), rs.getTimestamp(4).toInstant());
            existing.add(k);
            if (rs.getTimestamp(5) == null && !desired.contains(k)) {
                jdbc.update("update work_order_timers set cancelled_at = ? where id = ? and fired_at is null",
                        Timestamp.from(now), rs.getLong(1));
            }
        }, orderId);
        // an alarm about a point now recorded, or about a closed order, stops repeating (it stays to be acknowledged)
        List<String> moot = s.closedAt() != null ? List.of(Point.values()).stream().map(Point::name).toList()
                : s.points().keySet().stream().map(Point::name).toList();
        if (!moot.isEmpty()) {
            jdbc.update("update work_order_alarms set next_repeat_at = null where order_id = ? and next_repeat_at is not null"
                    + " and point = any (?::char(1)[])", orderId, "{" + String.join(",", moot) + "}");
        }
        for (Key k : desired) {
            // a timer that already fired for the same deadline is not armed again (a correction of an older point)
            if (!existing.contains(k)) {
                jdbc.update("insert into work_order_timers (order_id, kind, point, due_at) values (?, ?, ?, ?)",
                        orderId, k.kind(), k.point().name(), Timestamp.from(k.dueAt()));
            }
        }
    }

    private static String duplicateReason(long premises, OrderType type, List<WorkOrderSummary> open,
                                          List<ActiveOutage> outages) {
        String why = open.isEmpty() ? "" : "premises " + premises + " already has an open " + type.code() + " order "
                + open.get(0).orderNo() + (open.size() > 1 ? " (and " + (open.size() - 1) + " more on its line)" : "");
        if (!outages.isEmpty()) {
            why += (why.isEmpty() ? "" : "; ") + "its supply is cut by outage " + outages.get(0).outageNo()
                    + " (line " + outages.get(0).lineCode() + ")";
        }
        return why + ": link this report to an open order (link) or create one anyway (force)";
    }

    private static String status(ClockState s) {
        if (s.closedAt() != null) {
            return "closed";
        }
        OrderType type = s.type();
        if (s.doneAt() != null) {
            return "resolved";
        }
        if (s.awaiting() == null) {
            return "in_progress";
        }
        if (type.acceptPoint() != null && s.points().containsKey(type.acceptPoint())) {
            return "accepted";
        }
        return s.points().containsKey(Point.B) ? "dispatched" : "new";
    }

    // the call record is written when the call ends: a call the agent has on screen now is live, A waits for its end
    private List<Map<String, Object>> liveCall(String callId, String by) {
        List<ScreenPop> own;
        try {
            own = pops == null || by == null ? List.of() : pops.current(by).stream()
                    .filter(p -> p.callId().equals(callId)).toList();
        } catch (RuntimeException e) {
            throw new WorkOrderRejectedException(Kind.NOT_FOUND, "callId: call '" + callId + "' is not recorded yet "
                    + "and the live calls cannot be read now (" + e.getMessage() + "): try again after the call");
        }
        if (own.isEmpty()) {
            throw new WorkOrderRejectedException(Kind.NOT_FOUND, "callId: no call '" + callId + "'");
        }
        ScreenPop pop = own.get(0);
        Map<String, Object> call = new HashMap<>();
        call.put("customer_id", pop.customers().size() == 1 ? pop.customers().get(0).id() : null);
        call.put("number", pop.normalizedNumber() != null ? pop.normalizedNumber() : pop.callerNumber());
        call.put("ended_at", null);
        return List.of(call);
    }

    private static List<Map<String, Object>> ivrCall(CreateWorkOrder c) {
        Map<String, Object> call = new HashMap<>();
        call.put("customer_id", c.customerId());
        call.put("number", blankToNull(c.callerNumber()));
        call.put("ended_at", null);
        return List.of(call);
    }

    private Long premises(Long requested, Long customer, OrderType type) {
        if (requested != null) {
            if (jdbc.queryForList("select 1 from premises where id = ?", requested).isEmpty()) {
                throw new WorkOrderRejectedException(Kind.NOT_FOUND, "premisesId: no premises " + requested);
            }
            return requested;
        }
        if (customer == null) {
            return null;
        }
        List<Long> own = jdbc.queryForList("""
                select distinct premises_id from accounts
                where customer_id = ? and closed_at is null and premises_id is not null order by 1""",
                Long.class, customer);
        if (own.size() > 1 && type.stages().stream().anyMatch(s -> s.party() == Party.REPAIR_CENTRE)) {
            throw new WorkOrderRejectedException(Kind.UNPROCESSABLE, "premisesId: customer " + customer + " has "
                    + own.size() + " premises " + own + ": say which one has the fault");
        }
        return own.size() == 1 ? own.get(0) : null;
    }

    private OrderRow lockedRow(long orderId) {
        // NO KEY UPDATE: a scheduler inserting an alarm (its foreign key takes KEY SHARE on this row) while holding
        // the timers this change cancels would otherwise deadlock with it
        List<Long> locked = jdbc.queryForList("select id from work_orders where id = ? for no key update", Long.class,
                orderId);
        if (locked.isEmpty()) {
            throw new WorkOrderRejectedException(Kind.NOT_FOUND, "no work order " + orderId);
        }
        return row(orderId);
    }

    private OrderRow row(long orderId) {
        List<OrderRow> rows = jdbc.query(ORDER, (rs, n) -> new OrderRow(rs.getLong(1), rs.getString(2),
                rs.getString(3), parse(rs.getString(4)), (Long) rs.getObject(5), (Long) rs.getObject(6),
                (Long) rs.getObject(7), rs.getString(8), (Long) rs.getObject(9), rs.getString(10), rs.getString(11),
                rs.getTimestamp(12).toInstant(), rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(),
                rs.getString(14)), orderId);
        if (rows.isEmpty()) {
            throw new WorkOrderRejectedException(Kind.NOT_FOUND, "no work order " + orderId);
        }
        return rows.get(0);
    }

    private List<WorkOrderSummary> summaries(String where, Object... args) {
        Instant now = clock.instant();
        return jdbc.query(SUMMARY + where, (rs, n) -> {
            OrderType type = parse(rs.getString(4));
            Point awaiting = rs.getString(11) == null ? null : Point.of(rs.getString(11));
            Instant deadline = rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant();
            Stage stage = type == null || awaiting == null ? null : type.stageEndingAt(awaiting);
            return new WorkOrderSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                    type == null ? rs.getString(3) : type.label(), rs.getString(5), (Long) rs.getObject(6),
                    (Long) rs.getObject(7), rs.getString(8), rs.getString(9), rs.getString(10), awaiting,
                    type == null || awaiting == null ? null : type.pointName(awaiting),
                    stage == null ? null : stage.party(), deadline,
                    deadline == null ? null : Duration.between(now, deadline).toSeconds(),
                    rs.getTimestamp(13).toInstant(), rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(),
                    rs.getInt(15), rs.getTimestamp(16) == null ? null : rs.getTimestamp(16).toInstant(),
                    rs.getString(17), rs.getString(18), rs.getString(19));
        }, args);
    }

    private List<AlarmView> alarms(String where, Object... args) {
        return jdbc.query("""
                select a.id, a.order_id, w.order_no, a.kind, a.point, w.limits::text, a.due_at, a.fired_at, a.late,
                       a.fire_count, a.sms_status, a.acknowledged_at, u.username
                from work_order_alarms a join work_orders w on w.id = a.order_id
                left join users u on u.id = a.acknowledged_by""" + where, (rs, n) -> {
            OrderType type = parse(rs.getString(6));
            Point p = Point.of(rs.getString(5));
            Stage stage = type == null ? null : type.stageEndingAt(p);
            return new AlarmView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), p,
                    type == null ? p.name() : type.pointName(p), stage == null ? null : stage.party(),
                    rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getBoolean(9), rs.getInt(10),
                    rs.getString(11), rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(),
                    rs.getString(13));
        }, args);
    }

    private Long userId(String username) {
        if (username == null) {
            return null;
        }
        List<Long> ids = jdbc.queryForList("select id from users where username = ?", Long.class, username);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static String by(ClockCommand c) {
        if (c instanceof RecordPoint r) {
            return r.by();
        }
        if (c instanceof CorrectPoint r) {
            return r.by();
        }
        if (c instanceof RerouteOrder r) {
            return r.by();
        }
        if (c instanceof MarkDone d) {
            return d.by();
        }
        if (c instanceof ReopenOrder r) {
            return r.by();
        }
        return ((CloseOrder) c).by();
    }

    private String json(OrderType type) {
        try {
            return json.writeValueAsString(type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order type " + type.code() + " does not serialize", e);
        }
    }

    private OrderType parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, OrderType.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable limits snapshot: " + text, e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
