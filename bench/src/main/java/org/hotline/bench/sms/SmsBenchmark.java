package org.hotline.bench.sms;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.hotline.sms.message.MessageIdFormat;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.hotline.sms.outbox.OutboundSms;
import org.hotline.sms.outbox.SenderSettings;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.outbox.SmsSender;
import org.hotline.sms.smpp.SmscProperties;
import org.hotline.smscsim.SmscSimulator;
import org.hotline.smscsim.SmscSimulatorConfig;
import org.slf4j.LoggerFactory;

/**
 * Outage notices through the durable outbox to the SMSC simulator over two binds: time to queue them all, sustained
 * submit_sm/s from the first submit to the last, the durable rate (messages recorded as accepted by the SMSC per
 * second, from the first submit until none is queued or submitting), and lost / duplicated messages counted at the
 * simulator once every receipt has come back.
 *
 * <p>Arguments: {@code --messages N} (100,000), {@code --binds N} (2), {@code --window N} (32 submits in flight per
 * bind), {@code --receipt-ms N} (500: receipts on, as in production). Last line:
 * {@code sms queued_s=… submits_per_s=… lost=… duplicated=… cmpp_submits_per_s=n/a} (CMPP comes with a later
 * part of issue #17).
 */
public final class SmsBenchmark {

    private SmsBenchmark() {
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(String[] args) throws Exception {
        int messages = intArg(args, "--messages", 100_000);
        int binds = intArg(args, "--binds", 2);
        int window = intArg(args, "--window", 32);
        int receiptMs = intArg(args, "--receipt-ms", 500);
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("ROOT").setLevel(Level.WARN);
        SmsCodec codec = new SmsCodec(SmsCodecSettings.DEFAULTS);
        boolean pgStat = Boolean.getBoolean("pgstat");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0");
        if (pgStat) {
            // -Dpgstat=true: where PostgreSQL's time goes, printed after the run
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        // printed after every session and server has closed, so jsmpp's closing warnings come before it
        String summary = "";
        try (EmbeddedPostgres pg = builder.start()) {
            HikariConfig hc = new HikariConfig();
            // batched inserts become multi-row inserts: the setting a deployment's JDBC URL should carry too
            hc.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
            hc.setMaximumPoolSize(16);
            try (HikariDataSource db = new HikariDataSource(hc);
                 SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults()
                         .withReceipts(receiptMs > 0 ? Duration.ofMillis(receiptMs) : null, 0))) {
                Flyway.configure().dataSource(pg.getPostgresDatabase()).load().migrate();
                List<OutboundSms> all = new ArrayList<>(messages);
                for (int i = 0; i < messages; i++) {
                    all.add(new OutboundSms("outage-42-" + i, String.format("139%08d", i),
                            "【国网供电服务】停电通知：您户号" + (1_000_000 + i) + "所在台区因故障停电，预计18:00恢复。回复TD退订",
                            SmsKind.OUTAGE, null, Instant.EPOCH));
                }
                SmsOutbox outbox = new SmsOutbox(db, codec);
                long q0 = System.nanoTime();
                int queued = 0;
                for (int from = 0; from < messages; from += 10_000) {
                    queued += outbox.enqueue(all.subList(from, Math.min(messages, from + 10_000))).queued();
                }
                double queuedS = (System.nanoTime() - q0) / 1e9;
                System.out.printf(Locale.ROOT, "queued %,d outage notices in %.2f s (%,.0f/s)%n", queued, queuedS,
                        queued / queuedS);
                SmscProperties.Smsc smsc = SmscProperties.Smsc.of("bench", "127.0.0.1", sim.port(), "hotline",
                        "secret").withThroughput(1_000_000, window)
                        .withIdFormats(MessageIdFormat.HEX, MessageIdFormat.HEX)
                        .withBinds(binds, SmscProperties.BindMode.TRANSCEIVER);
                long firstSubmit = 0;
                long lastSubmit = 0;
                try (SmsSender sender = new SmsSender(db, codec, new SmscProperties(List.of(smsc)),
                        SenderSettings.defaults())) {
                    sender.start();
                    int seen = 0;
                    long stallSince = System.nanoTime();
                    while (seen < messages && System.nanoTime() - stallSince < 30_000_000_000L) {
                        int now = sim.submitCount();
                        if (now > 0 && firstSubmit == 0) {
                            firstSubmit = System.nanoTime();
                        }
                        if (now > seen) {
                            seen = now;
                            lastSubmit = System.nanoTime();
                            stallSince = lastSubmit;
                        }
                        Thread.sleep(5);
                    }
                    double submitS = (lastSubmit - firstSubmit) / 1e9;
                    System.out.printf(Locale.ROOT, "%,d submit_sm in %.2f s over %d bind(s), window %d per bind%n", seen,
                            submitS, binds, window);
                    long waitUntil = System.nanoTime() + 60_000_000_000L;
                    while (pending(db) > 0 && System.nanoTime() < waitUntil) {
                        Thread.sleep(20);
                    }
                    double durableS = (System.nanoTime() - firstSubmit) / 1e9;
                    System.out.printf(Locale.ROOT, "durable over %d binds, receipts on: %,.0f messages/s recorded as "
                            + "accepted (%.2f s from the first submit until none queued or submitting)%n", binds,
                            messages / durableS, durableS);
                    // lost and duplicated once the receipts are in: a receipt-settled or resent message shows here
                    long receiptsUntil = System.nanoTime() + 60_000_000_000L;
                    while (awaitingReceipt(db) > 0 && receiptMs > 0 && System.nanoTime() < receiptsUntil) {
                        Thread.sleep(200);
                    }
                    Map<String, Integer> counts = sim.countsByDestinationAndText();
                    long duplicated = counts.values().stream().mapToLong(n -> n - 1L).sum();
                    long lost = messages - counts.size();
                    System.out.printf(Locale.ROOT, "outbox after the run: %s; receipts acknowledged: %,d%n",
                            statuses(db), sim.receiptsSent());
                    if (pgStat) {
                        printStatements(db);
                    }
                    // Jasmin needs RabbitMQ, Redis and PyPI, none reachable here: its published figure is the peer
                    summary = String.format(Locale.ROOT, "peer: Jasmin ~140 SMS/s over SMPP (issue #5, published; not"
                            + " run here): vs_jasmin=%.1fx%n", seen / submitS / 140.0)
                            + String.format(Locale.ROOT, "sms queued_s=%.2f submits_per_s=%.0f lost=%d duplicated=%d"
                            + " cmpp_submits_per_s=n/a%n", queuedS, seen / submitS, lost, duplicated);
                }
            }
        }
        System.out.print(summary);
    }

    private static void printStatements(HikariDataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            try (ResultSet r = s.executeQuery("select calls, round(total_exec_time), rows,"
                    + " left(regexp_replace(query, '\\s+', ' ', 'g'), 110) from pg_stat_statements"
                    + " order by total_exec_time desc limit 12")) {
                while (r.next()) {
                    System.out.printf(Locale.ROOT, "pg %8d calls %8d ms %9d rows  %s%n", r.getLong(1), r.getLong(2),
                            r.getLong(3), r.getString(4));
                }
            }
        }
    }

    private static long pending(HikariDataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from sms_messages where status in ('queued', 'submitting')")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long awaitingReceipt(HikariDataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from sms_messages where status in ('queued', 'submitting',"
                     + " 'submitted')")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String statuses(HikariDataSource db) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select status, count(*) from sms_messages group by 1 order by 1")) {
            while (r.next()) {
                out.append(r.getString(1)).append('=').append(r.getLong(2)).append(' ');
            }
        }
        return out.toString().trim();
    }

    private static int intArg(String[] args, String name, int dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return dflt;
    }
}
