package org.hotline.sms.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.sms.arrears.ReminderRule;
import org.hotline.sms.arrears.ReminderTargets;
import org.hotline.sms.outbox.InvalidSmsException;
import org.hotline.sms.outbox.OutboundSms;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.testing.SmsTestDatabase;
import org.hotline.cti.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReminderCampaignIntegrationTests {

    private static final ReminderRule RULE = new ReminderRule(ReminderRule.Type.ARREARS, new BigDecimal("50"),
            List.of(15, 30, 60), null);
    private static SmsTestDatabase db;
    private static SmsCampaigns campaigns;
    private static final TestClock clock = new TestClock(SmsTestDatabase.NOW);
    /** Accounts of four different customers, each with one SMS-allowed mobile: A, B, C, D. */
    private static List<Map<String, Object>> accounts;

    @BeforeAll
    static void start() {
        db = new SmsTestDatabase(60);
        campaigns = new SmsCampaigns(db.jdbc, db.outbox, db.templates,
                new ReminderTargets(db.jdbc, SmsTestDatabase.SHANGHAI), SmsTestDatabase.QUIET, clock);
        db.templates.save("arrears", SmsKind.ARREARS, "{name}您好，户号{accountNo} {period}电费{amount}元已逾期"
                + "{daysOverdue}天，请尽快缴纳。", "supervisor");
        accounts = db.jdbc.queryForList("""
                select distinct on (c.id) a.id, a.account_no, c.id as customer_id, p.normalized as mobile
                  from accounts a join customers c on c.id = a.customer_id
                  join customer_phones p on p.customer_id = c.id and p.kind = 'mobile' and p.sms_allowed
                 where a.closed_at is null
                   and (select count(*) from customer_phones q where q.customer_id = c.id and q.kind = 'mobile') = 1
                   and (select count(*) from customer_phones q where q.normalized = p.normalized) = 1
                 order by c.id, a.id limit 4""");
        assertThat(accounts).hasSize(4);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void data() {
        db.jdbc.update("delete from sms_messages");
        db.jdbc.update("delete from sms_opt_outs");
        db.jdbc.update("delete from arrears");
        db.jdbc.update("update customer_phones set sms_allowed = true where customer_id = ?", id(2, "customer_id"));
        arrears(0, "2026-09", "100.00", 45);
        arrears(0, "2026-10", "40.00", 20);
        arrears(1, "2026-10", "60.00", 10);
        arrears(2, "2026-10", "80.00", 16);
        arrears(3, "2026-10", "70.00", 31);
        clock.set(SmsTestDatabase.NOW);
    }

    private static long id(int account, String column) {
        return ((Number) accounts.get(account).get(column)).longValue();
    }

    private static String no(int account) {
        return (String) accounts.get(account).get("account_no");
    }

    private static void arrears(int account, String period, String amount, int days) {
        db.jdbc.update("insert into arrears (account_id, billing_period, amount, due_date, days_overdue) "
                + "values (?, ?, ?::numeric, date '2026-10-20', ?)", id(account, "id"), period, amount, days);
    }

    private static List<String> keys(long campaign) {
        return db.jdbc.queryForList("select dedupe_key from sms_messages where campaign_id = ? order by dedupe_key",
                String.class, campaign);
    }

    @Test
    void theRuleSelectsByAmountAndDaysAndKeysEachMessageByAccountPeriodAndStep() {
        CampaignSummary c = campaigns.createReminders("十一月催费", RULE, "arrears", "supervisor");

        assertThat(keys(c.id())).containsExactlyInAnyOrder("arrears:" + no(0) + ":2026-09:30",
                "arrears:" + no(2) + ":2026-10:15", "arrears:" + no(3) + ":2026-10:30");
        assertThat(c.status()).isEqualTo("paused");
        assertThat(c.targeted()).isEqualTo(3);
        assertThat(c.counts()).containsEntry("held", 3).containsEntry("queued", 0);
        assertThat(db.jdbc.queryForObject("select body from sms_messages where dedupe_key = ?", String.class,
                "arrears:" + no(0) + ":2026-09:30")).startsWith("【测试供电】").contains(no(0), "100.00元已逾期45天")
                .endsWith("回TD退订");
    }

    @Test
    void aCampaignWithItsOwnExtensionQueuesEveryMessageWithItAndOneWithoutWithTheKindsExtension() {
        CampaignSummary own = campaigns.createReminders("own extension", RULE, "arrears", "supervisor", "77");

        assertThat(db.jdbc.queryForList("select distinct source_extension from sms_messages where campaign_id = ?",
                String.class, own.id())).containsExactly("77");
        db.jdbc.update("update arrears set days_overdue = 61 where account_id = ?", id(0, "id"));
        CampaignSummary plain = campaigns.createReminders("kind extension", RULE, "arrears", "supervisor");
        assertThat(db.jdbc.queryForList("select distinct source_extension from sms_messages where campaign_id = ?",
                String.class, plain.id())).containsExactly("01"); // arrears (ADR 0035)
    }

    @Test
    void aSecondCampaignOverTheSameDataQueuesNothingUntilTheNextStep() {
        campaigns.createReminders("first", RULE, "arrears", "supervisor");

        CampaignSummary again = campaigns.createReminders("again", RULE, "arrears", "supervisor");
        db.jdbc.update("update arrears set days_overdue = 61 where account_id = ?", id(0, "id"));
        CampaignSummary later = campaigns.createReminders("later", RULE, "arrears", "supervisor");

        assertThat(keys(again.id())).isEmpty();
        assertThat(again.duplicates()).isEqualTo(3);
        assertThat(keys(later.id())).containsExactly("arrears:" + no(0) + ":2026-09:60");
    }

    @Test
    void optedOutNumbersAndCustomersWithoutAllowedMobileAreCountedNotQueued() {
        db.jdbc.update("insert into sms_opt_outs (number, kind, source) values (?, 'arrears', 'test')",
                accounts.get(3).get("mobile"));
        db.jdbc.update("update customer_phones set sms_allowed = false where customer_id = ?", id(2, "customer_id"));

        CampaignPreview preview = campaigns.preview(RULE, "arrears");
        CampaignSummary c = campaigns.createReminders("opt-outs", RULE, "arrears", "supervisor");

        assertThat(preview.matched()).isEqualTo(3);
        assertThat(preview.withoutMobile()).isEqualTo(1);
        // issue #17: the opted-out number is neither a message nor a cost
        assertThat(preview.messages()).isEqualTo(1);
        assertThat(preview.cost()).isEqualByComparingTo(new BigDecimal("0.05").multiply(
                BigDecimal.valueOf(preview.segments())));
        assertThat(keys(c.id())).containsExactly("arrears:" + no(0) + ":2026-09:30");
        assertThat(c.optedOut()).isEqualTo(1);
        assertThat(c.withoutMobile()).isEqualTo(1);
        assertThat(c.segments()).isEqualTo(preview.segments()).isEqualTo(partsOf(c.id()));
    }

    @Test
    void theCostOfACampaignCountsNeitherOptedOutNorAlreadySentTargets() {
        CampaignSummary first = campaigns.createReminders("first", RULE, "arrears", "supervisor");
        db.jdbc.update("insert into sms_opt_outs (number, kind, source) values (?, 'arrears', 'test')",
                accounts.get(3).get("mobile"));
        db.jdbc.update("update arrears set days_overdue = 61 where account_id = ?", id(0, "id"));

        CampaignPreview preview = campaigns.preview(RULE, "arrears");
        CampaignSummary second = campaigns.createReminders("second", RULE, "arrears", "supervisor");

        assertThat(first.segments()).isEqualTo(partsOf(first.id())).isPositive();
        // account 0 reached a new step: the only new message; account 2 was sent before, account 3 opted out
        assertThat(keys(second.id())).containsExactly("arrears:" + no(0) + ":2026-09:60");
        assertThat(second.segments()).isEqualTo(partsOf(second.id()));
        assertThat(preview.messages()).isEqualTo(1);
        assertThat(preview.segments()).isEqualTo(second.segments());
        assertThat(preview.cost()).isEqualByComparingTo(new BigDecimal("0.05").multiply(
                BigDecimal.valueOf(second.segments())));
    }

    private static int partsOf(long campaign) {
        return db.jdbc.queryForObject("select coalesce(sum(segments), 0)::int from sms_messages where campaign_id = ?",
                Integer.class, campaign);
    }

    @Test
    void remindersCreatedInQuietHoursWaitForEightInTheMorningShanghaiTime() {
        clock.set(Instant.parse("2026-11-23T14:30:00Z")); // 22:30 in Shanghai

        CampaignSummary c = campaigns.createReminders("evening", RULE, "arrears", "supervisor");

        assertThat(db.jdbc.queryForList("select distinct not_before from sms_messages where campaign_id = ?",
                java.sql.Timestamp.class, c.id())).extracting(java.sql.Timestamp::toInstant)
                .containsExactly(Instant.parse("2026-11-24T00:00:00Z"));
    }

    @Test
    void pauseResumeAndCancelMoveTheCampaignAndItsUnsentMessages() {
        CampaignSummary c = campaigns.createReminders("control", RULE, "arrears", "supervisor");
        db.jdbc.update("update sms_messages set status = 'delivered' where dedupe_key = ?",
                "arrears:" + no(0) + ":2026-09:30");

        CampaignSummary running = campaigns.resume(c.id());
        CampaignSummary paused = campaigns.pause(c.id());
        CampaignSummary cancelled = campaigns.cancel(c.id());

        assertThat(running.status()).isEqualTo("running");
        assertThat(running.counts()).containsEntry("queued", 2).containsEntry("held", 0);
        assertThat(paused.status()).isEqualTo("paused");
        assertThat(paused.counts()).containsEntry("held", 2).containsEntry("queued", 0);
        assertThat(cancelled.status()).isEqualTo("cancelled");
        assertThat(cancelled.counts()).containsEntry("cancelled", 2).containsEntry("delivered", 1)
                .containsEntry("queued", 0).containsEntry("held", 0);
        assertThatThrownBy(() -> campaigns.resume(c.id())).isInstanceOf(CampaignStateException.class)
                .hasMessageContaining("is cancelled");
        assertThat(campaigns.messages(c.id(), "delivered", 0, 10)).singleElement()
                .extracting(CampaignMessage::destination).isEqualTo(accounts.get(0).get("mobile"));
    }

    @Test
    void aRefusedPauseOrResumeLeavesTheMessagesAsTheyWere() {
        CampaignSummary c = campaigns.createReminders("refused", RULE, "arrears", "supervisor");
        // a throttled retry requeues a message whatever its campaign's state: one queued in a paused campaign
        db.jdbc.update("update sms_messages set status = 'queued' where id = (select min(id) from sms_messages "
                + "where campaign_id = ?)", c.id());

        assertThatThrownBy(() -> campaigns.pause(c.id())).isInstanceOf(CampaignStateException.class)
                .hasMessageContaining("is paused");
        assertThat(campaigns.find(c.id()).orElseThrow().counts()).containsEntry("queued", 1)
                .containsEntry("held", 2);

        campaigns.resume(c.id());
        db.jdbc.update("update sms_messages set status = 'held' where id = (select min(id) from sms_messages "
                + "where campaign_id = ?)", c.id());
        assertThatThrownBy(() -> campaigns.resume(c.id())).isInstanceOf(CampaignStateException.class)
                .hasMessageContaining("is running");
        assertThat(campaigns.find(c.id()).orElseThrow().counts()).containsEntry("queued", 2)
                .containsEntry("held", 1);
    }

    @Test
    void messagesQueuedIntoARunningCampaignAreDueAndIntoACancelledOneAreRefused() {
        CampaignSummary c = campaigns.createReminders("late additions", RULE, "arrears", "supervisor");
        campaigns.resume(c.id());
        db.outbox.enqueue(List.of(new OutboundSms("late:1", "13912345678", "补发", SmsKind.ARREARS, c.id(),
                SmsTestDatabase.NOW)));
        campaigns.cancel(c.id());

        assertThat(db.jdbc.queryForObject("select status from sms_messages where dedupe_key = 'late:1'",
                String.class)).isEqualTo("cancelled");
        assertThatThrownBy(() -> db.outbox.enqueue(List.of(new OutboundSms("late:2", "13912345679", "补发",
                SmsKind.ARREARS, c.id(), SmsTestDatabase.NOW)))).isInstanceOf(InvalidSmsException.class)
                .hasMessage("campaign " + c.id() + " is cancelled: nothing more can be queued in it");
        assertThatThrownBy(() -> db.outbox.enqueue(List.of(new OutboundSms("late:3", "13912345679", "补发",
                SmsKind.ARREARS, -1L, SmsTestDatabase.NOW)))).isInstanceOf(InvalidSmsException.class)
                .hasMessage("message 0: no campaign -1");
        assertThat(keys(c.id())).doesNotContain("late:2");
    }

    @Test
    void aTemplateWithFieldsTheRuleLacksIsRefusedBeforeAnythingIsQueued() {
        db.templates.save("outage-like", SmsKind.ARREARS, "{area}停电", "supervisor");
        int before = campaigns.list(100).size();

        assertThatThrownBy(() -> campaigns.createReminders("bad", RULE, "outage-like", "supervisor"))
                .hasMessageContaining("[area]");
        assertThat(campaigns.list(100)).hasSize(before);
    }

    @Test
    void theCsvExportQuotesEveryCellAndDefusesFormulas() throws Exception {
        CampaignSummary c = campaigns.createReminders("csv", RULE, "arrears", "supervisor");
        db.jdbc.update("update sms_messages set error_text = '=HYPERLINK(\"x\")', status = 'failed' "
                + "where campaign_id = ?", c.id());
        StringWriter out = new StringWriter();

        campaigns.exportCsv(c.id(), out);

        String[] lines = out.toString().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("\uFEFFid,destination,status");
        assertThat(out.toString()).contains("\"" + accounts.get(0).get("mobile") + "\"", "\"'=HYPERLINK(\"\"x\"\")\"");
    }
}
