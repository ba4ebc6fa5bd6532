package org.hotline.sms.outbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.hotline.sms.message.DeliveryReceipt;
import org.hotline.sms.message.IncompleteMessage;
import org.hotline.sms.message.ReceivedPart;
import org.hotline.sms.message.Reassembler;
import org.hotline.sms.outbox.SenderSettings;
import org.hotline.sms.smpp.SmscListener;
import org.hotline.sms.smpp.SmscReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores what SMSCs deliver before it is acknowledged: receipts are group-committed by one writer thread (the
 * deliver_sm threads wait for their batch), MO messages are reassembled and handed to {@link MoHandler}.
 */
public final class ReceivedStore implements SmscListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceivedStore.class);
    private static final String INSERT = """
            insert into sms_receipts (smsc, smsc_message_id, destination, stat, state, error_code, text_prefix, raw,
                                      source)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private record Pending(SmscReceipt receipt, CompletableFuture<Void> done) {
    }

    private final DataSource dataSource;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(50_000);
    private final Reassembler reassembler = new Reassembler(Clock.systemUTC(), Duration.ofMinutes(10), 10_000);
    private final MoHandler mo;
    private Thread writer;
    private volatile boolean closed;

    /**
     * Writes to {@code dataSource}; opt-out words and scope come from {@code settings}; an MO's extension (what
     * follows the account's {@code sources} code in its address) is read by {@code extensions}.
     */
    public ReceivedStore(DataSource dataSource, SenderSettings settings, org.hotline.sms.message.SmsCodec codec,
                         org.hotline.sms.outbox.SourceExtensions extensions, java.util.Map<String, String> sources) {
        this.dataSource = dataSource;
        this.mo = new MoHandler(dataSource, settings, codec, extensions, sources);
    }

    /** Starts the writer thread. */
    public synchronized void start() {
        if (writer == null) {
            writer = new Thread(this::writeLoop, "sms-receipt-writer");
            writer.setDaemon(true);
            writer.start();
        }
    }

    @Override
    public void onReceipt(SmscReceipt receipt) {
        Pending p = new Pending(receipt, new CompletableFuture<>());
        try {
            if (closed || !queue.offer(p, 10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("receipt queue full or closed");
            }
            p.done().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("receipt not stored: " + e.getMessage(), e);
        }
    }

    @Override
    public void onMessage(String smsc, String destination, ReceivedPart part) {
        reassembler.accept(part).ifPresent(m -> mo.handle(smsc, destination, m.source(), m.text()));
        for (IncompleteMessage partial : reassembler.expire()) {
            mo.handle(smsc, destination, partial.source(), partial.partialText());
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 999);
                write(batch);
                batch.forEach(p -> p.done().complete(null));
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            } catch (SQLException | RuntimeException e) {
                log.warn("could not store {} receipt(s); the SMSC will deliver them again: {}", batch.size(), e.toString());
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (Pending p : batch) {
                    SmscReceipt r = p.receipt();
                    DeliveryReceipt d = r.receipt();
                    ps.setString(1, r.smsc());
                    ps.setString(2, r.messageId());
                    ps.setString(3, normalize(r.destination()));
                    ps.setString(4, d.stat());
                    ps.setString(5, d.state().name());
                    ps.setString(6, d.error());
                    ps.setString(7, d.text());
                    ps.setString(8, d.raw());
                    ps.setString(9, r.source());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Numbers as the outbox stores them: 11 digits, without +86 / 86 / 0086. */
    static String normalize(String number) {
        if (number == null) {
            return null;
        }
        String n = number.replaceAll("[^0-9]", "");
        if (n.length() == 15 && n.startsWith("0086")) {
            return n.substring(4);
        }
        if (n.length() == 13 && n.startsWith("86")) {
            return n.substring(2);
        }
        return n;
    }

    @Override
    public void close() {
        closed = true;
        Thread t = writer;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
