package org.hotline.cti.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server for tests, from the binaries shipped in {@code com.github.codemonstur:embedded-redis} (so a
 * fresh machine needs nothing installed; a {@code redis-server} on the PATH is the fallback), on a free port of
 * 127.0.0.1, with persistence off. {@link #shared()} is one server per JVM, stopped by a JVM shutdown hook;
 * {@link #startDedicated()} is one the test owns, for tests that stop and restart Redis.
 */
public final class EmbeddedRedisSupport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisSupport.class);
    private static final int ATTEMPTS_PER_BINARY = 5;
    private static EmbeddedRedisSupport shared;

    private final ExecutableProvider binary;
    private final int port;
    private RedisServer server;

    private EmbeddedRedisSupport(ExecutableProvider binary, int port, RedisServer server) {
        this.binary = binary;
        this.port = port;
        this.server = server;
    }

    /** The JVM's shared server, started on first use; tests must not stop it (use {@link #startDedicated()}). */
    public static synchronized EmbeddedRedisSupport shared() {
        if (shared == null) {
            EmbeddedRedisSupport s = startDedicated();
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "embedded-redis-stop"));
            shared = s;
        }
        return shared;
    }

    /** A new server the caller owns and closes. */
    public static EmbeddedRedisSupport startDedicated() {
        List<Exception> failures = new ArrayList<>();
        for (ExecutableProvider binary : binaries()) {
            for (int attempt = 0; attempt < ATTEMPTS_PER_BINARY; attempt++) {
                // the port may be taken between closing the probe socket and redis binding it: try another
                int port = freePort();
                try {
                    RedisServer server = newServer(binary, port);
                    server.start();
                    log.info("Embedded Redis on 127.0.0.1:{}", port);
                    return new EmbeddedRedisSupport(binary, port, server);
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        IllegalStateException e = new IllegalStateException("redis-server did not start after " + failures.size()
                + " attempts (expected: the embedded-redis binary or a redis-server on the PATH)");
        failures.forEach(e::addSuppressed);
        throw e;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** The port the server listens on, the same across {@link #stop()} and {@link #start()}. */
    public int port() {
        return port;
    }

    /** Stops the server (its data is lost) and waits for the process to exit. */
    public synchronized void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a fresh server on the same port. */
    public synchronized void start() {
        try {
            server = newServer(binary, port);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server did not restart on port " + port, e);
        }
    }

    /** True while the server process runs. */
    public synchronized boolean running() {
        return server.isActive();
    }

    /** Stops the server if it runs. */
    @Override
    public synchronized void close() {
        try {
            server.stop();
        } catch (IOException e) {
            log.warn("Embedded Redis on port {} did not stop", port, e);
        }
    }

    private static RedisServer newServer(ExecutableProvider binary, int port) throws IOException {
        return RedisServer.newRedisServer()
                .executableProvider(binary)
                .bind("127.0.0.1")
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no")
                // drain the server's output so a full pipe can never block it
                .soutListener(line -> log.debug("redis:{} {}", port, line))
                .serrListener(line -> log.debug("redis:{} {}", port, line))
                .build();
    }

    private static List<ExecutableProvider> binaries() {
        List<ExecutableProvider> out = new ArrayList<>();
        out.add(ExecutableProvider.newJarResourceProvider());
        for (String dir : List.of("/usr/bin", "/usr/local/bin")) {
            Path p = Path.of(dir, "redis-server");
            if (Files.isExecutable(p)) {
                out.add(p::toFile);
            }
        }
        return out;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
