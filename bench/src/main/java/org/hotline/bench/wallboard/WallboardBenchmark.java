package org.hotline.bench.wallboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.agent.NewAgent;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.pbxsim.DurationRange;
import org.hotline.pbxsim.LoadProfile;
import org.hotline.pbxsim.LoadRun;
import org.hotline.pbxsim.PbxSimulator;
import org.hotline.pbxsim.QueueConfig;
import org.hotline.pbxsim.SimulatorConfig;
import org.hotline.server.HotlineApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Wallboard delay under load, in one JVM: the real server, the PBX simulator with one queue of agents, every agent's
 * WebSocket and the supervisors' WebSockets open, calls at a fixed rate. The delay of an AgentCalled event is from
 * the simulator's flush to the arrival, at each supervisor socket, of the first frame showing that agent ringing or
 * talking (the 1 s batching included). Server CPU = CPU time of this JVM's threads that are neither the clients'
 * ({@code bench-client-*}, {@code HttpClient-*}) nor the simulator's ({@code pbxsim}, {@code nioEventLoopGroup-*}),
 * over wall time.
 *
 * <p>Options: {@code --seconds N} (60), {@code --rate R} calls/s (50), {@code --agents N} (2000),
 * {@code --supervisors N} (200), {@code --warmup N} s (10). Last line: {@code wallboard p99_ms=… cpu_cores=…}.
 */
public final class WallboardBenchmark {

    private static final String QUEUE = "burst";
    private static final int FIRST_EXTENSION = 5000;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Called(String agentInterface, long nanoTime) {
    }

    private record Frame(long atNanos, Set<String> busy) {
    }

    private WallboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int seconds = Integer.parseInt(o.getOrDefault("--seconds", "60"));
        double rate = Double.parseDouble(o.getOrDefault("--rate", "50"));
        int agents = Integer.parseInt(o.getOrDefault("--agents", "2000"));
        int supervisors = Integer.parseInt(o.getOrDefault("--supervisors", "200"));
        int warmup = Integer.parseInt(o.getOrDefault("--warmup", "10"));
        say("wallboard: %d agents, %d supervisors, %.0f calls/s for %d s after %d s warm-up; %d cores, load %.2f",
                agents, supervisors, rate, seconds, warmup, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String summary;
        SimulatorConfig lab = SimulatorConfig.defaults();
        List<QueueConfig> queues = new ArrayList<>(lab.queues().stream().filter(q -> !q.name().equals(QUEUE)).toList());
        queues.add(QueueConfig.ofAgents(QUEUE, FIRST_EXTENSION, agents)
                .withTimings(Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(2)));
        ConcurrentLinkedQueue<Called> called = new ConcurrentLinkedQueue<>();
        try (PbxSimulator sim = PbxSimulator.start(lab.withQueues(queues.toArray(QueueConfig[]::new)))) {
            sim.onAgentCalled((linkedid, iface, nanoTime) ->
                    called.add(new Called(AgentInterface.of(iface).value(), nanoTime)));
            try (ConfigurableApplicationContext server = startServer(sim)) {
                summary = run(server, sim, called, agents, supervisors, rate, seconds, warmup);
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.println(summary);
        System.exit(0);
    }

    private static String run(ConfigurableApplicationContext server, PbxSimulator sim, ConcurrentLinkedQueue<Called> called,
                              int agents, int supervisors, double rate, int seconds, int warmup) throws Exception {
        AmiConnection ami = server.getBean(AmiConnection.class);
        await("the AMI login", Duration.ofSeconds(60), () -> ami.state().isLoggedIn());
        DataSource dataSource = server.getBean(DataSource.class);
        AgentDirectory directory = new AgentDirectory(dataSource, 4);
        Set<String> existing = new HashSet<>(directory.all().stream().map(AgentAccount::username).toList());
        IntStream.range(0, agents).parallel().filter(i -> !existing.contains("bench" + (FIRST_EXTENSION + i)))
                .forEach(i -> directory.create(new NewAgent("bench" + (FIRST_EXTENSION + i), "压测坐席 " + i,
                        DemoUsers.AGENT_PASSWORD, AgentAccount.Role.AGENT,
                        List.of("Local/" + (FIRST_EXTENSION + i) + "@agents"), List.of(QUEUE))));
        server.getBean(org.hotline.cti.wallboard.WallboardService.class).loadDirectory();
        int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port", "0"));
        long wallRefMillis = System.currentTimeMillis();
        long nanoRef = System.nanoTime();
        List<Frame> frames = new ArrayList<>();
        Map<Long, long[]> arrivals = new ConcurrentHashMap<>();   // frame time (nanos) -> arrival per supervisor
        try (BenchSockets sockets = new BenchSockets(port)) {
            long t0 = System.nanoTime();
            List<CompletableFuture<?>> open = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                String cookie = sockets.login("bench" + (FIRST_EXTENSION + i), DemoUsers.AGENT_PASSWORD);
                open.add(sockets.connect("/ws/agent", cookie, (text, nanos) -> { }));
            }
            for (int s = 0; s < supervisors; s++) {
                int index = s;
                String cookie = sockets.login("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
                open.add(sockets.connect("/ws/supervisor", cookie, (text, nanos) -> {
                    // "at" is the first field of every frame: cheap to cut out without parsing 200 copies
                    int at = text.indexOf("\"at\":\"");
                    if (at < 0 || !text.startsWith("{\"type\":\"wallboard\"")) {
                        return;
                    }
                    String iso = text.substring(at + 6, text.indexOf('"', at + 6));
                    long atNanos = nanoRef + (Instant.parse(iso).toEpochMilli() - wallRefMillis) * 1_000_000L;
                    arrivals.computeIfAbsent(atNanos, k -> new long[supervisors])[index] = nanos;
                    if (index == 0) {
                        Frame frame = new Frame(atNanos, busyAgents(text));
                        synchronized (frames) {
                            frames.add(frame);
                        }
                    }
                }));
            }
            CompletableFuture.allOf(open.toArray(CompletableFuture[]::new)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            say("sockets: %,d agents and %,d supervisors logged in and connected in %,d ms", agents, supervisors,
                    (System.nanoTime() - t0) / 1_000_000);

            LoadRun load = sim.startLoad(LoadProfile.of(rate, Duration.ofSeconds(warmup + seconds), QUEUE)
                    .withTimings(DurationRange.ofSeconds(1, 3), DurationRange.ofSeconds(4, 10),
                            DurationRange.ofSeconds(60, 120), DurationRange.ofSeconds(5, 15)).withSeed(42));
            long start = System.nanoTime();
            long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
            long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
            LockSupport.parkNanos(measureFrom - System.nanoTime());
            long[] cpuFrom = cpuByRole();
            LockSupport.parkNanos(measureTo - System.nanoTime());
            long[] cpuTo = cpuByRole();
            long wall = System.nanoTime() - measureFrom;
            load.stop();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3)); // the frames of the last events
            double[] serverCores = new double[3];
            for (int r = 0; r < 3; r++) {
                serverCores[r] = (cpuTo[r] - cpuFrom[r]) / (double) wall;
            }
            List<Frame> seen;
            synchronized (frames) {
                seen = new ArrayList<>(frames);
            }
            long[] delays = delays(called, seen, arrivals, measureFrom, measureTo);
            Arrays.sort(delays);
            double p50 = percentile(delays, 0.50);
            double p99 = percentile(delays, 0.99);
            say("---");
            say("load: %s", load);
            say("events measured: %,d AgentCalled; %,d (event, supervisor) delays; frames at supervisor 0: %,d",
                    delays.length / Math.max(1, supervisors), delays.length, seen.size());
            say("delay AgentCalled flushed -> frame showing the agent at a supervisor socket, ms: p50 %.1f p90 %.1f"
                            + " p99 %.1f max %.1f", p50, percentile(delays, 0.90), p99, percentile(delays, 1.0));
            say("clients: %s", sockets.describe());
            say("cpu cores in the measured window: server %.2f, simulator %.2f, clients %.2f (of %d)",
                    serverCores[0], serverCores[1], serverCores[2], Runtime.getRuntime().availableProcessors());
            return String.format(Locale.ROOT, "wallboard p99_ms=%.0f cpu_cores=%.2f", p99, serverCores[0]);
        }
    }

    private static Set<String> busyAgents(String text) {
        Set<String> busy = new HashSet<>();
        try {
            for (JsonNode agent : JSON.readTree(text).at("/data/agents")) {
                String state = agent.path("state").asText();
                if (state.equals("ringing") || state.equals("talking")) {
                    busy.add(agent.path("interface").asText());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("unreadable frame", e);
        }
        return busy;
    }

    /** For each measured event, the first frame made after it that shows its agent busy, at every supervisor. */
    private static long[] delays(ConcurrentLinkedQueue<Called> called, List<Frame> frames, Map<Long, long[]> arrivals,
                                 long from, long to) {
        List<Long> out = new ArrayList<>();
        int missing = 0;
        for (Called c : called) {
            if (c.nanoTime() < from || c.nanoTime() >= to) {
                continue;
            }
            Frame hit = null;
            // frame times have millisecond precision: allow that much
            for (Frame f : frames) {
                if (f.atNanos() >= c.nanoTime() - 1_000_000 && f.busy().contains(c.agentInterface())) {
                    hit = f;
                    break;
                }
            }
            if (hit == null) {
                missing++;
                continue;
            }
            for (long arrival : arrivals.get(hit.atNanos())) {
                if (arrival > 0) {
                    out.add(arrival - c.nanoTime());
                }
            }
        }
        if (missing > 0) {
            say("events never shown busy in a frame (rang and ended within one frame, or lost): %,d", missing);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** CPU nanoseconds of live threads by role: server, simulator, clients. */
    private static long[] cpuByRole() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] sums = new long[3];
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info == null || cpu < 0) {
                continue;
            }
            String name = info.getThreadName();
            int role = name.startsWith("pbxsim") || name.startsWith("nioEventLoopGroup") ? 1
                    : name.startsWith("bench-client") || name.startsWith("HttpClient") ? 2 : 0;
            sums[role] += cpu;
        }
        return sums;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static ConfigurableApplicationContext startServer(PbxSimulator sim) {
        SpringApplication app = new SpringApplication(HotlineApplication.class);
        app.setLogStartupInfo(false);
        return app.run("--server.port=0", "--hotline.embedded.postgres.data-dir=",
                "--hotline.call-records.journal-dir=", "--hotline.simulator.enabled=false", "--hotline.ami.host=127.0.0.1",
                "--hotline.ami.port=" + sim.port(), "--hotline.ami.username=" + sim.config().username(),
                "--hotline.ami.secret=" + sim.config().secret(), "--hotline.demo.customers=1000",
                // the simulated agents have no desks: they take calls as the PBX has them
                "--hotline.presence.start=pbx",
                "--logging.level.root=WARN", "--logging.level.org.hotline=WARN");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!List.of("--seconds", "--rate", "--agents", "--supervisors", "--warmup").contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected: --seconds, --rate, --agents, --supervisors, --warmup)");
            }
            o.put(args[i], args[i + 1]);
        }
        return o;
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

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
