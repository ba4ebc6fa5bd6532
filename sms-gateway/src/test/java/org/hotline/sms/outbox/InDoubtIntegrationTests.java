package org.hotline.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.sms.outbox.OutboxFixture.CODEC;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.sms.message.MessageIdFormat;
import org.hotline.sms.smpp.SmscProperties;
import org.hotline.smscsim.SmscSimulator;
import org.hotline.smscsim.SmscSimulatorConfig;
import org.hotline.smscsim.SmscSimulatorConfig.IdFormat;
import org.hotline.smscsim.SmscSimulatorConfig.ReceiptRedelivery;
import org.hotline.smscsim.SmscSimulatorConfig.ReceiptText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #17 / ADR 0026: messages caught in doubt by a connection dropped without responses are settled by the SMSC's
 * receipts as SMSCs write them (the default full-width signature shows as {@code ?}), so nothing is lost or sent twice;
 * where the SMSC gives no evidence the kind's policy decides and says so; a receipt that never comes ends the message
 * unknown; a submit-id-format that does not fit the SMSC stops the account loudly.
 */
class InDoubtIntegrationTests {

    private static final String SIGNATURE = "【国网供电服务】";
    private static HikariDataSource db;
    private static SmsOutbox outbox;

    @BeforeAll
    static void database() {
        db = EmbeddedPostgresSupport.migratedDatabase();
        outbox = new SmsOutbox(db, CODEC);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static SmsSender sender(SenderSettings settings, SmscProperties.Smsc smsc) {
        SmsSender sender = new SmsSender(db, CODEC, new SmscProperties(List.of(smsc)), settings);
        sender.start();
        return sender;
    }

    private static SmscProperties.Smsc quick(String name, SmscSimulator sim) {
        // a short response timeout: the submits the SMSC never answered fall in doubt within seconds
        return OutboxFixture.smsc(name, sim).withThroughput(400, 8)
                .withTimers(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMillis(500));
    }

    /** Chinese notices (one and two parts) and ASCII texts, all with the default signature, and plain ASCII. */
    private static List<OutboundSms> notices(String key, int numberPrefix, int n) {
        List<OutboundSms> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = switch (i % 4) {
                case 0 -> SIGNATURE + "尊敬的客户，您户号" + i + "所在台区将于明日08:00至18:00计划停电，给您带来不便敬请谅解，"
                        + "如有疑问请致电95598，抢修服务热线全天二十四小时为您服务。";
                case 1 -> SIGNATURE + "您户号" + i + "所在台区已恢复供电。";
                case 2 -> SIGNATURE + "Notice " + i + ": supply restored at 18:00";
                default -> "Notice " + i + ": supply restored at 18:00";
            };
            out.add(new OutboundSms(key + i, OutboxFixture.number(numberPrefix, i), text, SmsKind.OUTAGE, null,
                    Instant.EPOCH));
        }
        return out;
    }

    @Test
    void aDropWithoutResponsesLosesNothingAndSendsNothingTwiceWithTheDefaultSignature() throws Exception {
        try (SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmsSender sender = sender(SenderSettings.defaults().withInDoubt(Duration.ofSeconds(6),
                     Duration.ofMillis(200)), quick("drop", sim))) {
            outbox.enqueue(notices("nodrop-", 31, 400));
            for (int drop = 1; drop <= 3; drop++) {
                int target = drop * 90;
                await().atMost(Duration.ofSeconds(30)).until(() -> sim.submitCount() >= target);
                sim.dropWithoutResponses(5);
            }
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(OutboxFixture.statuses(db, "nodrop-")).isEqualTo(Map.of("delivered", 400)));
            Map<String, Integer> counts = sim.countsByDestinationAndText();
            assertThat(counts).hasSize(400);
            assertThat(counts.values()).as("duplicated").containsOnly(1);
            // the dropped submits the SMSC had were settled by receipts whose text: shows the signature as '?'
            assertThat(OutboxFixture.rows(db, "select count(*) n from sms_messages where dedupe_key like 'nodrop-%'"
                    + " and in_doubt_resolution = 'receipt'")).extracting(r -> ((Number) r.get("n")).intValue())
                    .allSatisfy(n -> assertThat(n).isPositive());
            System.out.printf("drop without responses: %d messages, %d submits, in doubt: %s%n", 400,
                    sim.submitCount(), sender.inDoubtCounts());
        }
    }

    @Test
    void emptyReceiptTextsSettleTooWhenEachNumberHasOneMessageInDoubt() throws Exception {
        SmscSimulatorConfig config = SmscSimulatorConfig.defaults()
                .withReceiptText(ReceiptText.EMPTY, ReceiptRedelivery.NEXT_BIND);
        try (SmscSimulator sim = SmscSimulator.start(config);
             SmsSender sender = sender(SenderSettings.defaults().withInDoubt(Duration.ofSeconds(6),
                     Duration.ofMillis(200)), quick("empty", sim))) {
            outbox.enqueue(notices("empty-", 32, 200));
            await().atMost(Duration.ofSeconds(30)).until(() -> sim.submitCount() >= 60);
            sim.dropWithoutResponses(5);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(OutboxFixture.statuses(db, "empty-")).isEqualTo(Map.of("delivered", 200)));
            assertThat(sim.countsByDestinationAndText()).hasSize(200);
            assertThat(sim.countsByDestinationAndText().values()).containsOnly(1);
        }
    }

    @Test
    void withoutReceiptsForADeadConnectionTheHoldPolicySendsNothingTwiceAndListsWhatItHeld() throws Exception {
        SmscSimulatorConfig config = SmscSimulatorConfig.defaults()
                .withReceiptText(ReceiptText.GSM, ReceiptRedelivery.NONE);
        SenderSettings settings = SenderSettings.defaults().withInDoubt(Duration.ofSeconds(4), Duration.ofMillis(200))
                .withUnsettled(SmsKind.OUTAGE, UnsettledPolicy.HOLD);
        try (SmscSimulator sim = SmscSimulator.start(config); SmsSender sender = sender(settings, quick("hold", sim))) {
            outbox.enqueue(notices("hold-", 33, 150));
            await().atMost(Duration.ofSeconds(30)).until(() -> sim.submitCount() >= 50);
            sim.dropWithoutResponses(5);
            // everything sent once or decided: nothing queued, nothing submitting but what was held
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    !OutboxFixture.statuses(db, "hold-").containsKey("queued") && OutboxFixture.rows(db, """
                            select 1 from sms_messages where dedupe_key like 'hold-%' and status = 'submitting'
                              and coalesce(in_doubt_resolution, '') <> 'held'""").isEmpty());
            assertThat(sim.receiptsDropped()).isPositive();
            assertThat(sim.countsByDestinationAndText().values()).as("never twice").containsOnly(1);
            List<Map<String, Object>> held = OutboxFixture.rows(db, """
                    select id, error_text from sms_messages where dedupe_key like 'hold-%' and status = 'submitting'
                      and in_doubt_resolution = 'held'""");
            assertThat(held).isNotEmpty();
            assertThat(held).allSatisfy(r -> assertThat((String) r.get("error_text")).contains("held for a person"));
            assertThat(sender.inDoubtCounts()).containsEntry("held", (long) held.size());
            // every message is either at the SMSC once or held for a person: nothing silently lost
            assertThat(sim.countsByDestinationAndText().size() + held.size()).isGreaterThanOrEqualTo(150);
        }
    }

    @Test
    void aMessageWhoseReceiptNeverComesEndsUnknownAfterTheReceiptTimeout() throws Exception {
        SmscSimulatorConfig config = SmscSimulatorConfig.defaults().withReceipts(null, 0);
        SenderSettings settings = SenderSettings.defaults().withInDoubt(Duration.ofSeconds(4), Duration.ofMillis(200))
                .withReceiptTimeout(Duration.ofSeconds(2));
        try (SmscSimulator sim = SmscSimulator.start(config);
             SmsSender sender = sender(settings, quick("silent", sim))) {
            outbox.enqueue(OutboxFixture.messages("silent-", 34, 5, "Power back at 18:00, ref ", SmsKind.OUTAGE));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(OutboxFixture.statuses(db, "silent-")).isEqualTo(Map.of("unknown", 5)));
            assertThat(OutboxFixture.rows(db, "select distinct error_text from sms_messages where dedupe_key like "
                    + "'silent-%'")).extracting(r -> r.get("error_text")).containsExactly("no delivery receipt within PT2S");
            assertThat(outbox.backlog().unknown()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void whereTheSmscAnswersQuerySmAMessageWithoutReceiptEndsWithTheStateItReports() throws Exception {
        SmscSimulatorConfig config = SmscSimulatorConfig.defaults().withReceipts(null, 0.5);
        SenderSettings settings = SenderSettings.defaults().withInDoubt(Duration.ofSeconds(4), Duration.ofMillis(200))
                .withReceiptTimeout(Duration.ofSeconds(2));
        try (SmscSimulator sim = SmscSimulator.start(config);
             SmsSender sender = sender(settings, quick("asked", sim).withQuerySm(true))) {
            outbox.enqueue(OutboxFixture.messages("asked-", 36, 12, "Power back at 18:00, ref ", SmsKind.OUTAGE));
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<String, Integer> s = OutboxFixture.statuses(db, "asked-");
                return s.getOrDefault("delivered", 0) + s.getOrDefault("failed", 0) == 12;
            });
            assertThat(sim.queries()).isEqualTo(12);
            Map<String, Integer> s = OutboxFixture.statuses(db, "asked-");
            assertThat(s.get("delivered")).isPositive();
            assertThat(s.get("failed")).isPositive();
            assertThat(OutboxFixture.rows(db, "select distinct p.receipt_stat from sms_parts p join sms_messages m on "
                    + "m.id = p.message_id where m.dedupe_key like 'asked-%' order by 1"))
                    .extracting(r -> r.get("receipt_stat")).isSubsetOf("query_sm:DELIVERED", "query_sm:EXPIRED",
                            "query_sm:UNDELIVERABLE").contains("query_sm:DELIVERED");
        }
    }

    @Test
    void aWrongSubmitIdFormatStopsTheAccountLoudlyAndLeavesNothingSubmitting() throws Exception {
        // the simulator answers hex ids from 10000: 10000..10009 read as decimal too, 1000A does not
        try (SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults().withIdFormats(IdFormat.HEX,
                IdFormat.HEX));
             SmsSender sender = sender(SenderSettings.defaults().withInDoubt(Duration.ofSeconds(4),
                     Duration.ofMillis(200)), quick("wrongid", sim).withIdFormats(MessageIdFormat.DECIMAL,
                     MessageIdFormat.DECIMAL))) {
            outbox.enqueue(OutboxFixture.messages("wrongid-", 35, 40, "Reminder ", SmsKind.GENERAL));
            await().atMost(Duration.ofSeconds(20)).until(() -> sender.bindErrors().containsKey("wrongid"));
            assertThat(sender.bindErrors().get("wrongid")).contains("submit-id-format").contains("not decimal");
            assertThat(sender.bound()).isFalse();
            SmscHealthIndicator health = new SmscHealthIndicator(sender, Duration.ofMinutes(5),
                    java.time.Clock.systemUTC());
            assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(OutboxFixture.statuses(db, "wrongid-")).doesNotContainKey("submitting"));
            int accepted = sim.submitCount();
            Map<String, Integer> s = OutboxFixture.statuses(db, "wrongid-");
            // what the SMSC took is recorded as sent (its receipts still apply), the rest waits queued
            assertThat(s.getOrDefault("delivered", 0) + s.getOrDefault("submitted", 0)).isEqualTo(accepted);
            assertThat(s.get("queued")).isEqualTo(40 - accepted);
        }
    }
}
