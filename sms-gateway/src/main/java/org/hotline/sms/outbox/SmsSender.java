package org.hotline.sms.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.outbox.internal.Accounts;
import org.hotline.sms.outbox.internal.OutboxStore;
import org.hotline.sms.outbox.internal.ReceivedStore;
import org.hotline.sms.outbox.internal.SendLoop;
import org.hotline.sms.smpp.SmscConnection;
import org.hotline.sms.smpp.SmscConnections;
import org.hotline.sms.smpp.SmscProperties;

/**
 * Sends the outbox (issue #5, ADR 0009): claims due messages, marks them submitting before each submit, records the
 * SMSC's ids, applies receipts, resolves in-doubt messages by rule and stores MO replies. One sender works per
 * database at a time (a PostgreSQL advisory lock); others wait as standbys.
 */
public final class SmsSender implements AutoCloseable {

    private final List<SmscConnection> connections = new ArrayList<>();
    private final OutboxStore store;
    private final ReceivedStore received;
    private final SendLoop loop;
    private final SmscProperties smscs;

    /** Sends through every SMSC in {@code smscs}, without quiet hours. */
    public SmsSender(DataSource dataSource, SmsCodec codec, SmscProperties smscs, SenderSettings settings) {
        this(dataSource, codec, smscs, settings, QuietWindow.NONE);
    }

    /** Sends through every SMSC in {@code smscs}; messages of {@code quiet}'s kinds never go in its hours. */
    public SmsSender(DataSource dataSource, SmsCodec codec, SmscProperties smscs, SenderSettings settings,
                     QuietWindow quiet) {
        this(dataSource, codec, smscs, settings, quiet, SourceExtensions.defaults());
    }

    /**
     * Sends through the SMSCs in {@code smscs} by their routes (ADR 0035); replies to a message's 106 extension of
     * {@code extensions} (or its campaign's) answer that kind or campaign.
     */
    public SmsSender(DataSource dataSource, SmsCodec codec, SmscProperties smscs, SenderSettings settings,
                     QuietWindow quiet, SourceExtensions extensions) {
        this.store = new OutboxStore(dataSource, codec, settings);
        this.received = new ReceivedStore(dataSource, settings, codec, extensions, sources(smscs));
        for (SmscProperties.Smsc smsc : smscs.smsc()) {
            connections.add(SmscConnections.create(smsc, codec, received));
        }
        this.smscs = smscs;
        this.loop = new SendLoop(dataSource, store, new Accounts(smscs.smsc(), connections), connections, codec,
                settings, quiet);
    }

    private static Map<String, String> sources(SmscProperties smscs) {
        Map<String, String> out = new java.util.HashMap<>();
        smscs.smsc().forEach(s -> out.put(s.name(), s.sourceAddress()));
        return out;
    }

    /** Binds to the SMSCs, takes the sender lock (waiting as a standby while another node holds it), and sends. */
    public void start() {
        received.start();
        connections.forEach(SmscConnection::start);
        loop.start();
    }

    /** Whether this node holds the sender lock and has recovered in-doubt messages. */
    public boolean active() {
        return loop.active();
    }

    /** Whether every SMSC has a bind that can send. */
    public boolean bound() {
        return !connections.isEmpty() && connections.stream().allMatch(SmscConnection::bound);
    }

    /** Why each SMSC's last bind failed (absent when it is fine). */
    public Map<String, String> bindErrors() {
        Map<String, String> errors = new java.util.TreeMap<>();
        for (SmscConnection c : connections) {
            if (c.lastError() != null) {
                errors.put(c.name(), c.lastError());
            }
        }
        return errors;
    }

    /** When a bind that can send was last up (the sender's start when none came up yet). */
    public java.time.Instant lastBound() {
        return loop.lastBound();
    }

    /** Each SMSC by name: whether it has a bind that can send now. */
    public Map<String, Boolean> binds() {
        Map<String, Boolean> out = new java.util.TreeMap<>();
        connections.forEach(c -> out.put(c.name(), c.bound()));
        return out;
    }

    /** Messages each account accepted since this sender started (the {@code hotline.sms.sent} counters). */
    public Map<String, Long> sentCounts() {
        return loop.sentCounts();
    }

    /** Each account by name: its carrier as configured (shown on the pages). */
    public Map<String, String> carriers() {
        Map<String, String> out = new java.util.TreeMap<>();
        smscs.smsc().forEach(s -> out.put(s.name(), s.carrier()));
        return out;
    }

    /**
     * Messages that were ever in doubt, by how they were resolved ({@code receipt}, {@code resent}, {@code held},
     * {@code dismissed}, {@code open}).
     */
    public Map<String, Long> inDoubtCounts() {
        return store.inDoubtCounts();
    }

    /** Stops claiming, lets submits in flight finish, writes their results, unbinds and releases the lock. */
    @Override
    public void close() {
        loop.close();
        connections.forEach(SmscConnection::close);
        received.close();
    }
}
