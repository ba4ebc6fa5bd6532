package org.hotline.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.sms.outbox.OutboxFixture.CODEC;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.sms.message.MessageIdFormat;
import org.hotline.sms.smpp.SmscProperties;
import org.hotline.smscsim.ReceivedSms;
import org.hotline.smscsim.ReceivedSubmit;
import org.hotline.smscsim.SmscSimulator;
import org.hotline.smscsim.SmscSimulatorConfig;
import org.hotline.smscsim.SmscSimulatorConfig.IdFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox sender against real PostgreSQL and the SMSC simulator over TCP. */
class SmsSenderIntegrationTests {

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

    private static SmsSender sender(SmscProperties.Smsc... smscs) {
        return sender(SenderSettings.defaults(), smscs);
    }

    private static SmsSender sender(SenderSettings settings, SmscProperties.Smsc... smscs) {
        SmsSender sender = new SmsSender(db, CODEC, new SmscProperties(List.of(smscs)),
                settings.withInDoubt(Duration.ofSeconds(4), Duration.ofMillis(200)));
        sender.start();
        return sender;
    }

    @Test
    void aLongChineseNoticeGoesAsThreeUcs2PartsThatReassembleByteForByte() throws Exception {
        String text = "【国网供电】尊敬的客户：因线路检修，您所在的幸福小区将于11月24日08:00至18:00停电，"
                + "恢复时间视施工情况可能提前或延后，请提前做好准备，给您带来不便敬请谅解。如有疑问请致电95598。"
                + "抢修服务热线全天二十四小时为您服务，停电期间请勿靠近施工现场，注意用电安全，谢谢配合。回复TD退订";
        try (SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmsSender sender = sender(OutboxFixture.smsc("a", sim))) {
            outbox.enqueue(List.of(new OutboundSms("ucs2-1", "13900000001", text, SmsKind.OUTAGE, null,
                    Instant.EPOCH)));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status("ucs2-1")).isEqualTo("delivered"));
            List<ReceivedSms> got = sim.messages();
            assertThat(got).hasSize(1);
            assertThat(got.get(0).parts()).isEqualTo(CODEC.encode(text, 0).parts().size()).isEqualTo(3);
            assertThat(got.get(0).payload()).isEqualTo(text.getBytes(StandardCharsets.UTF_16BE));
            assertThat(got.get(0).text()).isEqualTo(text);
            List<ReceivedSubmit> submits = sim.submits();
            assertThat(submits).allSatisfy(s -> {
                assertThat(s.dataCoding()).isEqualTo(8);
                assertThat(s.esmClass() & 0x40).isEqualTo(0x40);
                assertThat(s.shortMessage()).startsWith(0x05, 0x00, 0x03);
            });
            assertThat(OutboxFixture.rows(db, """
                    select p.seq, p.smsc_message_id, p.status from sms_parts p join sms_messages m on m.id = p.message_id
                    where m.dedupe_key = 'ucs2-1' order by p.seq"""))
                    .extracting(r -> r.get("smsc_message_id"))
                    .containsExactlyElementsOf(submits.stream().map(s -> Long.toString(Long.parseLong(s.messageId(), 16)))
                            .toList());
        }
    }

    @Test
    void hexSubmitIdsAndDecimalReceiptIdsAreOneMessage() throws Exception {
        SmscSimulatorConfig config = SmscSimulatorConfig.defaults().withIdFormats(IdFormat.HEX, IdFormat.DECIMAL);
        try (SmscSimulator sim = SmscSimulator.start(config);
             SmsSender sender = sender(OutboxFixture.smsc("b", sim)
                     .withIdFormats(MessageIdFormat.HEX, MessageIdFormat.DECIMAL))) {
            sim.setReceiptedMessageIdTlv(false);
            outbox.enqueue(OutboxFixture.messages("hexdec-", 11, 20, "Power back at 18:00, ref ", SmsKind.OUTAGE));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(OutboxFixture.statuses(db, "hexdec-")).isEqualTo(Map.of("delivered", 20)));
            assertThat(sim.submits()).allSatisfy(s -> assertThat(s.messageId()).matches("[0-9A-F]+"));
            assertThat(sim.submits()).allSatisfy(s -> assertThat(s.dataCoding()).isZero());
        }
    }

    @Test
    void decimalIdsEverywhereAndFailedReceiptsFailTheMessageWithTheirState() throws Exception {
        SmscSimulatorConfig config = SmscSimulatorConfig.defaults().withIdFormats(IdFormat.DECIMAL, IdFormat.DECIMAL)
                .withReceipts(Duration.ofMillis(50), 0.5);
        try (SmscSimulator sim = SmscSimulator.start(config);
             SmsSender sender = sender(OutboxFixture.smsc("c", sim)
                     .withIdFormats(MessageIdFormat.DECIMAL, MessageIdFormat.DECIMAL))) {
            outbox.enqueue(OutboxFixture.messages("dec-", 12, 40, "账单提醒 ", SmsKind.ARREARS));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                Map<String, Integer> s = OutboxFixture.statuses(db, "dec-");
                return s.getOrDefault("delivered", 0) + s.getOrDefault("failed", 0) == 40;
            });
            Map<String, Integer> s = OutboxFixture.statuses(db, "dec-");
            assertThat(s.get("failed")).isPositive();
            assertThat(s.get("delivered")).isPositive();
            assertThat(OutboxFixture.rows(db, "select distinct error_text from sms_messages where dedupe_key like 'dec-%'"
                    + " and status = 'failed'")).extracting(r -> r.get("error_text"))
                    .isSubsetOf("UNDELIV", "EXPIRED").isNotEmpty();
        }
    }

    @Test
    void throttledSubmitsBackOffAndAreNeitherDroppedNorDuplicated() throws Exception {
        try (SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults().withMaxSubmitsPerSecond(100));
             SmsSender sender = sender(OutboxFixture.smsc("d", sim))) {
            outbox.enqueue(OutboxFixture.messages("thr-", 13, 400, "Reminder ", SmsKind.GENERAL));
            await().atMost(Duration.ofSeconds(40))
                    .untilAsserted(() -> assertThat(OutboxFixture.statuses(db, "thr-")).isEqualTo(Map.of("delivered", 400)));
            assertThat(sim.throttled()).isPositive();
            assertThat(sim.messages()).hasSize(400);
            assertThat(sim.countsByDestinationAndText().values()).containsOnly(1);
        }
    }

    @Test
    void wrongCredentialsGiveAClearErrorWhileTheOtherSmscSendsEverything() throws Exception {
        try (SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmsSender sender = sender(SmscProperties.Smsc.of("bad", "127.0.0.1", sim.port(), "hotline", "wrong"),
                     OutboxFixture.smsc("good", sim))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> sender.bindErrors().containsKey("bad"));
            assertThat(sender.bindErrors()).containsOnlyKeys("bad");
            assertThat(sender.bindErrors().get("bad")).contains("ESME_RBINDFAIL");
            outbox.enqueue(OutboxFixture.messages("cred-", 14, 50, "Hello ", SmsKind.GENERAL));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(OutboxFixture.statuses(db, "cred-")).isEqualTo(Map.of("delivered", 50)));
            assertThat(sim.bindFailures()).isPositive();
            assertThat(OutboxFixture.rows(db, "select distinct smsc from sms_messages where dedupe_key like 'cred-%'"))
                    .extracting(r -> r.get("smsc")).containsExactly("good");
        }
    }

    @Test
    void droppedConnectionsAreRebuiltAndNothingIsLostOrSentTwice() throws Exception {
        try (SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmsSender sender = sender(OutboxFixture.smsc("e", sim).withThroughput(400, 8))) {
            outbox.enqueue(OutboxFixture.messages("drop-", 15, 1_000, "停电通知 ", SmsKind.OUTAGE));
            for (int drop = 1; drop <= 3; drop++) {
                int target = drop * 200;
                await().atMost(Duration.ofSeconds(30)).until(() -> sim.submitCount() >= target);
                sim.dropConnections();
            }
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(OutboxFixture.statuses(db, "drop-")).isEqualTo(Map.of("delivered", 1_000)));
            assertThat(sim.messages()).hasSize(1_000);
            assertThat(sim.countsByDestinationAndText().values()).containsOnly(1);
            assertThat(sim.maxBoundSessions()).isEqualTo(1);
        }
    }

    @Test
    void repliesOptOutTheLastKindRecordDigitsAndTurnTextIntoContacts() throws Exception {
        try (SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmsSender sender = sender(SenderSettings.defaults().withOptOutScope(OptOutScope.KIND),
                     OutboxFixture.smsc("f", sim))) {
            outbox.enqueue(OutboxFixture.messages("mo-", 16, 3, "计划停电通知 ", SmsKind.OUTAGE));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(OutboxFixture.statuses(db, "mo-")).isEqualTo(Map.of("delivered", 3)));
            Long paused = new JdbcTemplate(db).queryForObject("insert into sms_campaigns (name, kind, status, "
                    + "created_by) values ('mo paused', 'outage', 'paused', 'test') returning id", Long.class);
            outbox.enqueue(List.of(new OutboundSms("mo-held", OutboxFixture.number(16, 0), "计划停电通知 held",
                    SmsKind.OUTAGE, paused, Instant.EPOCH), new OutboundSms("mo-later", OutboxFixture.number(16, 0),
                    "计划停电通知 later", SmsKind.OUTAGE, null, Instant.now().plus(Duration.ofDays(1)))));
            sim.sendMo(OutboxFixture.number(16, 0), "95598", "退订");
            sim.sendMo("86" + OutboxFixture.number(16, 1), "95598", "1");
            sim.sendMo(OutboxFixture.number(16, 2), "95598", "我家还是没有电");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(OutboxFixture.rows(db,
                    "select number, action, digits, kind from sms_replies where number like '13916%' order by number"))
                    .extracting(r -> r.get("number") + "/" + r.get("action") + "/" + r.get("digits") + "/" + r.get("kind"))
                    .containsExactly(OutboxFixture.number(16, 0) + "/opt_out/null/outage",
                            OutboxFixture.number(16, 1) + "/reply/1/outage",
                            OutboxFixture.number(16, 2) + "/contact/null/outage"));
            assertThat(OutboxFixture.rows(db, "select kind from sms_opt_outs where number = ?", OutboxFixture.number(16, 0)))
                    .extracting(r -> r.get("kind")).containsExactly("outage");
            // what was still waiting for that number is not sent after the opt-out, held or queued
            assertThat(OutboxFixture.statuses(db, "mo-held")).isEqualTo(Map.of("cancelled", 1));
            assertThat(OutboxFixture.statuses(db, "mo-later")).isEqualTo(Map.of("cancelled", 1));
            assertThat(OutboxFixture.rows(db, "select channel, notes from contacts where phone = ?",
                    OutboxFixture.number(16, 2))).extracting(r -> r.get("channel") + ":" + r.get("notes"))
                    .containsExactly("sms:我家还是没有电");
            EnqueueResult again = outbox.enqueue(List.of(new OutboundSms("mo-again", OutboxFixture.number(16, 0),
                    "恢复送电通知", SmsKind.OUTAGE, null, Instant.EPOCH)));
            assertThat(again.optedOut()).isEqualTo(1);
        }
    }

    @Test
    void underTheAllScopeATdReplyToAnOutageNoticeStopsArrearsTooAndTellsTheCustomer() throws Exception {
        try (SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmsSender sender = sender(SenderSettings.defaults(), OutboxFixture.smsc("td", sim))) {
            String number = OutboxFixture.number(18, 0);
            outbox.enqueue(List.of(new OutboundSms("td-outage", number, "计划停电通知", SmsKind.OUTAGE, null,
                    Instant.EPOCH), new OutboundSms("td-arrears", number, "缴费提醒", SmsKind.ARREARS, null,
                    Instant.now().plus(Duration.ofDays(1)))));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(status("td-outage")).isEqualTo("delivered"));
            sim.sendMo(number, "95598", "TD");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(OutboxFixture.rows(db,
                    "select status from sms_messages where dedupe_key like 'opt-out-reply:%' and destination = ?",
                    number)).extracting(r -> r.get("status")).containsExactly("delivered"));
            assertThat(OutboxFixture.rows(db, "select kind from sms_opt_outs where number = ? order by kind", number))
                    .extracting(r -> r.get("kind"))
                    .containsExactly("arrears", "escalation", "general", "outage", "work_order");
            assertThat(status("td-arrears")).isEqualTo("cancelled");
            assertThat(sim.messages()).extracting(m -> m.text())
                    .contains("【国网供电服务】您已退订全部短信通知，如需恢复请致电95598。");
        }
    }

    @Test
    void inQuietHoursTheSenderTakesNoArrearsWhateverQueuedThemButSendsOutageNotices() throws Exception {
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC).withSecond(0).withNano(0);
        QuietWindow quiet = new QuietWindow(java.util.Set.of(SmsKind.ARREARS), now.minusHours(1), now.plusHours(1),
                java.time.ZoneOffset.UTC);
        try (SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmsSender sender = new SmsSender(db, CODEC, new SmscProperties(List.of(OutboxFixture.smsc("q", sim))),
                     SenderSettings.defaults().withInDoubt(Duration.ofSeconds(4), Duration.ofMillis(200)), quiet)) {
            sender.start();
            // queued as a retry or a campaign resumed at night would leave them: due now, past the outbox's own check
            outbox.enqueue(List.of(new OutboundSms("quiet-arrears", OutboxFixture.number(19, 0), "缴费提醒",
                    SmsKind.ARREARS, null, Instant.EPOCH), new OutboundSms("quiet-outage", OutboxFixture.number(19, 1),
                    "停电通知", SmsKind.OUTAGE, null, Instant.EPOCH)));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(status("quiet-outage")).isEqualTo("delivered"));
            assertThat(status("quiet-arrears")).isEqualTo("queued");
            Instant notBefore = ((java.sql.Timestamp) OutboxFixture.rows(db,
                    "select not_before from sms_messages where dedupe_key = 'quiet-arrears'").get(0).get("not_before"))
                    .toInstant();
            assertThat(notBefore).isEqualTo(quiet.quietUntil(Instant.now()));
            assertThat(sim.messages()).extracting(m -> m.destination()).doesNotContain(OutboxFixture.number(19, 0));
        }
    }

    @Test
    void aClosedSenderGivesTheSendingLockBackSoTheNextSenderOnTheSamePoolSends() throws Exception {
        try (SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults())) {
            try (SmsSender first = sender(OutboxFixture.smsc("lock1", sim))) {
                await().atMost(Duration.ofSeconds(10)).until(first::active);
                assertThat(sendingLocks()).isEqualTo(1);
            }
            // a session's advisory lock outlives its borrower: kept by an idle pooled connection, no sender sends again
            assertThat(sendingLocks()).isZero();
            try (SmsSender next = sender(OutboxFixture.smsc("lock2", sim))) {
                outbox.enqueue(OutboxFixture.messages("lock-", 17, 5, "停电通知 ", SmsKind.OUTAGE));
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(OutboxFixture.statuses(db, "lock-")).isEqualTo(Map.of("delivered", 5)));
            }
        }
    }

    private static long sendingLocks() {
        // the key "SMS1" (0x534d5331) as pg_locks shows a bigint key: high half in classid, low half in objid
        return new JdbcTemplate(db).queryForObject("select count(*) from pg_locks where locktype = 'advisory'"
                + " and classid = 0 and objid = 1397576497 and granted", Long.class);
    }

    @Test
    void theSmscHealthIsDownAfterTheGraceWithoutAnyBindAndUpOnceBound() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (SmsSender nowhere = sender(SmscProperties.Smsc.of("nowhere", "127.0.0.1", closedPort, "hotline", "secret"));
             SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmsSender bound = sender(OutboxFixture.smsc("h", sim))) {
            SmscHealthIndicator down = new SmscHealthIndicator(nowhere, Duration.ofMillis(300), java.time.Clock.systemUTC());
            SmscHealthIndicator up = new SmscHealthIndicator(bound, Duration.ofMillis(300), java.time.Clock.systemUTC());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(down.health().getStatus().getCode()).isEqualTo("DOWN");
                assertThat(up.health().getStatus().getCode()).isEqualTo("UP");
            });
            assertThat(down.health().getDetails()).containsKey("reason").containsKey("errors");
            assertThat(up.health().getDetails().get("binds")).isEqualTo(Map.of("h", true));
        }
    }

    @Test
    void receiptsArriveBehindThousandsThatMatchNothingAndAreStillApplied() throws Exception {
        // more unmatchable receipts than one reconcile pass takes (5,000): the pass must not stop at them forever
        OutboxFixture.rows(db, """
                insert into sms_receipts (smsc, smsc_message_id, destination, stat, state, raw)
                select 'g', 'unknown-' || i, '13900000000', 'DELIVRD', 'DELIVERED', 'id:unknown' from generate_series(1, 5001) i
                returning id""");
        try (SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmsSender sender = sender(OutboxFixture.smsc("g", sim))) {
            outbox.enqueue(OutboxFixture.messages("behind-", 17, 5, "Supply restored ", SmsKind.OUTAGE));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(OutboxFixture.statuses(db, "behind-")).isEqualTo(Map.of("delivered", 5)));
            assertThat(OutboxFixture.rows(db, "select count(*) n from sms_receipts where smsc = 'g' and not matched"))
                    .extracting(r -> ((Number) r.get("n")).intValue()).containsExactly(5001);
        } finally {
            OutboxFixture.rows(db, "delete from sms_receipts where smsc = 'g' and not matched returning id");
        }
    }

    private static String status(String key) throws Exception {
        List<Map<String, Object>> r = OutboxFixture.rows(db, "select status from sms_messages where dedupe_key = ?", key);
        return r.isEmpty() ? null : (String) r.get(0).get("status");
    }
}
