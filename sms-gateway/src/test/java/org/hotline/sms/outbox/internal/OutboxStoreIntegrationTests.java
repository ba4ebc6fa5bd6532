package org.hotline.sms.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.hotline.sms.outbox.OutboundSms;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sender's claim against real PostgreSQL: how it is planned after a campaign-sized enqueue (issue #5 bench). */
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

    private static String explain(String sql, int limit) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
        }
        return out.toString();
    }
}
