package org.hotline.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.smscsim.SmscSimulator;
import org.hotline.smscsim.SmscSimulatorConfig;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the sending process at random moments, several times, then a final run: every message reaches the
 * simulator exactly once with the default signature and receipts written as SMSCs write them (GSM with '?'), and
 * the messages caught in doubt are counted with how each was resolved (ADR 0009, 0026).
 */
class KillNineIntegrationTests {

    private static final int MESSAGES = 2_000;

    @Test
    void everyMessageReachesTheSmscExactlyOnceThroughRepeatedKills() throws Exception {
        Random random = new Random(Long.getLong("hotline.test.seed", System.nanoTime()));
        try (HikariDataSource db = EmbeddedPostgresSupport.migratedDatabase();
             SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults()
                     .withReceipts(Duration.ofMillis(100), 0))) {
            List<OutboundSms> batch = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                // the default signature (full-width: receipts show it as '?'), Chinese and ASCII texts (issue #17)
                String text = switch (i % 4) {
                    case 0 -> "【国网供电服务】尊敬的客户，因线路检修，您户号" + i + "所在台区将于明日08:00至18:00停电，"
                            + "给您带来不便敬请谅解，如有疑问请致电95598，抢修服务热线全天二十四小时为您服务。回复TD退订";
                    case 1 -> "【国网供电服务】Notice " + i + ": supply restored at 18:00";
                    default -> "Notice " + i + ": supply restored at 18:00";
                };
                batch.add(new OutboundSms("kill-" + i, OutboxFixture.number(20 + i / 100_000, i), text, SmsKind.OUTAGE,
                        null, Instant.EPOCH));
            }
            new SmsOutbox(db, OutboxFixture.CODEC).enqueue(batch);
            int kills = 4;
            for (int k = 0; k < kills; k++) {
                Process p = start(db.getJdbcUrl(), sim.port());
                int target = sim.submitCount() + 100 + random.nextInt(300);
                await().atMost(Duration.ofSeconds(60)).until(() -> sim.submitCount() >= target || !p.isAlive());
                p.destroyForcibly().waitFor();
            }
            Process last = start(db.getJdbcUrl(), sim.port());
            try {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(OutboxFixture.statuses(db, "kill-")).isEqualTo(Map.of("delivered", MESSAGES)));
            } finally {
                last.destroy();
                last.waitFor();
            }
            Map<String, Integer> counts = sim.countsByDestinationAndText();
            long duplicated = counts.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
            System.out.printf("kill-9: lost=%d duplicated=%d%n", MESSAGES - counts.size(), duplicated);
            assertThat(counts).as("lost").hasSize(MESSAGES);
            assertThat(counts.values()).as("duplicated").containsOnly(1);
            List<Map<String, Object>> doubts = OutboxFixture.rows(db, """
                    select in_doubt_resolution as resolution, count(*) as n from sms_messages
                    where in_doubt_count > 0 group by 1 order by 1""");
            long receipt = 0;
            long resent = 0;
            for (Map<String, Object> r : doubts) {
                long n = ((Number) r.get("n")).longValue();
                if ("receipt".equals(r.get("resolution"))) {
                    receipt = n;
                } else if ("resent".equals(r.get("resolution"))) {
                    resent = n;
                }
            }
            System.out.printf("kill-9: %d kills, %d messages, %d submits at the SMSC, in doubt: %d (settled by the SMSC's"
                    + " receipts, not resent: %d; no receipt within the window, missing parts resent: %d), exactly once:"
                    + " %d%n", kills, MESSAGES, sim.submitCount(), receipt + resent, receipt, resent, counts.size());
            assertThat(doubts).allSatisfy(r -> assertThat(r.get("resolution")).isIn("receipt", "resent"));
        }
    }

    private static Process start(String jdbcUrl, int port) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                KillNineSenderMain.class.getName(), jdbcUrl, Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
