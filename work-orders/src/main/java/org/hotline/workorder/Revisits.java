package org.hotline.workorder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hotline.workorder.RevisitRules.Attempt;
import org.hotline.workorder.RevisitRules.Status;
import org.hotline.workorder.RevisitRules.Transition;
import org.hotline.workorder.RevisitView.AttemptView;
import org.hotline.workorder.WorkOrderRejectedException.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Revisits (回访): when an order of a type that needs one is reported done, a revisit appears for the hotline;
 * agents record each call back, and {@link RevisitRules} decide when the order closes or reopens. Orders of other
 * types close when they are done. Thread-safe.
 */
public class Revisits {

    private static final System.Logger LOG = System.getLogger(Revisits.class.getName());

    private static final String VIEW = """
            select r.id, r.order_id, w.order_no, w.type, w.limits ->> 'label', c.name,
                   coalesce(w.caller_number, (select p.normalized from customer_phones p where p.customer_id = w.customer_id
                                             order by p.is_primary desc, p.id limit 1)),
                   r.status, r.done_at, r.created_at, r.attempts, r.finished_at
            from work_order_revisits r join work_orders w on w.id = r.order_id
            left join customers c on c.id = w.customer_id""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final WorkOrders orders;
    private final Set<String> revisitTypes;
    private final int maxAttempts;
    private final Clock clock;
    private final Duration sweepEvery;
    private final List<Consumer<RevisitView>> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService sweeper;

    /** Listens to {@code orders} for "done"; types and attempts from {@code properties}. */
    public Revisits(DataSource dataSource, WorkOrders orders, WorkOrderProperties properties, Clock clock) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.orders = Objects.requireNonNull(orders, "orders");
        this.revisitTypes = properties.revisitTypes();
        this.maxAttempts = properties.revisits().maxAttempts();
        this.sweepEvery = properties.revisits().sweepEvery();
        this.clock = Objects.requireNonNull(clock, "clock");
        orders.onChange(this::onOrderChanged);
    }

    /** Sweeps now (in the background) and then every {@code revisits.sweep-every}; see {@link #sweep()}. */
    public synchronized void start() {
        if (sweeper != null) {
            return;
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hotline-revisit-sweep");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                // the database may be away for a while: the next round tries again
                LOG.log(System.Logger.Level.WARNING, "revisit sweep failed: " + e.getMessage());
            }
        }, 0, sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the sweeps. */
    public synchronized void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
    }

    /** Calls {@code listener} after a revisit appeared or changed (committed), on that thread. */
    public void onChange(Consumer<RevisitView> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The calls allowed without reaching the customer. */
    public int maxAttempts() {
        return maxAttempts;
    }

    private void onOrderChanged(WorkOrderChanged changed) {
        if (changed.change() == WorkOrderChanged.Change.CLOSED || changed.change() == WorkOrderChanged.Change.REOPENED) {
            // a dispatcher closed or reopened the order by hand: its open revisit has nothing left to ask
            List<Long> ids = jdbc.queryForList("""
                    update work_order_revisits set status = 'cancelled', finished_at = ?
                    where order_id = ? and status = 'open' returning id""", Long.class,
                    Timestamp.from(clock.instant()), changed.order().id());
            ids.forEach(id -> notifyListeners(view(id)));
            return;
        }
        if (changed.change() != WorkOrderChanged.Change.DONE) {
            return;
        }
        WorkOrderSummary order = changed.order();
        if (!revisitTypes.contains(order.type())) {
            // nobody calls back about a meter card: done is the end
            orders.close(order.id(), "办结（该类型无需回访）", "system");
            return;
        }
        Long id = opened(order.id());
        if (id != null) {
            notifyListeners(view(id));
        }
    }

    /**
     * Opens the revisit of a done order, unless one is open already; returns its id, or null when none was made
     * (not done, closed, or already open). Normally called by the "done" listener; public for a sweep after a crash.
     */
    public Long opened(long orderId) {
        Instant now = clock.instant();
        List<Long> ids = jdbc.queryForList("""
                insert into work_order_revisits (order_id, done_at, created_at)
                select w.id, coalesce((select max(p.at) from work_order_points p where p.order_id = w.id
                                       and p.kind = 'done'), ?), ?
                from work_orders w where w.id = ? and w.status = 'resolved'
                on conflict (order_id) where status = 'open' do nothing returning id""", Long.class,
                Timestamp.from(now), Timestamp.from(now), orderId);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * Repairs what a crash or a failed listener left between "done" and its revisit: a done order of a revisit type
     * without an open revisit gets one; one of another type closes. Safe on several nodes at once (the open
     * revisit is unique per order; a close of a closed order is refused and skipped). Returns the orders repaired.
     */
    public int sweep() {
        List<Map<String, Object>> stranded = jdbc.queryForList("""
                select w.id, w.type from work_orders w
                where w.status = 'resolved' and w.closed_at is null
                  and not exists (select 1 from work_order_revisits r where r.order_id = w.id and r.status = 'open')
                order by w.id""");
        int repaired = 0;
        for (Map<String, Object> row : stranded) {
            long id = ((Number) row.get("id")).longValue();
            try {
                if (revisitTypes.contains((String) row.get("type"))) {
                    Long revisit = opened(id);
                    if (revisit != null) {
                        notifyListeners(view(revisit));
                        repaired++;
                    }
                } else {
                    orders.close(id, "办结（该类型无需回访）", "system");
                    repaired++;
                }
            } catch (WorkOrderRejectedException e) {
                // another node or a dispatcher got there first: nothing is left to repair on this order
                LOG.log(System.Logger.Level.DEBUG, "revisit sweep skipped order " + id + ": " + e.getMessage());
            }
        }
        if (repaired > 0) {
            LOG.log(System.Logger.Level.WARNING, "revisit sweep: " + repaired + " done order(s) had no revisit or "
                    + "close (a crash or a failed listener after done); repaired");
        }
        return repaired;
    }

    /** Open revisits, the oldest first. */
    public List<RevisitView> open() {
        return views(" where r.status = 'open' order by r.created_at, r.id");
    }

    /** One revisit. @throws WorkOrderRejectedException NOT_FOUND */
    public RevisitView view(long revisitId) {
        List<RevisitView> found = views(" where r.id = ?", revisitId);
        if (found.isEmpty()) {
            throw new WorkOrderRejectedException(Kind.NOT_FOUND, "no revisit " + revisitId);
        }
        return found.get(0);
    }

    /** The revisits of one order, oldest first. */
    public List<RevisitView> ofOrder(long orderId) {
        return views(" where r.order_id = ? order by r.id", orderId);
    }

    /**
     * Records one call of a revisit; closes or reopens the order in the same transaction when the rules say so.
     *
     * @param callId the call placed from the revisit, or null
     * @throws WorkOrderRejectedException NOT_FOUND; INVALID input (see {@link RevisitRules#apply}); CONFLICT: the
     *                                    revisit is finished or the order can no longer be closed or reopened
     */
    public RevisitView record(long revisitId, Attempt attempt, String callId, String by) {
        Objects.requireNonNull(attempt, "attempt");
        String call = callId == null || callId.isBlank() ? null : callId.strip();
        if (call != null && !call.matches("^[0-9A-Za-z._-]{1,64}$")) {
            throw new WorkOrderRejectedException(Kind.INVALID, "callId: '" + callId
                    + "' (expected: a call id such as 1700000000.12)");
        }
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "select order_id, status, attempts from work_order_revisits where id = ? for update", revisitId);
            if (rows.isEmpty()) {
                throw new WorkOrderRejectedException(Kind.NOT_FOUND, "no revisit " + revisitId);
            }
            long orderId = ((Number) rows.get(0).get("order_id")).longValue();
            Transition t = RevisitRules.apply(Status.of((String) rows.get(0).get("status")),
                    ((Number) rows.get(0).get("attempts")).intValue(), attempt, maxAttempts);
            String notes = attempt.notes() == null || attempt.notes().isBlank() ? null : attempt.notes().strip();
            jdbc.update("""
                    insert into work_order_revisit_attempts (revisit_id, attempt_no, reached, satisfaction, notes, call_id,
                        recorded_by, recorded_by_name, recorded_at)
                    values (?, ?, ?, ?, ?, ?, (select id from users where username = ?), ?, ?)""",
                    revisitId, t.attempts(), attempt.reached(),
                    attempt.satisfaction() == null ? null : attempt.satisfaction().name().toLowerCase(java.util.Locale.ROOT),
                    notes, call, by, by, Timestamp.from(now));
            jdbc.update("update work_order_revisits set status = ?, attempts = ?, finished_at = ? where id = ?",
                    t.status().code(), t.attempts(), t.status() == Status.OPEN ? null : Timestamp.from(now), revisitId);
            // the order's change joins this transaction: an order that cannot close or reopen records no attempt
            switch (t.effect()) {
                case CLOSE_ORDER -> orders.close(orderId, t.reason(), by);
                case REOPEN_ORDER -> orders.reopen(orderId, t.reason(), by);
                case NONE -> { }
            }
        });
        RevisitView v = view(revisitId);
        notifyListeners(v);
        return v;
    }

    private void notifyListeners(RevisitView v) {
        for (Consumer<RevisitView> l : listeners) {
            try {
                l.accept(v);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "revisit listener failed for " + v.orderNo(), e);
            }
        }
    }

    private List<RevisitView> views(String where, Object... args) {
        return jdbc.query(VIEW + where, (rs, n) -> {
            long id = rs.getLong(1);
            return new RevisitView(id, rs.getLong(2), rs.getString(3), rs.getString(4),
                    rs.getString(5) == null ? rs.getString(4) : rs.getString(5), rs.getString(6), rs.getString(7),
                    rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(), rs.getInt(11),
                    maxAttempts, rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(), history(id));
        }, args);
    }

    private List<AttemptView> history(long revisitId) {
        return jdbc.query("""
                select attempt_no, reached, satisfaction, notes, call_id, recorded_by_name, recorded_at
                from work_order_revisit_attempts where revisit_id = ? order by attempt_no""",
                (rs, n) -> new AttemptView(rs.getInt(1), rs.getBoolean(2),
                        rs.getString(3) == null ? null : Satisfaction.of(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()), revisitId);
    }
}
