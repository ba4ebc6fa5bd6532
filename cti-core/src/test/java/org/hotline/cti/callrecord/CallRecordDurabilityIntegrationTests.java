package org.hotline.cti.callrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.Caller;
import org.hotline.cti.callrecord.internal.CallJournal;
import org.hotline.cti.callrecord.internal.CallRecordWriter;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Call records survive PostgreSQL going away (stopped for 60 s under 20 calls/s) and the server stopping with
 * records not yet written: every call is in {@code calls} exactly once afterwards. PostgreSQL here is a server of the
 * test's own, on a data folder it can stop and start again.
 */
class CallRecordDurabilityIntegrationTests {

    static final PhoneNumbers PHONES = new PhoneNumbers(PhoneProperties.defaults());
    static final int CALLS_PER_SECOND = 20;

    @TempDir
    Path data;
    @TempDir
    Path journalDir;

    EmbeddedPostgres postgres;
    HikariDataSource pool;
    int port;

    @AfterEach
    void stop() throws IOException {
        if (pool != null) {
            pool.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void callsEndedWhilePostgresqlWasStoppedForAMinuteAreAllWrittenOnceWhenItReturns() throws Exception {
        startPostgres();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
        pool = pool();
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService calls = Executors.newSingleThreadScheduledExecutor();
        try (CallRecordWriter writer = writer()) {
            calls.scheduleAtFixedRate(() -> {
                int n = sent.incrementAndGet();
                writer.offer(record(n));
                if (n % 4 == 0) {
                    writer.offer(new WrapUp(new CallId("durable." + n), "hotline", new AgentInterface("PJSIP/1001"),
                            Duration.ofSeconds(7), Instant.now()));
                }
            }, 0, 1000 / CALLS_PER_SECOND, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.written() >= 40);

            postgres.close();
            postgres = null;
            int sentWhenStopped = sent.get();
            await().atMost(Duration.ofSeconds(10)).until(writer::failing);
            // a minute of calls (1,200 at 20/s) ends while the database is away: the writer holds them in its journal
            int minuteOfCalls = 60 * CALLS_PER_SECOND;
            await().atMost(Duration.ofSeconds(75)).until(() -> sent.get() >= sentWhenStopped + minuteOfCalls);
            assertThat(writer.pending()).isGreaterThanOrEqualTo(minuteOfCalls);
            assertThat(writer.failing()).isTrue();

            startPostgres();
            await().atMost(Duration.ofSeconds(5)).until(() -> sent.get() >= sentWhenStopped + minuteOfCalls + 20);
            calls.shutdown();
            assertThat(calls.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

            await().atMost(Duration.ofSeconds(60)).until(() -> writer.pending() == 0);
            assertThat(writer.lost()).isZero();
            assertThat(writer.failing()).isFalse();
        }
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        int total = sent.get();
        assertThat(jdbc.queryForObject("select count(*) from calls", Integer.class)).isEqualTo(total);
        assertThat(jdbc.queryForObject("select count(distinct call_id) from calls where call_id like 'durable.%'",
                Integer.class)).isEqualTo(total);
        assertThat(jdbc.queryForObject("select count(*) from calls where wrapup_seconds = 7", Integer.class))
                .isEqualTo(total / 4);
    }

    @Test
    void recordsNotYetWrittenWhenTheServerStopsAreWrittenByTheNextStart() throws Exception {
        startPostgres();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
        pool = pool();
        postgres.close();
        postgres = null;
        try (CallRecordWriter first = writer()) {
            for (int n = 1; n <= 100; n++) {
                assertThat(first.offer(record(n))).isTrue();
            }
            await().atMost(Duration.ofSeconds(10)).until(first::failing);
        }

        startPostgres();
        try (CallRecordWriter next = writer()) {
            assertThat(next.pending()).isEqualTo(100);
            await().atMost(Duration.ofSeconds(30)).until(() -> next.pending() == 0);
            assertThat(next.written()).isEqualTo(100);
        }
        assertThat(new JdbcTemplate(pool).queryForObject("select count(*) from calls", Integer.class)).isEqualTo(100);
    }

    private CallRecordWriter writer() {
        return new CallRecordWriter(pool, PHONES, CallJournal.open(journalDir, 1 << 20, 1 << 26),
                Duration.ofMillis(50), Duration.ofMillis(500));
    }

    private static CallRecord record(int n) {
        Instant end = Instant.now();
        Instant answered = end.minusSeconds(60);
        Caller caller = new Caller(String.format("1380013%04d", n % 10_000), "");
        return new CallRecord(new CallId("durable." + n), "inbound", caller, "hotline", new AgentInterface("PJSIP/1001"),
                "1001", answered.minusSeconds(20), answered.minusSeconds(15), answered, end, Duration.ZERO,
                Duration.ofSeconds(60), CallOutcome.ANSWERED, 16);
    }

    private void startPostgres() throws IOException {
        if (port == 0) {
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
        }
        // the same folder and port each time: the writer's pool finds the same database again
        postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "off").start();
    }

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        // fail fast while the database is away, as the writer's retry decides the pace, not the pool
        config.setConnectionTimeout(1000);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
