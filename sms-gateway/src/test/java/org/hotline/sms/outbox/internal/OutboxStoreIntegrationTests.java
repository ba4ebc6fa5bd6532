package org.hotline.sms.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.hotline.sms.outbox.OutboundSms;
import org.hotline.sms.outbox.SenderSettings;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.smpp.SubmitResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The sender's SQL against real PostgreSQL: how it plans on campaign-sized queues (issue #5 and #17 benches). */
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
        queue("plan-", "137", 20_000, Instant.EPOCH);
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

    @Test
    void claimFromTheCursorSkipsTheDeadHeadThatAClaimFromTheHeadWalks() throws Exception {
        Instant due = Instant.EPOCH.minusSeconds(3_600); // ahead of the other tests' messages
        queue("sent-", "135", 20_000, due);
        // the first 19,000 sent: their entries stay at the due index's head until vacuum
        Long last = new JdbcTemplate(db).queryForObject("""
                with sent as (update sms_messages set status = 'submitted' where id in (
                    select id from sms_messages where dedupe_key like 'sent-%' order by id limit 19000) returning id)
                select max(id) from sent""", Long.class);

        String fromHead;
        String fromCursor;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            fromHead = explain(c, "explain (analyze, buffers, costs off) " + OutboxStore.CLAIM,
                    ClaimCursor.Position.HEAD, 64);
            fromCursor = explain(c, "explain (analyze, buffers, costs off) " + OutboxStore.CLAIM,
                    new ClaimCursor.Position(due, last), 64);
            c.rollback();
        }
        assertThat(dueIndexPages(fromHead)).as(fromHead).isGreaterThan(50);
        assertThat(dueIndexPages(fromCursor)).as(fromCursor).isLessThan(10);
    }

    @Test
    void claimLooksUpAMessagesAcceptedPartsByItsOwnKeyNotByWalkingEveryPart() throws Exception {
        queue("parted-", "134", 20_000, Instant.EPOCH);
        new SmsOutbox(db, new SmsCodec(SmsCodecSettings.DEFAULTS)).enqueue(List.of(new OutboundSms("parts-due", "13300000001", "停电通知", SmsKind.OUTAGE, null,
                Instant.EPOCH.minusSeconds(7_200))));
        JdbcTemplate jdbc = new JdbcTemplate(db);
        // 20,000 sent through one account since the counts were taken (as in a campaign's first minutes): a bare
        // min(smsc) was planned as a walk of all their parts per claimed message
        jdbc.execute("analyze sms_parts");
        jdbc.update("""
                with sent as (update sms_messages set status = 'submitted' where dedupe_key like 'parted-%' returning id)
                insert into sms_parts (message_id, seq, total, smsc, smsc_message_id)
                select id, 1, 1, 'carrier-a', to_hex(id) from sent""");
        String plan;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            plan = explain(c, "explain (analyze, costs off) " + OutboxStore.CLAIM, 1);
            c.rollback();
        }
        assertThat(plan).contains("sms_parts_pkey").doesNotContain("sms_parts_smsc_id_idx");
    }

    @Test
    void tenThousandResultsLaterTheOutboxIsCountedAgainSoTheRollUpNoLongerWalksEverySubmittedMessagePerBatch() throws Exception {
        // due before every other test's message, so the claims below take exactly these; counted at the enqueue:
        // all queued, none submitted
        queue("rolled-", "132", OutboxStore.ANALYZE_AFTER_SENT, Instant.EPOCH.minusSeconds(10_800));
        SmsCodec codec = new SmsCodec(SmsCodecSettings.DEFAULTS);
        OutboxStore store = new OutboxStore(db, codec, SenderSettings.defaults());
        List<Long> ids = new ArrayList<>();
        for (int sent = 0; sent < OutboxStore.ANALYZE_AFTER_SENT; sent += 500) {
            List<SendResult> results = new ArrayList<>();
            for (Claimed m : store.claim(ClaimCursor.Position.HEAD, 500, new String[0])) {
                ids.add(m.id());
                results.add(new SendResult(m, 1, List.of(new SendResult.AcceptedPart(1, "carrier-a", "r" + m.id())),
                        SubmitResult.accepted(null), "carrier-a"));
            }
            store.record(results);
        }

        StringBuilder plan = new StringBuilder();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("explain " + Reconciler.ROLL_UP)) {
            ps.setArray(1, c.createArrayOf("bigint", ids.subList(0, 500).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        // planned on the enqueue's counts it walked every submitted message per receipt batch (8.5 s in bench/sms)
        assertThat(ids).hasSize(OutboxStore.ANALYZE_AFTER_SENT);
        assertThat(plan.toString()).doesNotContain("sms_messages_campaign_idx").doesNotContain("Join Filter: (m.id");
    }

    /** Queues {@code n} outage notices due at {@code notBefore}, keys and numbers by the prefixes given. */
    private static void queue(String keyPrefix, String numberPrefix, int n, Instant notBefore) {
        List<OutboundSms> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(new OutboundSms(keyPrefix + i, numberPrefix + String.format("%08d", i), "停电通知 " + i,
                    SmsKind.OUTAGE, null, notBefore));
        }
        new SmsOutbox(db, new SmsCodec(SmsCodecSettings.DEFAULTS)).enqueue(batch);
    }

    /** The pages the due index's scan touched, read off its {@code Buffers:} line. */
    private static int dueIndexPages(String plan) {
        String scan = plan.substring(plan.indexOf("Index Scan using sms_messages_due_idx"));
        Matcher buffers = Pattern.compile("Buffers: shared([ a-z=0-9]*)").matcher(scan);
        assertThat(buffers.find()).as(plan).isTrue();
        return Pattern.compile("\\d+").matcher(buffers.group(1)).results()
                .mapToInt(r -> Integer.parseInt(r.group())).sum();
    }

    private static String explain(String sql, int limit) throws Exception {
        try (Connection c = db.getConnection()) {
            return explain(c, sql, limit);
        }
    }

    private static String explain(Connection c, String sql, int limit) throws Exception {
        return explain(c, sql, ClaimCursor.Position.HEAD, limit);
    }

    private static String explain(Connection c, String sql, ClaimCursor.Position after, int limit) throws Exception {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, after.notBefore() == null ? null : Timestamp.from(after.notBefore()));
            ps.setLong(2, after.id());
            ps.setArray(3, c.createArrayOf("text", new String[] {"arrears"})); // a kind in its quiet hours
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
        }
        return out.toString();
    }
}
