package org.hotline.bench.workorders;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.push.Subscription;
import org.hotline.workorder.AlarmView;
import org.hotline.workorder.CreateWorkOrder;
import org.hotline.workorder.Party;
import org.hotline.workorder.Point;
import org.hotline.workorder.PointSource;
import org.hotline.workorder.WorkOrderProperties;
import org.hotline.workorder.WorkOrderProperties.StageSettings;
import org.hotline.workorder.WorkOrderProperties.TimerSettings;
import org.hotline.workorder.WorkOrderProperties.TypeSettings;
import org.hotline.workorder.WorkOrderRejectedException;
import org.hotline.workorder.WorkOrderSummary;
import org.hotline.workorder.WorkOrders;
import org.hotline.workorder.internal.AlarmScheduler;
import org.postgresql.PGConnection;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The work-order clock under load: 100,000 open orders whose stage deadlines are spread over a window (their
 * warning and alarm timers, as {@code WorkOrders} writes them, loaded with COPY), 50 state changes a second through
 * {@code WorkOrders}, and the {@code AlarmScheduler} firing on embedded PostgreSQL. Reports how late each alarm's
 * push came after its deadline, timers missed, alarms fired or pushed twice, and the JVM's CPU once the deadlines
 * have passed (the scheduler still polling, 100,000 orders open).
 *
 * <p>Arguments: {@code --orders N} (100,000), {@code --spread-s N} (600; {@code --full-hour} is 3,600),
 * {@code --changes-per-s N} (50), {@code --grace-s N} (5), {@code --idle-s N} (20), {@code --lead-s N} (30: from
 * the end of loading to the first warning), {@code --repeat-s N} (repeat interval of unacknowledged alarms; 86,400 by
 * default, so repeats stay out of the figures). Last line:
 * {@code workorders open=… fire_late_p99_ms=… missed=… duplicated=… idle_cpu_pct=…}.
 */
public final class WorkOrderBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    // the bench type: 派单 within L minutes, then 60 minutes on site. L is chosen from the window so that every point
    // A lies in the past and every warning (at 75% of L) in the future: deadlines spread over the window after t0 + L/4
    private static Duration firstLimit;

    private WorkOrderBenchmark() {
    }

    /** One push of an alarm as the bench's bus saw it. */
    private record Push(long alarmId, int fireCount, Instant dueAt, Instant at) {
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(String[] args) throws Exception {
        int orders = intArg(args, "--orders", 100_000);
        int spread = Arrays.asList(args).contains("--full-hour") ? 3600 : intArg(args, "--spread-s", 600);
        int changesPerS = intArg(args, "--changes-per-s", 50);
        int graceS = intArg(args, "--grace-s", 5);
        int idleS = intArg(args, "--idle-s", 20);
        int leadS = intArg(args, "--lead-s", 30);
        int repeatS = intArg(args, "--repeat-s", 86_400);
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("ROOT").setLevel(Level.WARN);
        String summary;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0").start()) {
            HikariConfig hc = new HikariConfig();
            hc.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
            hc.setMaximumPoolSize(8);
            try (HikariDataSource db = new HikariDataSource(hc)) {
                Flyway.configure().dataSource(pg.getPostgresDatabase()).load().migrate();
                summary = run(db, orders, spread, changesPerS, graceS, idleS, leadS, repeatS);
            }
        }
        System.out.println(summary);
    }

    private static String run(HikariDataSource db, int orders, int spread, int changesPerS, int graceS, int idleS,
                              int leadS, int repeatS) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("insert into users (username, display_name, password_hash, role) values ('bench', '压测', 'x', 'AGENT')");
        firstLimit = Duration.ofMinutes((long) Math.ceil((spread + leadS + 20 + 60) / 0.75 / 60));
        WorkOrderProperties properties = new WorkOrderProperties(Map.of("bench", new TypeSettings("抢修 bench repair",
                "受理 received", List.of(new StageSettings("派单 dispatched", Party.HOTLINE,
                        firstLimit.toMinutes() + "m", null),
                new StageSettings("到场 on site", Party.CREW, "60m", null)), null, null, null)), null,
                new TimerSettings(null, null, null, null, Duration.ofSeconds(repeatS), null, null, null));
        WorkOrders service = new WorkOrders(db, properties, Clock.systemUTC());

        // one order through WorkOrders: the template of what the others must look like
        WorkOrderSummary template = service.create(new CreateWorkOrder("bench", null, null, null, "13900000000",
                "压测", null, null, false, "bench", PointSource.DESK));
        String limits = jdbc.queryForObject("select limits::text from work_orders where id = ?", String.class,
                template.id());
        List<String> templateTimers = jdbc.queryForList("select kind || ':' || point from work_order_timers "
                + "where order_id = ? and cancelled_at is null order by due_at", String.class, template.id());
        jdbc.update("delete from work_orders");

        // loading takes some seconds: the first warning falls due about lead-s after it (printed below)
        Instant t0 = Instant.now().plusSeconds(leadS + 20).truncatedTo(ChronoUnit.MILLIS);
        long l0 = System.nanoTime();
        load(db, orders, spread, t0, limits);
        jdbc.execute("analyze work_orders; analyze work_order_timers; analyze work_order_points");
        double loadS = (System.nanoTime() - l0) / 1e9;
        Instant firstDue = jdbc.queryForObject("select min(due_at) from work_order_timers", java.sql.Timestamp.class)
                .toInstant();
        System.out.printf("loaded %,d open orders, %,d timers (%s per order as WorkOrders writes them) in %.1f s;"
                        + " deadlines %s … %s (%d s), first warning in %d s%n", orders,
                jdbc.queryForObject("select count(*) from work_order_timers", Long.class), templateTimers, loadS,
                t0.plus(firstLimit.dividedBy(4)), t0.plus(firstLimit.dividedBy(4)).plusSeconds(spread), spread,
                Duration.between(Instant.now(), firstDue).toSeconds());
        // the template order's replay must agree with the copied rows: one timeline read proves the log parses
        long sample = jdbc.queryForObject("select min(id) from work_orders", Long.class);
        if (service.timeline(sample).order().awaiting() != Point.B) {
            throw new IllegalStateException("copied order " + sample + " does not replay to 'awaiting B'");
        }
        System.out.println("claim plan: " + String.join(" / ", jdbc.queryForList("explain " + """
                select t.id, t.order_id, t.kind, t.point, t.due_at from work_order_timers t
                join work_orders w on w.id = t.order_id
                where t.fired_at is null and t.cancelled_at is null and t.due_at <= now()
                order by t.due_at, t.id limit 100 for update of t skip locked for key share of w skip locked""",
                String.class)));

        ConcurrentLinkedQueue<Push> pushes = new ConcurrentLinkedQueue<>();
        PushBus bus = new RecordingBus(m -> {
            if (m.type().equals(AlarmView.PUSH_TYPE)) {
                Instant at = Instant.now();
                try {
                    JsonNode n = JSON.readTree(m.payload());
                    pushes.add(new Push(n.get("id").asLong(), n.get("fireCount").asInt(),
                            Instant.parse(n.get("dueAt").asText()), at));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        AlarmScheduler scheduler = new AlarmScheduler(db, service, bus, null, properties.timers(), Map.of(),
                Clock.systemUTC());
        scheduler.start();

        // 50 state changes a second through WorkOrders: B (the dispatch) on random orders, then C (on site)
        AtomicLong changes = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong attempted = new AtomicLong();
        List<Long> ids = new ArrayList<>(jdbc.queryForList("select id from work_orders order by id", Long.class));
        java.util.Collections.shuffle(ids);
        // orders that still have a change to make, in random order; an order goes back to the end for its C. Picking
        // at random from all orders instead ran out of orders with a change left within the hour (the rate fell)
        java.util.concurrent.ConcurrentLinkedQueue<Long> pending = new java.util.concurrent.ConcurrentLinkedQueue<>(ids);
        // the point each order waits for, kept here: the load is the changes, not reading the order first
        Map<Long, Point> next = new ConcurrentHashMap<>();
        ids.forEach(id -> next.put(id, Point.B));
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        // the ticker only hands out work: a change that waits on a lock must not slow the rate down
        java.util.concurrent.ExecutorService workers = Executors.newFixedThreadPool(8);
        long loadStart = System.nanoTime();
        long periodMicros = 1_000_000L / Math.max(1, changesPerS);
        load.scheduleAtFixedRate(() -> workers.execute(() -> {
            Long id = pending.poll();
            if (!running.get() || id == null) {
                return; // the window is over, or every order is past C
            }
            Point p = next.remove(id);
            attempted.incrementAndGet();
            try {
                service.recordPoint(id, p, null, "bench", PointSource.DESK, null, null);
                changes.incrementAndGet();
                if (p == Point.B) {
                    next.put(id, Point.C);
                    pending.add(id);
                }
            } catch (WorkOrderRejectedException e) {
                refused.incrementAndGet();
                System.out.println("refused: " + e.getMessage());
            }
        }), 0, periodMicros, TimeUnit.MICROSECONDS);

        Instant end = t0.plus(firstLimit.dividedBy(4)).plusSeconds(spread);
        long progress = 0;
        long lastChanges = 0;
        while (Instant.now().isBefore(end.plusSeconds(graceS))) {
            Thread.sleep(1000);
            if (++progress % 60 == 0) {
                long now = changes.get();
                System.out.printf("… %s: %,d pushes, %,d changes (%.1f/s in the last minute)%n", Instant.now(),
                        pushes.size(), now, (now - lastChanges) / 60.0);
                lastChanges = now;
            }
        }
        running.set(false);
        load.shutdownNow();
        // changes still queued (the machine fell behind the offered rate) are dropped: the idle period has none
        int dropped = workers.shutdownNow().size();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        double changeRate = changes.get() / ((System.nanoTime() - loadStart) / 1e9);

        // idle: every deadline of the window has passed, the changes have stopped, the scheduler keeps polling
        Thread.sleep(2000);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long pgBefore = postgresCpuNanos();
        long c0 = os.getProcessCpuTime();
        long w0 = System.nanoTime();
        Thread.sleep(idleS * 1000L);
        double idlePct = 100.0 * (os.getProcessCpuTime() - c0) / (System.nanoTime() - w0);
        long pgAfter = postgresCpuNanos();
        double pgPct = pgBefore < 0 || pgAfter < 0 ? -1 : 100.0 * (pgAfter - pgBefore) / (idleS * 1e9);
        scheduler.close();

        // figures
        Instant cutoff = end;
        long due = jdbc.queryForObject("select count(*) from work_order_timers where due_at <= ? "
                + "and (cancelled_at is null or fired_at is not null)", Long.class, java.sql.Timestamp.from(cutoff));
        long missed = jdbc.queryForObject("select count(*) from work_order_timers where due_at <= ? "
                + "and fired_at is null and cancelled_at is null", Long.class, java.sql.Timestamp.from(cutoff));
        long fired = jdbc.queryForObject("select count(*) from work_order_timers where fired_at is not null", Long.class);
        long late = jdbc.queryForObject("select count(*) from work_order_timers where late", Long.class);
        long twiceInDb = jdbc.queryForObject("select count(*) from (select timer_id from work_order_alarms "
                + "group by timer_id having count(*) > 1) d", Long.class);
        long alarms = jdbc.queryForObject("select count(*) from work_order_alarms", Long.class);
        Map<String, Integer> perFiring = new ConcurrentHashMap<>();
        List<Long> lateMs = new ArrayList<>();
        for (Push p : pushes) {
            if (perFiring.merge(p.alarmId() + ":" + p.fireCount(), 1, Integer::sum) == 1 && p.fireCount() == 1) {
                lateMs.add(Duration.between(p.dueAt(), p.at()).toMillis());
            }
        }
        long twicePushed = perFiring.values().stream().filter(n -> n > 1).count();
        long unpushed = alarms - perFiring.keySet().stream().filter(k -> k.endsWith(":1")).count();
        long[] sorted = lateMs.stream().mapToLong(Long::longValue).sorted().toArray();
        long p50 = pct(sorted, 50);
        long p99 = pct(sorted, 99);
        long max = sorted.length == 0 ? 0 : sorted[sorted.length - 1];
        long open = jdbc.queryForObject("select count(*) from work_orders where closed_at is null", Long.class);
        System.out.printf("state changes through WorkOrders: %,d (%.1f/s offered %d/s; %,d still queued at the end"
                + " and dropped), %,d refused%n", changes.get(), changeRate, changesPerS, dropped, refused.get());
        System.out.printf("timers due by the end of the window: %,d; fired %,d (%,d marked late > 5 s); missed %,d%n",
                due, fired, late, missed);
        System.out.printf("alarm rows %,d; pushes %,d; timers with two alarm rows %d; firings pushed twice %d;"
                + " alarms never pushed %d%n", alarms, pushes.size(), twiceInDb, twicePushed, unpushed);
        System.out.printf("push after deadline: p50 %d ms, p99 %d ms, max %d ms (n=%,d)%n", p50, p99, max, sorted.length);
        System.out.printf("idle %d s after the window: JVM %.2f%% of one core, PostgreSQL %s%n", idleS, idlePct,
                pgPct < 0 ? "not measured (its processes are not this JVM's children)"
                        : String.format("%.2f%% of one core", pgPct));
        return String.format(java.util.Locale.ROOT, "workorders open=%d fire_late_p99_ms=%d missed=%d duplicated=%d"
                + " idle_cpu_pct=%.2f", open, p99, missed + unpushed, twiceInDb + twicePushed, idlePct);
    }

    // COPY the orders, their point A and their two timers, exactly the columns WorkOrders.create fills
    private static void load(HikariDataSource db, int orders, int spread, Instant t0, String limits) throws Exception {
        String limitsCsv = '"' + limits.replace("\"", "\"\"") + '"';
        StringBuilder wo = new StringBuilder(orders * (limits.length() + 160));
        StringBuilder points = new StringBuilder(orders * 80);
        StringBuilder timers = new StringBuilder(orders * 100);
        String day = "WO" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd")
                .format(t0.atZone(java.time.ZoneId.of("Asia/Shanghai")));
        long spreadMs = spread * 1000L;
        for (int i = 1; i <= orders; i++) {
            // the first warning at t0 + 1 minute (a quarter of the 4-minute limit before its deadline), deadlines spread
            Instant deadline = t0.plus(firstLimit.dividedBy(4)).plusMillis(spreadMs * (i - 1) / orders)
                    .plusMillis(ThreadLocalRandom.current().nextLong(0, 1000));
            Instant a = deadline.minus(firstLimit);
            Instant warning = a.plusMillis((long) (firstLimit.toMillis() * 0.75));
            wo.append(i).append(',').append(day).append('-').append(String.format("%06d", i)).append(",bench,new,压测,")
                    .append(a).append(",13900000000,").append(limitsCsv).append(",B,").append(deadline).append('\n');
            points.append(i).append(",A,").append(a).append(",bench,point,desk,").append(a).append('\n');
            timers.append(i).append(",warning,B,").append(warning).append('\n');
            timers.append(i).append(",alarm,B,").append(deadline).append('\n');
        }
        try (Connection c = db.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            pg.getCopyAPI().copyIn("copy work_orders (id, order_no, type, status, summary, created_at, caller_number,"
                    + " limits, awaiting_point, awaiting_deadline) from stdin with (format csv)",
                    new StringReader(wo.toString()));
            pg.getCopyAPI().copyIn("copy work_order_points (order_id, point, at, recorded_by_name, kind, source,"
                    + " recorded_at) from stdin with (format csv)", new StringReader(points.toString()));
            pg.getCopyAPI().copyIn("copy work_order_timers (order_id, kind, point, due_at) from stdin with (format csv)",
                    new StringReader(timers.toString()));
            try (var st = c.createStatement()) {
                st.execute("select setval(pg_get_serial_sequence('work_orders', 'id'), " + orders + ")");
                st.execute("select setval('work_order_no_seq', " + orders + ")");
            }
        }
    }

    private static long postgresCpuNanos() {
        long sum = 0;
        boolean any = false;
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            String cmd = p.info().command().orElse("");
            if (cmd.endsWith("/postgres") && p.info().totalCpuDuration().isPresent()
                    && p.info().user().equals(ProcessHandle.current().info().user())) {
                sum += p.info().totalCpuDuration().get().toNanos();
                any = true;
            }
        }
        return any ? sum : -1;
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** A bus that hands every message to the bench's counter and delivers nowhere else. */
    private static final class RecordingBus implements PushBus {
        private final Consumer<PushMessage> sink;
        private final AtomicLong sequence = new AtomicLong();

        RecordingBus(Consumer<PushMessage> sink) {
            this.sink = sink;
        }

        @Override
        public String nodeId() {
            return "bench";
        }

        @Override
        public void publish(PushMessage message) {
            sink.accept(message);
        }

        @Override
        public PushMessage publish(String target, String type, String payload) {
            PushMessage m = new PushMessage(target, type, payload, "bench", sequence.incrementAndGet());
            sink.accept(m);
            return m;
        }

        @Override
        public Subscription subscribe(java.util.function.Predicate<PushMessage> wanted, Consumer<PushMessage> handler,
                                      Runnable onGap) {
            throw new UnsupportedOperationException("the bench only counts");
        }
    }
}
