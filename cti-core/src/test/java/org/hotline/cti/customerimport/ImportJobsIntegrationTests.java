package org.hotline.cti.customerimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** One customer import at a time across nodes, and a dead node's import does not block the next one. */
class ImportJobsIntegrationTests {

    private static HikariDataSource pool;

    @BeforeAll
    static void database() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void aSecondImportIsRefusedWhileTheFirstHoldsTheLockAndTakesItOnceReleased() {
        ImportJobs node1 = new ImportJobs(pool);
        ImportJobs node2 = new ImportJobs(pool);
        Optional<ImportLock> first = node1.lockImports();
        assertThat(first).isPresent();
        assertThat(node2.lockImports()).as("held by the first").isEmpty();
        first.get().close();
        Optional<ImportLock> second = node2.lockImports();
        assertThat(second).isPresent();
        second.get().close();
    }

    @Test
    void theLockOfANodeWhoseDatabaseSessionDiedIsFreeAgain() {
        ImportJobs node1 = new ImportJobs(pool);
        Optional<ImportLock> held = node1.lockImports();
        assertThat(held).isPresent();
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        // the node dies: its session ends without unlocking
        int ended = jdbc.queryForObject("select count(pg_terminate_backend(pid)) from pg_locks "
                + "where locktype = 'advisory' and pid <> pg_backend_pid()", Integer.class);
        assertThat(ended).isEqualTo(1);
        // the terminated backend lets go of its locks as it exits
        ImportLock next = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> new ImportJobs(pool).lockImports(), Optional::isPresent).orElseThrow();
        next.close();
        held.get().close();
    }
}
