package org.hotline.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17: after {@code kill -9} of the server the embedded PostgreSQL it started lives on; the next start must stop
 * that orphan and start cleanly, with fsync on (the server's database, not the tests').
 */
class EmbeddedPostgresRestartIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void theFirstStartAfterAKilledServerStopsItsOrphanedPostgresAndRunsWithFsyncOn() throws Exception {
        Path data = dir.resolve("postgres");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        // output to a file: the orphaned postmaster keeps whatever it inherited, a pipe nobody reads would block it
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                StalePostgresMain.class.getName(), data.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !server.isAlive()
                || Files.readAllLines(log, StandardCharsets.UTF_8).contains("ready"));
        assertThat(server.isAlive()).as("the server started its PostgreSQL").isTrue();
        server.destroyForcibly();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(StalePostmaster.postmaster(data)).as("the postmaster outlived the killed JVM").isPresent();

        try (EmbeddedServers servers = new EmbeddedServers()) {
            String url = servers.startPostgres(new EmbeddedProperties.Postgres(true, data.toString(), 0, "16MB"));
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                 Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("show fsync")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("on");
                }
                try (ResultSet rs = s.executeQuery("show synchronous_commit")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("on");
                }
            }
        }
        assertThat(StalePostmaster.postmaster(data)).as("stopped with the servers").isEmpty();
    }
}
