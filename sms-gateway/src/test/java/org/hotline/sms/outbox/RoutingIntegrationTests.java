package org.hotline.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hotline.sms.outbox.OutboxFixture.CODEC;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.sms.route.SignaturePlacement;
import org.hotline.sms.smpp.SmscProperties;
import org.hotline.smscsim.ReceivedSms;
import org.hotline.smscsim.ReceivedSubmit;
import org.hotline.smscsim.SmscSimulator;
import org.hotline.smscsim.SmscSimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing by number prefix over two carriers' SMSC simulators and a backup account (ADR 0035): each carrier gets only
 * its numbers, a carrier out of service fails over to the backup and back, nothing lost or sent twice; the 106
 * extension per purpose and MO replies routed by it; each account's signature placement.
 */
class RoutingIntegrationTests {

    private static final String SIGNATURE = "【国网供电服务】";
    private static HikariDataSource db;

    // a database per test: a test's opt-out answers left queued must not be sent by the next test's accounts
    @BeforeEach
    void database() {
        db = EmbeddedPostgresSupport.migratedDatabase();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Carrier A takes 139, carrier B 130 (its signature at the end), the backup 139 at a worse priority. */
    private static SmscProperties accounts(SmscSimulator a, SmscSimulator b, SmscSimulator backup) {
        List<SmscProperties.Smsc> out = new ArrayList<>();
        out.add(OutboxFixture.smsc("cmcc", a).withSource("1069001", null, SignaturePlacement.START)
                .withRoute("中国移动", List.of("139"), 0));
        out.add(OutboxFixture.smsc("unicom", b).withSource("1069002", null, SignaturePlacement.END)
                .withRoute("中国联通", List.of("130"), 0));
        if (backup != null) {
            out.add(OutboxFixture.smsc("backup", backup).withSource("1069003", null, SignaturePlacement.START)
                    .withRoute("备用通道", List.of("139"), 10));
        }
        return new SmscProperties(out);
    }

    private static SmsSender sender(SmscProperties accounts, SenderSettings settings) {
        SmsSender sender = new SmsSender(db, CODEC, accounts, settings.withInDoubt(Duration.ofSeconds(4),
                Duration.ofMillis(200)), QuietWindow.NONE, SourceExtensions.defaults());
        sender.start();
        return sender;
    }

    private static SmsOutbox outbox(SmscProperties accounts) {
        return new SmsOutbox(db, CODEC, QuietWindow.NONE, accounts, SourceExtensions.defaults());
    }

    private static List<OutboundSms> batch(String key, String numberPrefix, int from, int n, SmsKind kind) {
        List<OutboundSms> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.add(new OutboundSms(key + i, numberPrefix + String.format("%08d", i), SIGNATURE + "停电通知 " + i,
                    kind, null, Instant.EPOCH));
        }
        return out;
    }

    private static Map<String, Long> destinations(SmscSimulator... sims) {
        List<ReceivedSubmit> all = new ArrayList<>();
        for (SmscSimulator s : sims) {
            all.addAll(s.submits());
        }
        return all.stream().collect(Collectors.groupingBy(ReceivedSubmit::destination, Collectors.counting()));
    }

    @Test
    void eachCarrierGetsOnlyItsNumbersAndAStoppedCarriersNumbersFailOverToTheBackupAndReturn() throws Exception {
        try (SmscSimulator a = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmscSimulator b = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmscSimulator backup = SmscSimulator.start(SmscSimulatorConfig.defaults())) {
            SmscProperties accounts = accounts(a, b, backup);
            SmsOutbox outbox = outbox(accounts);
            try (SmsSender sender = sender(accounts, SenderSettings.defaults())) {
                List<OutboundSms> first = new ArrayList<>(batch("route-a-", "139", 0, 15, SmsKind.OUTAGE));
                first.addAll(batch("route-b-", "130", 0, 15, SmsKind.OUTAGE));
                outbox.enqueue(first);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(OutboxFixture.statuses(db, "route-")).isEqualTo(Map.of("delivered", 30)));
                assertThat(a.submits()).hasSize(15).allSatisfy(s -> {
                    assertThat(s.destination()).startsWith("139");
                    assertThat(s.sourceAddress()).isEqualTo("1069001" + "02"); // the outage extension
                    assertThat(s.partText()).startsWith(SIGNATURE);
                });
                assertThat(b.submits()).hasSize(15).allSatisfy(s -> {
                    assertThat(s.destination()).startsWith("130");
                    assertThat(s.sourceAddress()).isEqualTo("1069002" + "02");
                });
                assertThat(b.messages()).extracting(ReceivedSms::text)
                        .allSatisfy(t -> assertThat(t).endsWith(SIGNATURE).doesNotStartWith(SIGNATURE));
                assertThat(backup.submits()).isEmpty();

                a.setDown(true); // carrier A out of service: its numbers go to the backup, B's stay with B
                await().atMost(Duration.ofSeconds(10)).until(() -> !sender.binds().get("cmcc"));
                List<OutboundSms> second = new ArrayList<>(batch("route-a-", "139", 15, 15, SmsKind.OUTAGE));
                second.addAll(batch("route-b-", "130", 15, 15, SmsKind.OUTAGE));
                outbox.enqueue(second);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(OutboxFixture.statuses(db, "route-")).isEqualTo(Map.of("delivered", 60)));
                assertThat(a.submits()).hasSize(15);
                assertThat(backup.submits()).hasSize(15)
                        .allSatisfy(s -> assertThat(s.destination()).startsWith("139"));
                assertThat(b.submits()).hasSize(30);
                assertThat(OutboxFixture.rows(db, """
                        select distinct smsc from sms_messages where dedupe_key like 'route-a-%'
                          and destination >= '13900000015'""")).extracting(r -> r.get("smsc")).containsOnly("backup");

                a.setDown(false); // back: traffic returns to A
                await().atMost(Duration.ofSeconds(20)).until(() -> sender.binds().get("cmcc"));
                outbox.enqueue(batch("route-a-", "139", 30, 15, SmsKind.OUTAGE));
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(OutboxFixture.statuses(db, "route-")).isEqualTo(Map.of("delivered", 75)));
                assertThat(a.submits()).hasSize(30);
                assertThat(backup.submits()).hasSize(15);
                Map<String, Long> sent = destinations(a, b, backup);
                assertThat(sent).hasSize(75); // none lost
                assertThat(sent.values()).containsOnly(1L); // none sent twice
                assertThat(sender.sentCounts()).containsEntry("cmcc", 30L).containsEntry("unicom", 30L)
                        .containsEntry("backup", 15L);
            }
        }
    }

    @Test
    void withNoBoundAccountForItsNumberAMessageWaitsCountedAsNoRouteAndIsNeverSentThroughAnother() throws Exception {
        try (SmscSimulator a = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmscSimulator b = SmscSimulator.start(SmscSimulatorConfig.defaults())) {
            SmscProperties accounts = accounts(a, b, null);
            SmsOutbox outbox = outbox(accounts);
            b.setDown(true);
            try (SmsSender sender = sender(accounts, SenderSettings.defaults())) {
                await().atMost(Duration.ofSeconds(10)).until(() -> sender.binds().get("cmcc"));
                List<OutboundSms> mixed = new ArrayList<>(batch("noroute-a-", "139", 100, 5, SmsKind.ARREARS));
                mixed.addAll(batch("noroute-b-", "130", 100, 5, SmsKind.ARREARS));
                outbox.enqueue(mixed);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    assertThat(OutboxFixture.statuses(db, "noroute-a-")).isEqualTo(Map.of("delivered", 5));
                    assertThat(outbox.noRoute()).isEqualTo(5);
                    assertThat(outbox.backlog().noRoute()).isEqualTo(5);
                });
                assertThat(OutboxFixture.statuses(db, "noroute-b-")).isEqualTo(Map.of("queued", 5));
                assertThat(new SmscHealthIndicator(sender, Duration.ofMinutes(2), java.time.Clock.systemUTC())
                        .withNoRoute(outbox::noRoute).health().getDetails()).containsEntry("noRoute", 5L);
                io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
                new OutboxMeters(outbox::backlog, Duration.ZERO).bindTo(registry);
                assertThat(registry.get("hotline.sms.no.route").gauge().value()).isEqualTo(5.0);
                assertThat(a.submits()).allSatisfy(s -> assertThat(s.destination()).startsWith("139"));
                b.setDown(false);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(OutboxFixture.statuses(db, "noroute-b-")).isEqualTo(Map.of("delivered", 5)));
                assertThat(outbox.noRoute()).isZero();
                assertThat(b.submits()).hasSize(5);
            }
        }
    }

    @Test
    void aNumberNoAccountTakesIsRefusedAtEnqueueNamingThePrefixes() throws Exception {
        try (SmscSimulator a = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmscSimulator b = SmscSimulator.start(SmscSimulatorConfig.defaults())) {
            SmsOutbox outbox = outbox(accounts(a, b, null));
            assertThatThrownBy(() -> outbox.enqueue(batch("telecom-", "133", 0, 1, SmsKind.GENERAL)))
                    .isInstanceOf(InvalidSmsException.class)
                    .hasMessageContaining("'13300000000' is taken by no SMSC account")
                    .hasMessageContaining("[130, 139]");
            assertThat(OutboxFixture.statuses(db, "telecom-")).isEmpty();
        }
    }

    @Test
    void aSourceCodeAndExtensionLongerThan21IsRefusedAtEnqueue() throws Exception {
        try (SmscSimulator a = SmscSimulator.start(SmscSimulatorConfig.defaults())) {
            SmscProperties accounts = new SmscProperties(List.of(OutboxFixture.smsc("long", a)
                    .withSource("1069" + "1234567890123456", null, SignaturePlacement.START)));
            assertThatThrownBy(() -> outbox(accounts).enqueue(batch("long-", "139", 0, 1, SmsKind.ARREARS)))
                    .isInstanceOf(InvalidSmsException.class)
                    .hasMessageContaining("source address '1069123456789012345601' of account long length: 22 "
                            + "(expected: <= 21");
        }
    }

    @Test
    void aTdToTheOutageExtensionStopsOutageNoticesOnlyAndTheReplySaysSo() throws Exception {
        try (SmscSimulator a = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmscSimulator b = SmscSimulator.start(SmscSimulatorConfig.defaults())) {
            SmscProperties accounts = accounts(a, b, null);
            SmsOutbox outbox = outbox(accounts);
            try (SmsSender sender = sender(accounts, SenderSettings.defaults().withOptOutScope(OptOutScope.KIND))) {
                String number = "13900000777";
                outbox.enqueue(List.of(new OutboundSms("td-outage", number, SIGNATURE + "停电通知", SmsKind.OUTAGE,
                        null, Instant.EPOCH)));
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(OutboxFixture.statuses(db, "td-outage")).isEqualTo(Map.of("delivered", 1)));
                // the arrears reminder is the last message sent, but the TD answers the outage extension
                outbox.enqueue(List.of(new OutboundSms("td-arrears", number, SIGNATURE + "缴费提醒", SmsKind.ARREARS,
                        null, Instant.EPOCH)));
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(OutboxFixture.statuses(db, "td-arrears")).isEqualTo(Map.of("delivered", 1)));
                a.sendMo(number, "1069001" + "02", "TD");
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(OutboxFixture.rows(db,
                        "select kind from sms_opt_outs where number = ?", number))
                        .extracting(r -> r.get("kind")).containsExactly("outage"));
                assertThat(OutboxFixture.rows(db, """
                        select kind, source_extension from sms_replies where number = ? and action = 'opt_out'""",
                        number)).containsExactly(Map.of("kind", "outage", "source_extension", "02"));
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(OutboxFixture.rows(db,
                        "select body from sms_messages where dedupe_key like 'opt-out-reply:' || ? || '%'", number))
                        .extracting(r -> (String) r.get("body")).singleElement()
                        .satisfies(t -> assertThat(t).contains("停电通知短信").doesNotContain("缴费提醒短信")));
                // a reply to an extension nobody uses goes by the last message sent, as before: the opt-out answer
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(OutboxFixture.rows(db,
                        "select status from sms_messages where dedupe_key like 'opt-out-reply:%'"))
                        .extracting(r -> r.get("status")).containsExactly("delivered"));
                a.sendMo(number, "1069001" + "99", "TD");
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(OutboxFixture.rows(db,
                        "select kind from sms_opt_outs where number = ? order by kind", number))
                        .extracting(r -> r.get("kind")).containsExactly("general", "outage"));
                assertThat(OutboxFixture.rows(db, "select kind from sms_opt_outs where number = ? and kind = 'arrears'",
                        number)).isEmpty();
            }
        }
    }

    @Test
    void aCampaignsOwnExtensionIsSentAndAReplyToItBelongsToTheCampaign() throws Exception {
        try (SmscSimulator a = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmscSimulator b = SmscSimulator.start(SmscSimulatorConfig.defaults())) {
            SmscProperties accounts = accounts(a, b, null);
            SmsOutbox outbox = outbox(accounts);
            long campaign = ((Number) OutboxFixture.rows(db, """
                    insert into sms_campaigns (name, kind, status, created_by, source_extension)
                    values ('winter arrears', 'arrears', 'running', 'test', '77') returning id""").get(0).get("id"))
                    .longValue();
            String number = "13000000555";
            try (SmsSender sender = sender(accounts, SenderSettings.defaults().withOptOutScope(OptOutScope.KIND))) {
                outbox.enqueue(List.of(new OutboundSms("camp-ext-1", number, SIGNATURE + "缴费提醒", SmsKind.ARREARS,
                        campaign, Instant.EPOCH)));
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(OutboxFixture.statuses(db, "camp-ext-1")).isEqualTo(Map.of("delivered", 1)));
                assertThat(b.submits()).singleElement()
                        .satisfies(s -> assertThat(s.sourceAddress()).isEqualTo("1069002" + "77"));
                b.sendMo(number, "1069002" + "77", "退订");
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(OutboxFixture.rows(db, """
                        select kind, campaign_id, source_extension from sms_replies where number = ?""", number))
                        .containsExactly(Map.of("kind", "arrears", "campaign_id", campaign,
                                "source_extension", "77")));
                assertThat(OutboxFixture.rows(db, "select kind from sms_opt_outs where number = ?", number))
                        .extracting(r -> r.get("kind")).containsExactly("arrears");
            }
        }
    }

    @Test
    void aDropWithoutResponsesThroughAnAccountThatSignsAtTheEndIsSettledByThatAccountsRendering() throws Exception {
        try (SmscSimulator a = SmscSimulator.start(SmscSimulatorConfig.defaults())) {
            // a short response timeout: the submits the SMSC never answered fall in doubt within seconds
            SmscProperties accounts = new SmscProperties(List.of(OutboxFixture.smsc("endsign", a)
                    .withThroughput(400, 8).withTimers(Duration.ofSeconds(30), Duration.ofSeconds(2),
                            Duration.ofMillis(500))
                    .withSource("1069008", null, SignaturePlacement.END)));
            SmsOutbox outbox = outbox(accounts);
            List<OutboundSms> notices = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // ASCII after the signature: receipts write it as it is, so only the END rendering matches them
                notices.add(new OutboundSms("endsign-" + i, "139" + String.format("%08d", 5000 + i),
                        SIGNATURE + "Notice " + i + ": supply restored at 18:00", SmsKind.OUTAGE, null,
                        Instant.EPOCH));
            }
            try (SmsSender sender = sender(accounts, SenderSettings.defaults())) {
                outbox.enqueue(notices);
                for (int drop = 1; drop <= 2; drop++) {
                    int target = drop * 60;
                    await().atMost(Duration.ofSeconds(30)).until(() -> a.submitCount() >= target);
                    a.dropWithoutResponses(5);
                }
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(OutboxFixture.statuses(db, "endsign-")).isEqualTo(Map.of("delivered", 200)));
                Map<String, Integer> counts = a.countsByDestinationAndText();
                assertThat(counts).hasSize(200);
                assertThat(counts.values()).as("duplicated").containsOnly(1);
                assertThat(counts.keySet()).allSatisfy(k -> assertThat(k).contains("18:00" + SIGNATURE));
                assertThat(OutboxFixture.rows(db, "select count(*) n from sms_messages where dedupe_key like "
                        + "'endsign-%' and in_doubt_resolution = 'receipt'"))
                        .extracting(r -> ((Number) r.get("n")).intValue()).allSatisfy(n -> assertThat(n).isPositive());
            }
        }
    }

    @Test
    void segmentsCountTheTextAsTheAccountSentIt() throws Exception {
        try (SmscSimulator a = SmscSimulator.start(SmscSimulatorConfig.defaults())) {
            String longSignature = "【某某市某某区供电服务中心客户服务部】";
            SmscProperties accounts = new SmscProperties(List.of(OutboxFixture.smsc("signed", a)
                    .withSource("1069009", longSignature, SignaturePlacement.END)));
            SmsOutbox outbox = outbox(accounts);
            String body = SIGNATURE + "尊敬的客户您好".repeat(8); // 64 characters: one part as queued
            assertThat(CODEC.count(body).parts()).isEqualTo(1);
            try (SmsSender sender = sender(accounts, SenderSettings.defaults())) {
                outbox.enqueue(List.of(new OutboundSms("signed-1", "13900000888", body, SmsKind.GENERAL, null,
                        Instant.EPOCH)));
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(OutboxFixture.statuses(db, "signed-1")).isEqualTo(Map.of("delivered", 1)));
                assertThat(a.messages()).singleElement().satisfies(m -> {
                    assertThat(m.text()).isEqualTo("尊敬的客户您好".repeat(8) + longSignature);
                    assertThat(m.parts()).isEqualTo(2);
                });
                assertThat(OutboxFixture.rows(db, "select segments from sms_messages where dedupe_key = 'signed-1'"))
                        .extracting(r -> r.get("segments")).containsExactly(2);
            }
        }
    }
}
