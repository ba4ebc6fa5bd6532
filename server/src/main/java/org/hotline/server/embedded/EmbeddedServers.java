package org.hotline.server.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.hotline.pbxsim.PbxSimulator;
import org.hotline.pbxsim.SimulatorConfig;
import org.hotline.smscsim.SmscSimulator;
import org.hotline.smscsim.SmscSimulatorConfig;
import org.hotline.smscsim.cmpp.CmppSimulator;
import org.hotline.smscsim.cmpp.CmppSimulatorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/** The servers started inside this JVM for one application context; closed last, in reverse order of start. */
public final class EmbeddedServers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private PbxSimulator simulator;

    /** The simulator, when one was started. */
    public PbxSimulator simulator() {
        return simulator;
    }

    /** Starts PostgreSQL; returns its JDBC URL (user {@code postgres}). */
    String startPostgres(EmbeddedProperties.Postgres settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(settings.port() == 0 ? freePort() : settings.port())
                    .setServerConfig("shared_buffers", settings.sharedBuffers())
                    // a stand-alone demo database has no replicas: bulk loads into fresh tables skip the WAL
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0")
                    // the library starts PostgreSQL with -F (fsync off) and synchronous_commit off, fine for tests
                    // but a power cut could then lose or corrupt the demo's outbox: later -c options win (issue #17)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            if (!settings.dataDir().isBlank()) {
                Path dir = Path.of(settings.dataDir()).toAbsolutePath();
                Files.createDirectories(dir);
                StalePostmaster.stopIfOrphaned(dir);
                // Keep the demo's data across restarts: initdb only runs on an empty folder.
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            started.push(pg);
            String url = pg.getJdbcUrl("postgres", "postgres");
            log.info("embedded PostgreSQL at {} (data: {})", url, settings.dataDir().isBlank() ? "temporary" : settings.dataDir());
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start (hotline.embedded.postgres.*)", e);
        }
    }

    /** Starts Redis; returns its URI. */
    String startRedis(EmbeddedProperties.Redis settings) {
        int port = settings.port() == 0 ? freePort() : settings.port();
        try {
            RedisServer redis = new RedisServer(port);
            redis.start();
            started.push(redis::stop);
            log.info("embedded Redis on 127.0.0.1:{}", port);
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not start on port " + port + " (hotline.embedded.redis.*)", e);
        }
    }

    /** Starts the PBX simulator on a free port. */
    PbxSimulator startSimulator(double speed) {
        SimulatorConfig config = SimulatorConfig.defaults().withSpeed(speed);
        simulator = PbxSimulator.start(config);
        // a Hotline deployment's members are dynamic so agents log in and out of queues (docs/adr/0010)
        simulator.membersDynamic();
        started.push(simulator);
        log.info("PBX simulator listening on 127.0.0.1:{}", simulator.port());
        return simulator;
    }

    SmscSimulator startSmsc() {
        try {
            SmscSimulator smsc = SmscSimulator.start(SmscSimulatorConfig.defaults());
            started.push(smsc);
            log.info("SMSC simulator listening on 127.0.0.1:{}", smsc.port());
            return smsc;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the SMSC simulator", e);
        }
    }

    CmppSimulator startCmpp() {
        try {
            CmppSimulator gateway = CmppSimulator.start(CmppSimulatorConfig.defaults());
            started.push(gateway);
            log.info("CMPP gateway simulator listening on 127.0.0.1:{}", gateway.port());
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the CMPP gateway simulator", e);
        }
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                log.warn("stopping an embedded server failed: {}", e.toString());
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
