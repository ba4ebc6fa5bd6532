package org.hotline.sms.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.hotline.sms.outbox.OutboundSms;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The sender's claim against real PostgreSQL: how it walks the queue after campaign-sized enqueues (issue #5 bench). */
class OutboxStoreIntegrationTests {

    private static HikariDataSource db;

    @BeforeAll
    static void database() {
        db = EmbeddedPostgresSupport.migratedDatabase();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void claimWalksTheDueIndexInOrderRightAfterALargeEnqueue() throws Exception {
        List<OutboundSms> batch = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            batch.add(new OutboundSms("plan-" + i, String.format("137%08d", i), "停电通知 " + i, SmsKind.OUTAGE, null,
                    Instant.EPOCH));
        }
        new SmsOutbox(db, new SmsCodec(SmsCodecSettings.DEFAULTS)).enqueue(batch);
        String plan = explain("explain " + OutboxStore.CLAIM, 500);
        // planned on stale counts it sorted every queued row per claim: 30-140 ms instead of ~1 ms
        assertThat(plan).contains("Index Scan using sms_messages_due_idx").doesNotContain("Sort");
    }

    @Test
    void claimNeverWalksThePausedCampaignsMessagesToReachADueOne() throws Exception {
        Long paused = new JdbcTemplate(db).queryForObject("insert into sms_campaigns (name, kind, status, created_by) "
                + "values ('paused reminders', 'arrears', 'paused', 'test') returning id", Long.class);
        List<OutboundSms> reminders = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // due before anything else in this database, so only their being held lets the claim pass them
            reminders.add(new OutboundSms("held-" + i, String.format("136%08d", i), "催费 " + i, SmsKind.ARREARS,
                    paused, Instant.EPOCH.minusSeconds(60)));
        }
        SmsOutbox outbox = new SmsOutbox(db, new SmsCodec(SmsCodecSettings.DEFAULTS));
        outbox.enqueue(reminders);
        outbox.enqueue(List.of(new OutboundSms("due-after-held", "13500000001", "停电通知", SmsKind.OUTAGE, null,
                Instant.EPOCH.minusSeconds(30))));

        String plan;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            plan = explain(c, "explain (analyze, costs off) " + OutboxStore.CLAIM, 1);
            c.rollback();
        }
        // left 'queued' they sat in the due index ahead of it: the claim read all 20,000 to return one
        Matcher scan = Pattern.compile("Index Scan using sms_messages_due_idx.*\\(actual .*rows=([0-9.]+) ")
                .matcher(plan);
        assertThat(scan.find()).as(plan).isTrue();
        assertThat(Double.parseDouble(scan.group(1))).as(plan).isEqualTo(1.0);
        assertThat(plan).doesNotContain("Sort");
    }

    private static String explain(String sql, int limit) throws Exception {
        try (Connection c = db.getConnection()) {
            return explain(c, sql, limit);
        }
    }

    private static String explain(Connection c, String sql, int limit) throws Exception {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", new String[] {"arrears"})); // a kind in its quiet hours
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
        }
        return out.toString();
    }
}
