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
import org.hotline.sms.smpp.SmscProperties;
import org.hotline.smscsim.cmpp.CmppSimulator;
import org.hotline.smscsim.cmpp.CmppSimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ADR 0026 over CMPP, unchanged (ADR 0034): submits caught in doubt by a gateway that dropped every connection
 * without answering are settled by its status reports (which carry no text at all), so with the default policy
 * nothing is lost or sent twice.
 */
class CmppInDoubtIntegrationTests {

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

    private static SmscProperties.Smsc cmpp(String name, CmppSimulator sim, String version) {
        // a short response timeout: the submits the gateway never answered fall in doubt within seconds
        return new SmscProperties.Smsc(name, "127.0.0.1", sim.port(), "901234", "secret", null, "1065759555", null,
                null, 400, null, 1, null, null, null, Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofMillis(500), null, null, null, null, null, null, false, SmscProperties.Protocol.CMPP,
                new SmscProperties.Cmpp(version, null, null, null, null, null, 8));
    }

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

    private static void dropWithoutResponsesLosesNothingAndSendsNothingTwice(String version, String key, int prefix)
            throws Exception {
        // reports come a second after the submit: by then the SP has connected again (real gateways take longer)
        CmppSimulatorConfig config = CmppSimulatorConfig.defaults().withReceipts(Duration.ofSeconds(1), 0);
        try (CmppSimulator sim = CmppSimulator.start(config);
             SmsSender sender = new SmsSender(db, CODEC, new SmscProperties(List.of(cmpp(key, sim, version))),
                     SenderSettings.defaults().withInDoubt(Duration.ofSeconds(6), Duration.ofMillis(200)))) {
            sender.start();
            outbox.enqueue(notices(key, prefix, 300));
            for (int drop = 1; drop <= 3; drop++) {
                int target = drop * 70;
                await().atMost(Duration.ofSeconds(30)).until(() -> sim.submitCount() >= target);
                sim.dropWithoutResponses(5);
            }
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(OutboxFixture.statuses(db, key)).isEqualTo(Map.of("delivered", 300)));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                System.out.printf("DIAG submits=%d sent=%d acked=%d dropped=%d%n", sim.submitCount(),
                        sim.reportsSent(), sim.reportsAcknowledged(), sim.reportsDropped());
                System.out.println("DIAG unmatched " + OutboxFixture.rows(db, "select smsc_message_id, destination, "
                        + "received_at from sms_receipts where smsc = ? and not matched limit 5", key));
                System.out.println("DIAG stuck " + OutboxFixture.rows(db, "select p.smsc_message_id, m.destination, "
                        + "p.submitted_at, m.status from sms_parts p join sms_messages m on m.id = p.message_id where "
                        + "m.dedupe_key like ? and m.status = 'submitted' limit 5", key + "%"));
                Object stuck = OutboxFixture.rows(db, "select m.destination from sms_messages m where m.dedupe_key like ? "
                        + "and m.status = 'submitted' limit 1", key + "%").get(0).get("destination");
                System.out.println("DIAG submits " + sim.submits().stream().filter(x -> x.destination().equals(stuck))
                        .map(x -> x.messageId()).toList());
                throw e;
            }
            Map<String, Integer> counts = sim.countsByDestinationAndText();
            assertThat(counts).hasSize(300);
            assertThat(counts.values()).as("duplicated").containsOnly(1);
            assertThat(OutboxFixture.rows(db, "select count(*) n from sms_messages where dedupe_key like ?"
                    + " and in_doubt_resolution = 'receipt'", key + "%"))
                    .extracting(r -> ((Number) r.get("n")).intValue()).allSatisfy(n -> assertThat(n).isPositive());
            System.out.printf("CMPP %s drop without responses: 300 messages, %d submits, in doubt: %s%n", version,
                    sim.submitCount(), sender.inDoubtCounts());
        }
    }

    @Test
    void aDropWithoutResponsesLosesNothingAndSendsNothingTwiceOverCmpp30() throws Exception {
        dropWithoutResponsesLosesNothingAndSendsNothingTwice("3.0", "cmpp30drop-", 41);
    }

    @Test
    void aDropWithoutResponsesLosesNothingAndSendsNothingTwiceOverCmpp20() throws Exception {
        dropWithoutResponsesLosesNothingAndSendsNothingTwice("2.0", "cmpp20drop-", 42);
    }
}
