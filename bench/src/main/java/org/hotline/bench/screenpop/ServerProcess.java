package org.hotline.bench.screenpop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Hotline server in a JVM of its own, as in production: the PBX and the agents' browsers (this benchmark's
 * harness) then allocate on another heap, so the server's collections are its own. Started from this JVM's class
 * path with {@code HOTLINE_BENCH_GC} and {@code HOTLINE_BENCH_JAVA_OPTS}; its GC log is read for the pauses.
 */
final class ServerProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BUCKET =
            Pattern.compile("(?m)^hotline_pop_latency_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+]+)$");
    private static final Pattern PAUSE = Pattern.compile("Pause .*?([0-9.]+)ms$");

    private final Process process;
    private final int httpPort;
    private final int postgresPort;
    private final Path gcLog;
    private final Path output;

    private ServerProcess(Process process, int httpPort, int postgresPort, Path gcLog, Path output) {
        this.process = process;
        this.httpPort = httpPort;
        this.postgresPort = postgresPort;
        this.gcLog = gcLog;
        this.output = output;
    }

    /** Starts the server on free ports with {@code args} added to the benchmark's settings; returns once it is ready. */
    static ServerProcess start(List<String> args, Duration atMost) throws IOException, TimeoutException {
        int http = freePort();
        int postgres = freePort();
        Path dir = Files.createTempDirectory("screenpop-server");
        Path gcLog = dir.resolve("gc.log");
        Path output = dir.resolve("server.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(split(env("HOTLINE_BENCH_HEAP", "-Xms3g -Xmx3g")));
        command.addAll(split(env("HOTLINE_BENCH_GC", "-XX:+UseG1GC")));
        command.addAll(split(env("HOTLINE_BENCH_JAVA_OPTS", "")));
        command.add("-Xlog:gc:file=" + gcLog);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.hotline.server.HotlineApplication");
        command.add("--server.port=" + http);
        command.add("--hotline.embedded.postgres.port=" + postgres);
        command.addAll(args);
        command.removeIf(String::isBlank);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        ServerProcess server = new ServerProcess(p, http, postgres, gcLog, output);
        server.awaitReady(atMost);
        return server;
    }

    /** The HTTP port the desks connect to. */
    int httpPort() {
        return httpPort;
    }

    /** The server's process, for its CPU time. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /** The server's embedded PostgreSQL, as the harness reads and writes it (agent accounts, callers). */
    DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres");
        ds.setUser("postgres");
        return ds;
    }

    /** The server's collections so far, read from its GC log: count and milliseconds paused. */
    long[] gcPauses() {
        long count = 0;
        double millis = 0;
        try {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = PAUSE.matcher(line);
                if (m.find()) {
                    count++;
                    millis += Double.parseDouble(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new long[] {count, Math.round(millis)};
    }

    /**
     * Starts ({@code true}) or stops a recording of the measured window in the server (jcmd, so the start-up and the
     * set-up stay out of it): a flight recording when {@code HOTLINE_BENCH_JFR} names a file (settings
     * {@code HOTLINE_BENCH_JFR_SETTINGS}: {@code profile} by default, or a {@code .jfc} file), and an async-profiler
     * profile when {@code HOTLINE_BENCH_ASYNC_PROFILER} names its {@code libasyncProfiler.so} (the Maven artifact
     * {@code tools.profiler:async-profiler}) and {@code HOTLINE_BENCH_ASYNC_PROFILER_FILE} the output (collapsed stacks
     * per thread; {@code HOTLINE_BENCH_ASYNC_PROFILER_OPTIONS}, default {@code event=cpu,interval=10ms}, or e.g.
     * {@code event=alloc}): it samples from the kernel's timer, not at safepoints, and costs the server far less than
     * JFR's {@code profile} settings. The runs in docs/benchmarks.md also load the library at the server's start
     * ({@code HOTLINE_BENCH_JAVA_OPTS=-agentpath:…}), so nothing is attached to a running JVM.
     */
    void recordWindow(boolean start) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String pid = String.valueOf(process.pid());
        String file = System.getenv("HOTLINE_BENCH_JFR");
        if (file != null && !file.isBlank()) {
            String settings = System.getenv().getOrDefault("HOTLINE_BENCH_JFR_SETTINGS", "profile");
            run(start ? List.of(jcmd, pid, "JFR.start", "name=window", "settings=" + settings, "filename=" + file)
                    : List.of(jcmd, pid, "JFR.stop", "name=window"));
        }
        String library = System.getenv("HOTLINE_BENCH_ASYNC_PROFILER");
        if (library != null && !library.isBlank()) {
            String options = System.getenv().getOrDefault("HOTLINE_BENCH_ASYNC_PROFILER_OPTIONS", "event=cpu,interval=10ms");
            String output = System.getenv().getOrDefault("HOTLINE_BENCH_ASYNC_PROFILER_FILE", "/tmp/screenpop.collapsed");
            // quoted: jcmd would read the options' '=' as its own argument syntax
            run(List.of(jcmd, pid, "JVMTI.agent_load", library, start ? "\"start," + options + ",threads\""
                    : "\"stop,collapsed,file=" + output + "\""));
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor(30, TimeUnit.SECONDS);
    }

    /** A health component's JSON ({@code ami}, ...) read as the demo administrator; null when it has none. */
    JsonNode health(AgentSockets sockets, String component) throws IOException, InterruptedException {
        String cookie = sockets.login("admin", "hotline-admin");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/actuator/health")).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("components").get(component);
    }

    /**
     * The server's own ring-to-bus histogram ({@code hotline.pop.latency}: AMI frame read → pop handed to the push bus)
     * as cumulative counts per upper bound in seconds, read from its Prometheus endpoint as the demo administrator.
     */
    java.util.SortedMap<Double, Double> popLatencyBuckets(AgentSockets sockets) throws IOException, InterruptedException {
        String cookie = sockets.login("admin", "hotline-admin");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/actuator/prometheus")).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.SortedMap<Double, Double> buckets = new java.util.TreeMap<>();
        Matcher m = BUCKET.matcher(r.body());
        while (m.find()) {
            buckets.put(m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1)),
                    Double.parseDouble(m.group(2)));
        }
        return buckets;
    }

    private void awaitReady(Duration atMost) throws TimeoutException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + atMost.toNanos();
        URI readiness = URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; its output: "
                        + output + "\n" + tail());
            }
            try {
                if (client.send(HttpRequest.newBuilder(readiness).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        throw new TimeoutException("the server was not ready in " + atMost.toSeconds() + " s; its output: " + output);
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(output);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** Stops the server as an operator would (SIGTERM: graceful shutdown, embedded PostgreSQL stopped). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static List<String> split(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isBlank()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
