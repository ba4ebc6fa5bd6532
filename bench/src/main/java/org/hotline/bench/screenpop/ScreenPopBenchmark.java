package org.hotline.bench.screenpop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.hotline.asterisklab.LabAsterisk;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.screenpop.ScreenPops;
import org.hotline.pbxsim.PbxSimulator;
import org.hotline.server.HotlineApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End-to-end screen-pop latency in one JVM: the real server (embedded PostgreSQL with the demo customers), a PBX
 * simulator with one queue of agents, every agent logged in with a WebSocket open, and calls at a fixed rate. The
 * latency of a pop is from the simulator's flush of AgentCalled to the agent's client reading the RINGING frame.
 *
 * <p>Options: see {@link BenchOptions}. The last line is {@code screenpop p50_ms=… p99_ms=… pops=… lost=…}.
 */
public final class ScreenPopBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private ScreenPopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions o = BenchOptions.parse(args);
        say("screenpop: %s; %d cores, %s %s, load average %.2f", o.describe(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), ProcessCpu.loadAverage());
        BenchAgents agents = new BenchAgents(o.firstExtension(), o.agents());
        LatencyBook book = new LatencyBook();
        String summary;
        if (o.pbx().equals("asterisk")) {
            try (AsteriskLoad lab = AsteriskLoad.start(o)) {
                try (ConfigurableApplicationContext server = startServer(o, lab.asterisk().amiPort(),
                        LabAsterisk.HOTLINE_USER, lab.asterisk().hotlineSecret())) {
                    summary = run(o, agents, book, lab, server);
                }
            } catch (Exception | Error e) {
                e.printStackTrace();
                System.exit(1);
                return;
            }
            System.out.println(summary);
            System.exit(0);
        }
        try (PbxSimulator sim = PbxSimulator.start(agents.simulatorConfig())) {
            sim.onAgentCalled(book::agentCalled);
            try (ConfigurableApplicationContext server = startServer(o, sim.port(), sim.config().username(),
                    sim.config().secret())) {
                summary = run(o, agents, book, new SimulatorLoad(sim, o), server);
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        // printed after the server and simulator have stopped, so no shutdown log line follows it
        System.out.println(summary);
        System.exit(0);
    }

    /** Runs the load and prints the figures; returns the summary line. */
    private static String run(BenchOptions o, BenchAgents agents, LatencyBook book, PbxLoad load,
                              ConfigurableApplicationContext server) throws Exception {
        AmiConnection ami = server.getBean(AmiConnection.class);
        await("the AMI connection to log in", Duration.ofSeconds(60), () -> ami.state().isLoggedIn());
        DataSource dataSource = server.getBean(DataSource.class);
        long t0 = System.nanoTime();
        int created = agents.ensureAccounts(dataSource);
        say("agents: %,d accounts created (%,d existed) in %,d ms (BCrypt cost %d)", created, o.agents() - created,
                millisSince(t0), BenchAgents.BCRYPT_STRENGTH);
        List<String> numbers = CallerNumbers.draw(new JdbcTemplate(dataSource), o.customers(), o.unknownShare(), o.seed());
        say("callers: %,d numbers (%.0f%% of them unknown to the database)", numbers.size(), o.unknownShare() * 100);
        load.prepare(agents, book);

        int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port", "0"));
        try (AgentSockets sockets = new AgentSockets(port, book)) {
            connectAll(agents, sockets);
            long backendPid = new JdbcTemplate(dataSource).queryForObject("select pg_backend_pid()", Long.class);
            ProcessCpu cpu = new ProcessCpu(backendPid);
            long start = System.nanoTime();
            long measureFrom = start + TimeUnit.SECONDS.toNanos(o.warmupSeconds());
            long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(o.seconds());
            book.measureFrom(measureFrom);
            load.start(numbers);
            say("load: %s, %d s warm-up then %d s measured", load.describe(), o.warmupSeconds(), o.seconds());
            ProcessCpu.Sample atStart = null;
            long placedAtStart = 0;
            long nextReport = start + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < measureTo) {
                long now = System.nanoTime();
                if (atStart == null && now >= measureFrom) {
                    atStart = cpu.sample();
                    placedAtStart = load.placed();
                }
                if (now >= nextReport) {
                    nextReport += TimeUnit.SECONDS.toNanos(10);
                    say("  t=%3ds placed %,d answered %,d rings %,d pops %,d (measured) live calls %,d, load %.2f",
                            (now - start) / 1_000_000_000L, load.placed(), load.answered(), book.measuredCalled(),
                            book.measuredPopped(), load.liveCalls(), ProcessCpu.loadAverage());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            if (atStart == null) {
                atStart = cpu.sample();
            }
            ProcessCpu.Sample atEnd = cpu.sample();
            long placedMeasured = load.placed() - placedAtStart;
            say("load: placing stopped at %,d calls; waiting for the calls to end", load.placed());
            load.stopAndWait(TIMEOUT);
            drain(book, o.drainSeconds());
            return report(o, book.figures(), placedMeasured, atStart, atEnd, load.summary(), sockets, ami,
                    server.getBean(ScreenPops.class));
        }
    }

    private static ConfigurableApplicationContext startServer(BenchOptions o, int amiPort, String amiUser,
                                                              String amiSecret) {
        SpringApplication app = new SpringApplication(HotlineApplication.class);
        app.setLogStartupInfo(false);
        long[] started = new long[1];
        app.addListeners(e -> {
            if (e instanceof ApplicationStartedEvent) {
                started[0] = System.nanoTime(); // the context is up; the demo data loads in the ready listeners next
            }
        });
        long t0 = System.nanoTime();
        ConfigurableApplicationContext context = app.run(
                "--server.port=0",
                "--hotline.embedded.postgres.data-dir=" + o.dataDir(),
                // a journal left by an earlier run would replay that run's calls into this database
                "--hotline.call-records.journal-dir=" + (o.dataDir().isBlank() ? "" : o.dataDir() + "-call-journal"),
                "--hotline.embedded.postgres.shared-buffers=" + o.sharedBuffers(),
                "--hotline.simulator.enabled=false",
                "--hotline.ami.host=127.0.0.1",
                "--hotline.ami.port=" + amiPort,
                "--hotline.ami.username=" + amiUser,
                "--hotline.ami.secret=" + amiSecret,
                // a 30 s wrap-up would pause the lab's 300 agents for most of the run (the simulator's 2,000 cope)
                "--hotline.presence.wrap-up=" + (o.pbx().equals("asterisk") ? "1s" : "30s"),
                // the agents' sockets open after the start rule's time on a large run: they stay as the PBX has them
                "--hotline.presence.start=pbx",
                "--hotline.demo.customers=" + o.customers(),
                "--logging.level.root=WARN",
                "--logging.level.org.hotline=WARN",
                "--logging.level.org.hotline.cti.demo=INFO");
        long end = System.nanoTime();
        Integer customers = new JdbcTemplate(context.getBean(DataSource.class))
                .queryForObject("select count(*) from customers", Integer.class);
        say("server: context up in %,d ms; demo data (customers by COPY, users, ANALYZE) %,d ms; %,d customers",
                (started[0] - t0) / 1_000_000, (end - started[0]) / 1_000_000, customers);
        return context;
    }

    /** Logs every agent in (four at a time), opens the sockets (at most 64 handshakes in flight), awaits snapshots. */
    private static void connectAll(BenchAgents agents, AgentSockets sockets) throws Exception {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Semaphore handshakes = new Semaphore(64);
        List<CompletableFuture<?>> connected = new ArrayList<>();
        try {
            List<CompletableFuture<String>> cookies = new ArrayList<>();
            for (int i = 0; i < agents.count(); i++) {
                String user = agents.username(i);
                cookies.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return sockets.login(user, DemoUsers.AGENT_PASSWORD);
                    } catch (Exception e) {
                        throw new IllegalStateException("login of " + user + " failed", e);
                    }
                }, pool));
            }
            for (CompletableFuture<String> cookie : cookies) {
                String c = cookie.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                handshakes.acquire();
                connected.add(sockets.connect(c).whenComplete((s, e) -> handshakes.release()));
            }
            CompletableFuture.allOf(connected.toArray(CompletableFuture[]::new)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        await("every socket's snapshot", Duration.ofSeconds(60), () -> sockets.snapshots() >= agents.count());
        say("agents: %,d logged in, sockets open and snapshots received in %,d ms", agents.count(), millisSince(t0));
    }

    /** Waits for pops still in flight: until every measured ring has its pop, or no pop came for {@code seconds}. */
    private static void drain(LatencyBook book, int seconds) {
        long quiet = TimeUnit.SECONDS.toNanos(seconds);
        long last = book.measuredPopped();
        long lastChange = System.nanoTime();
        while (book.measuredPopped() < book.measuredCalled() && System.nanoTime() - lastChange < quiet) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            long now = book.measuredPopped();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            }
        }
    }

    private static String report(BenchOptions o, LatencyBook.Figures f, long placedMeasured, ProcessCpu.Sample a,
                               ProcessCpu.Sample b, String load, AgentSockets sockets, AmiConnection ami,
                               ScreenPops pops) {
        double seconds = (b.nanoTime() - a.nanoTime()) / 1e9;
        say("---");
        say("calls: %,d placed in the measured %.1f s (%.1f calls/s, asked %.0f); whole run %s", placedMeasured,
                seconds, placedMeasured / seconds, o.rate(), load);
        say("rings: %,d measured (%.1f/s), %,d in the warm-up; pops received %,d, lost %,d", f.expected(),
                f.expected() / seconds, f.warmupRings(), f.received(), f.lost());
        say("latency AgentCalled written by the PBX -> RINGING pop read by the agent's socket, ms: p50 %.3f  p90 %.3f  p99 %.3f"
                        + "  p99.9 %.3f  max %.3f  mean %.3f  min %.3f", f.percentileMillis(0.50), f.percentileMillis(0.90),
                f.percentileMillis(0.99), f.percentileMillis(0.999), f.percentileMillis(1.0), f.meanMillis(),
                f.percentileMillis(0));
        say("pops: %,d RINGING read in all, %.1f%% with a customer card; %,d orphan pops, %,d rings twice, %,d pops twice",
                f.ringingPops(), f.ringingPops() == 0 ? 0 : 100.0 * f.popsWithCustomers() / f.ringingPops(),
                f.orphanPops(), f.calledTwice(), f.poppedTwice());
        say("clients: %s", sockets.describe());
        say("server: %s; %s; AMI reconnects %d", pops.stats(), ami.stats(), Math.max(0, ami.stats().logins() - 1));
        say("cpu in the measured window: this JVM (server + %s + %,d clients) %.2f cores, PostgreSQL %.2f"
                        + " cores of %d; GC %,d ms in %,d collections; load average %.2f -> %.2f", o.pbx().equals("asterisk")
                        ? "load driver" : "simulator", o.agents(),
                a.jvmCoresUntil(b), a.postgresCoresUntil(b), Runtime.getRuntime().availableProcessors(), b.gcMillis() - a.gcMillis(),
                b.gcCount() - a.gcCount(), a.loadAverage(), b.loadAverage());
        return String.format(Locale.ROOT, "screenpop p50_ms=%.2f p99_ms=%.2f pops=%d lost=%d",
                f.percentileMillis(0.50), f.percentileMillis(0.99), f.received(), f.lost());
    }

    private static void await(String what, Duration atMost, BooleanSupplier condition) throws TimeoutException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("waited " + atMost.toSeconds() + " s for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
