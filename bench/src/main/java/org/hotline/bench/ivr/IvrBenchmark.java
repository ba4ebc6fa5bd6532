package org.hotline.bench.ivr;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.flywaydb.core.Flyway;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.demo.DemoDataGenerator;
import org.hotline.cti.outage.NewOutage;
import org.hotline.cti.outage.OutageDesk;
import org.hotline.cti.outage.OutageKind;
import org.hotline.cti.outage.Outages;
import org.hotline.ivr.IvrProperties;
import org.hotline.ivr.internal.FastAgiServer;
import org.hotline.ivr.scripts.IdentifyScript;
import org.hotline.ivr.scripts.OutageNoticeScript;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #14's IVR benchmark: {@code --sessions} (500) simulated Asterisk channels at once, each running identify then
 * outage-notice over FastAGI against {@code --customers} (1,000,000) in embedded PostgreSQL (9 in 10 callers found by
 * their number, 1 in 10 keying the account in; one line in outage, its callers hear the notice and press 2). Reports
 * script runs per second and the p99 of the server's time from Asterisk's reply to its next command, and, in the same
 * run, the runs per second of a plain asterisk-java {@code DefaultAgiServer} with an empty script. Two loads: paced at
 * {@code --paced-calls-per-s} (100 calls, 200 runs a second: the issue's target) for the p99, and as fast as the
 * server answers for the most runs a second. Last line: {@code ivr runs_per_s=<most> p99_ms=<at the target load>
 * vs_bare_agi=<most / the bare server's most>x}.
 */
public final class IvrBenchmark {

    private IvrBenchmark() {
    }

    /** Runs it: {@code --customers N}, {@code --sessions N}, {@code --seconds N} (measured, 30), {@code --warmup-s N} (15). */
    public static void main(String[] args) throws Exception {
        int customers = 1_000_000;
        int sessions = 500;
        int seconds = 30;
        int warmup = 15;
        // the issue's target is 200 runs/s: two scripts a call, so 100 calls a second, 500 of them open at once
        double pacedCalls = 100;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--customers" -> customers = Integer.parseInt(args[i + 1]);
                case "--sessions" -> sessions = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup-s" -> warmup = Integer.parseInt(args[i + 1]);
                case "--paced-calls-per-s" -> pacedCalls = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected: --customers, --sessions, --seconds, --warmup-s, --paced-calls-per-s)");
            }
        }
        String summary;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0").setServerConfig("shared_buffers", "512MB").start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase()).load().migrate();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            // the server's default pool (spring.datasource.hikari.maximum-pool-size is 10)
            config.setMaximumPoolSize(10);
            try (HikariDataSource ds = new HikariDataSource(config)) {
                summary = run(ds, customers, sessions, seconds, warmup, pacedCalls);
            }
        }
        System.out.println(summary);
    }

    private static String run(HikariDataSource ds, int customers, int sessions, int seconds, int warmup,
                              double pacedCalls) throws Exception {
        long t0 = System.nanoTime();
        DemoDataGenerator.Summary s = new DemoDataGenerator().generate(ds, customers, 14L);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("vacuum (analyze)");
        System.out.printf("data: %,d customers in %.1f s%n", s.customersAdded(), (System.nanoTime() - t0) / 1e9);
        String line = jdbc.queryForObject("select code from feeder_lines order by id limit 1", String.class);
        Instant now = Instant.now();
        new OutageDesk(ds, Clock.systemUTC()).declare(new NewOutage(OutageKind.UNPLANNED, line, null, "压测故障",
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(4))), "bench");
        // callers: numbers that name one open account (identified by number), and accounts to key in
        List<String[]> known = jdbc.query("""
                select cp.normalized, min(ac.account_no) from customer_phones cp
                join accounts ac on ac.customer_id = cp.customer_id and ac.closed_at is null
                group by cp.normalized having count(*) = 1 order by md5(cp.normalized) limit 100000""",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
        List<String[]> outage = jdbc.query("""
                select cp.normalized, min(ac.account_no) from customer_phones cp
                join accounts ac on ac.customer_id = cp.customer_id and ac.closed_at is null
                join premises p on p.id = ac.premises_id join transformer_areas ta on ta.id = p.transformer_area_id
                join feeder_lines l on l.id = ta.feeder_line_id and l.code = ?
                group by cp.normalized having count(*) = 1 limit 10000""",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, line);
        List<String> accounts = jdbc.queryForList("select account_no from accounts order by md5(account_no) limit 20000",
                String.class);
        long inOutage = jdbc.queryForObject("""
                select count(*) from customers c join accounts ac on ac.customer_id = c.id
                join premises p on p.id = ac.premises_id join transformer_areas ta on ta.id = p.transformer_area_id
                join feeder_lines l on l.id = ta.feeder_line_id where l.code = ?""", Long.class, line);
        System.out.printf("callers: %,d numbers naming one account, %,d accounts to key in; %,d accounts under the"
                + " outage on line %s%n", known.size(), accounts.size(), inOutage, line);

        PhoneNumbers numbers = new PhoneNumbers(PhoneProperties.defaults());
        IvrProperties d = IvrProperties.defaults();
        IvrProperties properties = new IvrProperties(true, "127.0.0.1", 0, d.allowedPeers(), 50, 2000,
                d.readTimeout(), d.digitTimeout(), d.retries(), d.maxAccountDigits(), d.accountCheckDigit(),
                d.menuRepeats(), d.zone(), d.faultOrderType());
        IdentifyScript identify = new IdentifyScript(new CustomerDirectory(ds, numbers), numbers, properties);
        FastAgiServer hotline = new FastAgiServer(properties, List.of(identify,
                new OutageNoticeScript(new Outages(ds), numbers, properties, Clock.systemUTC())), ds, Clock.systemUTC());
        hotline.start();
        Result paced;
        Result ivr;
        try {
            paced = load("hotline identify + outage-notice", hotline.port(), List.of("identify", "outage-notice"),
                    sessions, warmup, seconds, known, outage, accounts, pacedCalls);
            ivr = load("hotline identify + outage-notice", hotline.port(), List.of("identify", "outage-notice"),
                    sessions, warmup, seconds, known, outage, accounts, 0);
        } finally {
            hotline.close();
        }
        long recorded = jdbc.queryForObject("select count(*) from ivr_runs", Long.class);
        long heard = jdbc.queryForObject("select count(*) from ivr_runs where path like '%outage=%:agent'", Long.class);
        System.out.printf("ivr_runs rows: %,d (%,d heard the outage notice and pressed 2)%n", recorded, heard);

        int barePort;
        try (ServerSocket free = new ServerSocket(0)) {
            barePort = free.getLocalPort();
        }
        DefaultAgiServer bare = new DefaultAgiServer((org.asteriskjava.fastagi.AgiScript) (request, channel) -> {
        });
        bare.setPort(barePort);
        bare.setPoolSize(50);
        bare.setMaximumPoolSize(2000);
        Thread acceptor = new Thread(() -> {
            try {
                bare.startup();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "bare-agi");
        acceptor.setDaemon(true);
        acceptor.start();
        Result empty;
        try {
            awaitListening(barePort);
            empty = load("bare asterisk-java AgiServer, empty script", barePort, List.of("empty"), sessions, warmup,
                    seconds, known, outage, accounts, 0);
        } finally {
            bare.shutdown();
        }
        // the most runs a second it serves, the p99 at the issue's load, and the most runs of an empty script
        return String.format(java.util.Locale.ROOT, "ivr runs_per_s=%.0f p99_ms=%.2f vs_bare_agi=%.2fx",
                ivr.runsPerSecond(), paced.p99Ms(), ivr.runsPerSecond() / empty.runsPerSecond());
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                probe.setSoLinger(true, 0);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the bare AGI server is not listening on " + port);
    }

    /** Runs per second over the measured window and the p99 of the server's think time in it. */
    private record Result(double runsPerSecond, double p99Ms) {
    }

    private static Result load(String name, int port, List<String> scripts, int sessions, int warmup, int seconds,
                               List<String[]> known, List<String[]> outage, List<String> accounts, double callsPerS)
            throws InterruptedException {
        // paced: calls start on a shared schedule (callsPerS); unpaced (0): each session starts its next call at once
        AtomicLong nextStart = new AtomicLong(System.nanoTime());
        long gapNanos = callsPerS > 0 ? (long) (1e9 / callsPerS) : 0;
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong runs = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong ids = new AtomicLong();
        List<long[]> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(sessions);
        for (int t = 0; t < sessions; t++) {
            Thread session = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int[] n = {0};
                AgiCaller.Sink sink = nanos -> {
                    if (measuring.get() && n[0] < mine.length) {
                        mine[n[0]++] = nanos;
                    }
                };
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (running.get()) {
                    if (gapNanos > 0) {
                        long at = nextStart.getAndAdd(gapNanos);
                        long wait = at - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                    }
                    boolean byNumber = random.nextInt(10) != 0;
                    // 1 in 20 callers is on the line in outage and hears the notice
                    List<String[]> from = random.nextInt(20) == 0 ? outage : known;
                    String[] caller = from.get(random.nextInt(from.size()));
                    String number = byNumber ? caller[0] : "02100000000";
                    String account = byNumber ? caller[1] : accounts.get(random.nextInt(accounts.size())) + "#";
                    String uid = "1800000000." + ids.incrementAndGet();
                    Map<String, String> channel = AgiCaller.channel();
                    for (String script : scripts) {
                        try {
                            AgiCaller.run(port, script, uid, number, account.replace("#", ""), channel, sink);
                            if (measuring.get()) {
                                runs.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                        }
                    }
                }
                samples.add(Arrays.copyOf(mine, n[0]));
                done.countDown();
            }, "caller-" + t);
            session.setDaemon(true);
            session.start();
        }
        Thread.sleep(warmup * 1000L);
        measuring.set(true);
        long m0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - m0) / 1e9;
        running.set(false);
        done.await();
        long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double p50 = all.length == 0 ? 0 : all[all.length / 2] / 1e6;
        double p99 = all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6;
        double rate = runs.get() / elapsed;
        System.out.printf("%s, %s: %d sessions, %,d runs in %.1f s = %.0f runs/s; %,d failed; server think time p50"
                + " %.2f ms, p99 %.2f ms (n=%,d)%n", name, callsPerS > 0 ? "paced at " + callsPerS + " calls/s"
                : "as fast as it answers", sessions, runs.get(), elapsed, rate, failures.get(), p50, p99, all.length);
        return new Result(rate, p99);
    }
}
