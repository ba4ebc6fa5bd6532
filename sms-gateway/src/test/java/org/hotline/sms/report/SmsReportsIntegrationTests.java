package org.hotline.sms.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import org.hotline.sms.testing.SmsTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMS report against figures worked out by hand: an arrears campaign of four messages (two delivered, one of two
 * parts; one failed with the SMSC's code 0x0B; one cancelled before it went out) and one work-order message of no
 * campaign still waiting for its receipt; two opt-outs; parts at 0.05 each.
 */
class SmsReportsIntegrationTests {

    static final Instant DAY = Instant.parse("2026-11-23T02:00:00Z");

    SmsTestDatabase db;

    @BeforeEach
    void messages() {
        db = new SmsTestDatabase(0);
        long campaign = db.jdbc.queryForObject("insert into sms_campaigns (name, kind, created_by) values"
                + " ('十一月欠费提醒', 'arrears', 'supervisor') returning id", Long.class);
        message("a1", campaign, "arrears", 1, "delivered", null, true);
        message("a2", campaign, "arrears", 2, "delivered", null, true);
        message("a3", campaign, "arrears", 1, "failed", "0x0B", true);
        message("a4", campaign, "arrears", 1, "cancelled", null, false);
        message("w1", null, "work_order", 1, "submitted", null, true);
        db.jdbc.update("insert into sms_opt_outs (number, kind, source, created_at) values"
                + " ('13800138001', 'arrears', 'mo', ?), ('13800138002', 'outage', 'mo', ?)", ts(DAY), ts(DAY));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void eachCampaignAndKindHasItsOutcomesPartsAndCost() {
        SmsReport r = new SmsReports(db.pool, new BigDecimal("0.05")).report(DAY.minusSeconds(3600),
                DAY.plusSeconds(3600));

        assertThat(r.rows()).hasSize(2);
        SmsReport.Row arrears = r.rows().get(0);
        assertThat(arrears.campaign()).isEqualTo("十一月欠费提醒");
        assertThat(arrears.messages()).isEqualTo(4);
        assertThat(arrears.sent()).isEqualTo(3);
        assertThat(arrears.delivered()).isEqualTo(2);
        assertThat(arrears.failed()).isEqualTo(1);
        assertThat(arrears.cancelled()).isEqualTo(1);
        assertThat(arrears.parts()).isEqualTo(4);
        assertThat(arrears.cost()).isEqualByComparingTo("0.20");
        SmsReport.Row workOrder = r.rows().get(1);
        assertThat(workOrder.campaignId()).isNull();
        assertThat(workOrder.kind()).isEqualTo("work_order");
        assertThat(workOrder.waiting()).isEqualTo(1);
        assertThat(r.failedByReason()).containsExactly(java.util.Map.entry("0x0B", 1L));
        assertThat(r.optOutsByKind()).containsEntry("arrears", 1L).containsEntry("outage", 1L);
    }

    @Test
    void messagesQueuedOutsideTheRangeAreNotCounted() {
        assertThat(new SmsReports(db.pool, BigDecimal.ONE).report(DAY.plusSeconds(3600), DAY.plusSeconds(7200))
                .rows()).isEmpty();
    }

    private void message(String key, Long campaign, String kind, int parts, String status, String error,
                         boolean submitted) {
        db.jdbc.update("""
                insert into sms_messages (dedupe_key, campaign_id, kind, destination, body, segments, status,
                                          error_code, created_at, submitted_at)
                values (?, ?, ?, '13900139000', '【测试供电】您好', ?, ?, ?, ?, ?)""", key, campaign, kind, parts,
                status, error, ts(DAY), submitted ? ts(DAY.plusSeconds(5)) : null);
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
