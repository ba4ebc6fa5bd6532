package org.hotline.bench.screenpop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
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
import org.hotline.cti.demo.DemoUsers;
import org.hotline.pbxsim.PbxSimulator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End-to-end screen-pop latency: the real server in a JVM of its own (embedded PostgreSQL with the demo customers),
 * and in this JVM a PBX simulator with one queue of agents, every agent logged in with a WebSocket open, and calls at
 * a fixed rate. The latency of a pop is from the simulator's flush of AgentCalled to the agent's client reading the
 * RINGING frame, both on this JVM's clock.
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
        try {
            if (o.pbx().equals("asterisk")) {
                try (AsteriskLoad lab = AsteriskLoad.start(o);
                     ServerProcess server = startServer(o, lab.asterisk().amiPort(), LabAsterisk.HOTLINE_USER,
                             lab.asterisk().hotlineSecret())) {
                    summary = run(o, agents, book, lab, server);
                }
            } else {
                try (PbxSimulator sim = PbxSimulator.start(agents.simulatorConfig())) {
                    try (ServerProcess server = startServer(o, sim.port(), sim.config().username(),
                            sim.config().secret())) {
                        summary = run(o, agents, book, new SimulatorLoad(sim, o), server);
                    }
                }
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        // printed after the server and the PBX have stopped, so no shutdown line follows it
        System.out.println(summary);
        System.exit(0);
    }

    /** Runs the load and prints the figures; returns the summary line. */
    private static String run(BenchOptions o, BenchAgents agents, LatencyBook book, PbxLoad load,
                              ServerProcess server) throws Exception {
        DataSource dataSource = server.dataSource();
        long t0 = System.nanoTime();
        int created = agents.ensureAccounts(dataSource);
        say("agents: %,d accounts created (%,d existed) in %,d ms (BCrypt cost %d)", created, o.agents() - created,
                millisSince(t0), BenchAgents.BCRYPT_STRENGTH);
        List<String> numbers = CallerNumbers.draw(new JdbcTemplate(dataSource), o.customers(), o.unknownShare(), o.seed());
        say("callers: %,d numbers (%.0f%% of them unknown to the database)", numbers.size(), o.unknownShare() * 100);
        load.prepare(agents, book);

        try (AgentSockets sockets = new AgentSockets(server.httpPort(), book, o.clients())) {
            await("the server's AMI connection to log in", Duration.ofSeconds(60),
                    () -> "UP".equals(amiHealth(server, sockets).path("status").asText()));
            connectAll(agents, sockets);
            ProcessCpu cpu = new ProcessCpu(server, ProcessCpu.postmaster(dataSource));
            long start = System.nanoTime();
            long measureFrom = start + TimeUnit.SECONDS.toNanos(o.warmupSeconds());
            long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(o.seconds());
            book.measureFrom(measureFrom);
            load.start(numbers);
            say("load: %s, %d s warm-up then %d s measured", load.describe(), o.warmupSeconds(), o.seconds());
            ProcessCpu.Sample atStart = null;
            SortedMap<Double, Double> serverAtStart = new TreeMap<>();
            long placedAtStart = 0;
            long nextReport = start + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < measureTo) {
                long now = System.nanoTime();
                if (atStart == null && now >= measureFrom) {
                    atStart = cpu.sample();
                    placedAtStart = load.placed();
                    serverAtStart = server.popLatencyBuckets(sockets);
                    server.recordWindow(true);
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
            server.recordWindow(false);
            SortedMap<Double, Double> serverAtEnd = server.popLatencyBuckets(sockets);
            long placedMeasured = load.placed() - placedAtStart;
            say("load: placing stopped at %,d calls; waiting for the calls to end", load.placed());
            load.stopAndWait(TIMEOUT);
            drain(book, o.drainSeconds());
            sayServerPart(serverAtStart, serverAtEnd);
            return report(o, book.figures(), placedMeasured, atStart, atEnd, load.summary(), sockets,
                    amiHealth(server, sockets));
        }
    }

    private static JsonNode amiHealth(ServerProcess server, AgentSockets sockets) {
        try {
            JsonNode ami = server.health(sockets, "ami");
            return ami == null ? MissingNode.getInstance() : ami;
        } catch (IOException e) {
            return MissingNode.getInstance();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ServerProcess startServer(BenchOptions o, int amiPort, String amiUser, String amiSecret)
            throws Exception {
        long t0 = System.nanoTime();
        ServerProcess server = ServerProcess.start(List.of(
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
                "--logging.level.org.hotline.cti.demo=INFO"), Duration.ofMinutes(15));
        Integer customers = new JdbcTemplate(server.dataSource()).queryForObject("select count(*) from customers",
                Integer.class);
        say("server: its own JVM (%s), ready with the demo data in %,d ms; %,d customers",
                System.getenv().getOrDefault("HOTLINE_BENCH_GC", "-XX:+UseG1GC"), millisSince(t0), customers);
        return server;
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
                               ProcessCpu.Sample b, String load, AgentSockets sockets, JsonNode ami) {
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
        say("server's AMI connection at the end: %s", ami.path("details"));
        say("cpu in the measured window: server JVM %.2f cores, harness JVM (%s + %,d clients) %.2f, PostgreSQL %.2f"
                        + " cores of %d; server GC pauses %,d ms in %,d; load average %.2f -> %.2f",
                a.serverCoresUntil(b), o.pbx().equals("asterisk") ? "load driver" : "simulator", o.agents(),
                a.harnessCoresUntil(b), a.postgresCoresUntil(b), Runtime.getRuntime().availableProcessors(),
                b.gcMillis() - a.gcMillis(), b.gcCount() - a.gcCount(), a.loadAverage(), b.loadAverage());
        return String.format(Locale.ROOT, "screenpop p50_ms=%.2f p99_ms=%.2f pops=%d lost=%d",
                f.percentileMillis(0.50), f.percentileMillis(0.99), f.received(), f.lost());
    }

    /** The server's own part of the latency in the measured window, from its histogram's cumulative buckets. */
    private static void sayServerPart(SortedMap<Double, Double> start, SortedMap<Double, Double> end) {
        double all = end.getOrDefault(Double.POSITIVE_INFINITY, 0.0) - start.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        StringBuilder shares = new StringBuilder();
        for (Map.Entry<Double, Double> e : end.entrySet()) {
            if (e.getKey() <= 0.1 && all > 0) {
                double within = e.getValue() - start.getOrDefault(e.getKey(), 0.0);
                shares.append(String.format(Locale.ROOT, "  <= %.0f ms %.2f%%", e.getKey() * 1000, 100 * within / all));
            }
        }
        say("server's part (AMI frame read -> pop on the push bus, its hotline.pop.latency) in the measured window: %,.0f"
                + " pops%s", all, shares);
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
