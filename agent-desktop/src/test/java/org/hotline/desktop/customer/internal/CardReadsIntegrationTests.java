package org.hotline.desktop.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.cti.testing.TestClock;
import org.hotline.desktop.customer.DeskProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The card-read audit keeps reads for the retention and no longer. */
class CardReadsIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    private static HikariDataSource pool;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        jdbc = new JdbcTemplate(pool);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void readsOlderThanTheRetentionAreDeletedAndNewerOnesKept() {
        long customer = jdbc.queryForObject("insert into customers (customer_no, name, kind) values ('R1', '张三', "
                + "'residential') returning id", Long.class);
        // 10,001 old reads: more than one batch
        jdbc.update("insert into card_reads (at, username, customer_id, customer_no, via) select ?, 'agent1001', ?, "
                + "'R1', 'card' from generate_series(1, 10001)", Timestamp.from(NOW.minus(Duration.ofDays(31))), customer);
        jdbc.update("insert into card_reads (at, username, customer_id, customer_no, via) values (?, 'agent1001', ?, "
                + "'R1', 'card')", Timestamp.from(NOW.minus(Duration.ofDays(29))), customer);
        CardReads reads = new CardReads(pool, new DeskProperties(null, null, null, null, Duration.ofDays(30)),
                new TestClock(NOW));
        assertThat(reads.purge()).isEqualTo(10_001);
        assertThat(jdbc.queryForObject("select count(*) from card_reads", Integer.class)).isEqualTo(1);
        assertThat(reads.purge()).isZero();
    }
}
