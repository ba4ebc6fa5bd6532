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
import org.hotline.smscsim.cmpp.CmppSimulator;
import org.hotline.smscsim.cmpp.CmppSimulatorConfig;
import org.slf4j.LoggerFactory;

/**
 * Outage notices through the durable outbox to the SMSC simulator over two binds: time to queue them all, sustained
 * submit_sm/s from the first submit to the last, the durable rate (messages recorded as accepted by the SMSC per
 * second, from the first submit until none is queued or submitting), and lost / duplicated messages counted at the
 * simulator once every receipt has come back.
 *
 * <p>Arguments: {@code --messages N} (100,000), {@code --binds N} (2), {@code --window N} (32 submits in flight per
 * bind), {@code --receipt-ms N} (500: receipts on, as in production), {@code --cmpp-messages N} (as many; 0 skips the
 * CMPP run), {@code --cmpp-window N} (16, CMPP's usual sliding window). The same notices then go over CMPP 3.0 to the
 * CMPP gateway simulator on a fresh database, two binds, status reports on (ADR 0034). Last line:
 * {@code sms queued_s=… submits_per_s=… lost=… duplicated=… cmpp_submits_per_s=…} (the first four are SMPP's).
 */
public final class SmsBenchmark {

    private SmsBenchmark() {
    }

    /** What one protocol's run measured. */
    private record Figures(double queuedS, double submitsPerS, long lost, long duplicated) {
    }

    /** The simulator of one run as the benchmark reads it. */
    private interface Gateway extends AutoCloseable {
        int submitCount();

        Map<String, Integer> counts();

        int acknowledged();

        @Override
        void close();
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(String[] args) throws Exception {
        int messages = intArg(args, "--messages", 100_000);
        int binds = intArg(args, "--binds", 2);
        int window = intArg(args, "--window", 32);
        int receiptMs = intArg(args, "--receipt-ms", 500);
        int cmppMessages = intArg(args, "--cmpp-messages", messages);
        int cmppWindow = intArg(args, "--cmpp-window", 16);
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("ROOT").setLevel(Level.WARN);
        // printed after every session and server has closed, so jsmpp's closing warnings come before it
        int warmup = intArg(args, "--warmup-messages", 20_000);
        if (warmup > 0) {
            // a sender runs for months: the figures are of compiled code, not of the JIT's first seconds
            System.out.printf(Locale.ROOT, "warm-up (not measured): %,d messages%n", warmup);
            run(false, warmup, binds, window, receiptMs);
        }
        Figures smpp = run(false, messages, binds, window, receiptMs);
        Figures cmpp = cmppMessages > 0 ? run(true, cmppMessages, binds, cmppWindow, receiptMs) : null;
        int rawMessages = intArg(args, "--raw-messages", messages);
        if (rawMessages > 0) {
            // the peer: jsmpp alone, same notices, binds, window and simulator with receipts on
            double raw;
            try (Gateway sim = gateway(false, receiptMs)) {
                raw = RawJsmppPeer.run(Integer.parseInt(sim.toString()), rawMessages, binds, window);
            }
            System.out.printf(Locale.ROOT, "peer: raw jsmpp, no outbox, same simulator (issue #17): %.0f submits/s;"
                    + " vs_raw_jsmpp=%.2f%n", raw, smpp.submitsPerS() / raw);
        }
        // Jasmin needs RabbitMQ, Redis and PyPI, none reachable here: its published figure is the peer
        System.out.printf(Locale.ROOT, "peer: Jasmin ~140 SMS/s over SMPP (issue #5, published; not run here):"
                + " vs_jasmin=%.1fx%n", smpp.submitsPerS() / 140.0);
        System.out.printf(Locale.ROOT, "sms queued_s=%.2f submits_per_s=%.0f lost=%d duplicated=%d"
                + " cmpp_submits_per_s=%s%n", smpp.queuedS(), smpp.submitsPerS(), smpp.lost(), smpp.duplicated(),
                cmpp == null ? "n/a" : String.format(Locale.ROOT, "%.0f", cmpp.submitsPerS()));
    }

    /** The i-th notice's number. */
    static String destination(int i) {
        return String.format("139%08d", i);
    }

    /** The i-th notice: the default signature, Chinese, one UCS-2 part. */
    static String notice(int i) {
        return "【国网供电服务】停电通知：您户号" + (1_000_000 + i) + "所在台区因故障停电，预计18:00恢复。回复TD退订";
    }

    private static Gateway gateway(boolean cmpp, int receiptMs) throws Exception {
        Duration delay = receiptMs > 0 ? Duration.ofMillis(receiptMs) : null;
        if (cmpp) {
            CmppSimulator sim = CmppSimulator.start(CmppSimulatorConfig.defaults().withReceipts(delay, 0));
            return new Gateway() {
                public int submitCount() {
                    return sim.submitCount();
                }

                public Map<String, Integer> counts() {
                    return sim.countsByDestinationAndText();
                }

                public int acknowledged() {
                    return sim.reportsAcknowledged();
                }

                public void close() {
                    sim.close();
                }

                @Override
                public String toString() {
                    return String.valueOf(sim.port());
                }
            };
        }
        SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults().withReceipts(delay, 0));
        return new Gateway() {
            public int submitCount() {
                return sim.submitCount();
            }

            public Map<String, Integer> counts() {
                return sim.countsByDestinationAndText();
            }

            public int acknowledged() {
                return sim.receiptsSent();
            }

            public void close() {
                sim.close();
            }

            @Override
            public String toString() {
                return String.valueOf(sim.port());
            }
        };
    }

    private static SmscProperties.Smsc account(boolean cmpp, int port, int binds, int window) {
        if (cmpp) {
            return new SmscProperties.Smsc("bench-cmpp", "127.0.0.1", port, CmppSimulatorConfig.defaults().spId(),
                    CmppSimulatorConfig.defaults().secret(), null, "1065759555", null, null, 1_000_000, null, binds,
                    null, null, null, null, null, null, null, null, null, null, null, null, false, SmscProperties.Protocol.CMPP,
                    new SmscProperties.Cmpp("3.0", null, null, null, null, null, window));
        }
        return SmscProperties.Smsc.of("bench", "127.0.0.1", port, "hotline", "secret").withThroughput(1_000_000, window)
                .withIdFormats(MessageIdFormat.HEX, MessageIdFormat.HEX)
                .withBinds(binds, SmscProperties.BindMode.TRANSCEIVER);
    }

    private static Figures run(boolean cmpp, int messages, int binds, int window, int receiptMs) throws Exception {
        String protocol = cmpp ? "CMPP 3.0" : "SMPP";
        SmsCodec codec = new SmsCodec(SmsCodecSettings.DEFAULTS);
        boolean pgStat = Boolean.getBoolean("pgstat");
        // durable as the server's embedded database is: fsync and synchronous commit on (the library turns both off)
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0").setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        if (pgStat) {
            // -Dpgstat=true: where PostgreSQL's time goes, printed after the run
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        // -Dpgconfig=key=value;key=value: server settings for a diagnosis (auto_explain, logging)
        for (String kv : System.getProperty("pgconfig", "").split(";")) {
            if (kv.contains("=")) {
                builder.setServerConfig(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        try (EmbeddedPostgres pg = builder.start()) {
            HikariConfig hc = new HikariConfig();
            // batched inserts become multi-row inserts: the setting a deployment's JDBC URL should carry too
            hc.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
            hc.setMaximumPoolSize(16);
            try (HikariDataSource db = new HikariDataSource(hc); Gateway sim = gateway(cmpp, receiptMs)) {
                Flyway.configure().dataSource(pg.getPostgresDatabase()).load().migrate();
                List<OutboundSms> all = new ArrayList<>(messages);
                for (int i = 0; i < messages; i++) {
                    all.add(new OutboundSms("outage-42-" + i, destination(i), notice(i),
                            SmsKind.OUTAGE, null, Instant.EPOCH));
                }
                SmsOutbox outbox = new SmsOutbox(db, codec);
                long q0 = System.nanoTime();
                int queued = 0;
                for (int from = 0; from < messages; from += 10_000) {
                    queued += outbox.enqueue(all.subList(from, Math.min(messages, from + 10_000))).queued();
                }
                double queuedS = (System.nanoTime() - q0) / 1e9;
                System.out.printf(Locale.ROOT, "%s: queued %,d outage notices in %.2f s (%,.0f/s)%n", protocol, queued,
                        queuedS, queued / queuedS);
                SmscProperties.Smsc smsc = account(cmpp, Integer.parseInt(sim.toString()), binds, window);
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
                    System.out.printf(Locale.ROOT, "%s: %,d submits in %.2f s over %d bind(s), window %d per bind%n",
                            protocol, seen, submitS, binds, window);
                    long waitUntil = System.nanoTime() + 60_000_000_000L;
                    while (pending(db) > 0 && System.nanoTime() < waitUntil) {
                        Thread.sleep(20);
                    }
                    double durableS = (System.nanoTime() - firstSubmit) / 1e9;
                    System.out.printf(Locale.ROOT, "%s: durable over %d binds, receipts on: %,.0f messages/s recorded"
                            + " as accepted (%.2f s from the first submit until none queued or submitting)%n", protocol,
                            binds, messages / durableS, durableS);
                    // lost and duplicated once the receipts are in: a receipt-settled or resent message shows here
                    long receiptsUntil = System.nanoTime() + 60_000_000_000L;
                    while (awaitingReceipt(db) > 0 && receiptMs > 0 && System.nanoTime() < receiptsUntil) {
                        Thread.sleep(200);
                    }
                    Map<String, Integer> counts = sim.counts();
                    long duplicated = counts.values().stream().mapToLong(n -> n - 1L).sum();
                    long lost = messages - counts.size();
                    System.out.printf(Locale.ROOT, "%s: outbox after the run: %s; receipts acknowledged: %,d; lost=%d"
                            + " duplicated=%d%n", protocol, statuses(db), sim.acknowledged(), lost, duplicated);
                    if (pgStat) {
                        printStatements(db);
                    }
                    return new Figures(queuedS, seen / submitS, lost, duplicated);
                }
            }
        }
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
