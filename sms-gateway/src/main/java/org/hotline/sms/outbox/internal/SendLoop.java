package org.hotline.sms.outbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.hotline.sms.message.EncodedSms;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsPart;
import org.hotline.sms.message.SmsTextException;
import org.hotline.sms.outbox.QuietWindow;
import org.hotline.sms.outbox.SenderSettings;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.smpp.OutboundPart;
import org.hotline.sms.smpp.SmscConnection;
import org.hotline.sms.smpp.SubmitResult;
import org.hotline.sms.smpp.SubmitResult.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender's threads: one claims (holding the PostgreSQL advisory lock that makes it the only sender), a pool as
 * large as the SMSC windows submits, one writes results in batches, one reconciles receipts and in-doubt messages.
 */
public final class SendLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SendLoop.class);
    /** The advisory lock key: "SMS1" in ASCII. */
    private static final long LOCK_KEY = 0x534d5331L;
    /** How a message that waits for a bound account that takes its number starts its error text (counted). */
    public static final String NO_ROUTE = "no route";
    private static final long EXPIRY_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final DataSource dataSource;
    private final OutboxStore store;
    private final List<SmscConnection> connections;
    private final Accounts accounts;
    private final java.util.concurrent.ConcurrentMap<String, LongAdder> sent =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final SmsCodec codec;
    private final SenderSettings settings;
    private final Reconciler reconciler;
    private final ReceiptExpiry receiptExpiry;
    private final ExecutorService workers;
    private final Semaphore capacity;
    private final int capacityTotal;
    private final LinkedBlockingQueue<SendResult> results = new LinkedBlockingQueue<>();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean active;
    private static final String[] NO_KINDS = new String[0];
    private final QuietWindow quiet;
    private long lastQuietSweep = System.nanoTime() - TimeUnit.HOURS.toNanos(1);
    private volatile java.time.Instant lastBound = java.time.Instant.now();
    private volatile boolean closed;
    private final ClaimCursor cursor = new ClaimCursor(System.nanoTime());

    /** Sends {@code store}'s messages through {@code connections}, none of {@code quiet}'s kinds in its hours. */
    public SendLoop(DataSource dataSource, OutboxStore store, Accounts accounts, List<SmscConnection> connections,
                    SmsCodec codec, SenderSettings settings, QuietWindow quiet) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.quiet = quiet;
        this.store = store;
        this.connections = connections;
        this.codec = codec;
        this.settings = settings;
        this.reconciler = new Reconciler(dataSource, codec, settings, connections, accounts);
        this.receiptExpiry = new ReceiptExpiry(dataSource, settings, connections);
        int threads = Math.max(1, connections.size() * 4);
        this.workers = Executors.newFixedThreadPool(Math.max(threads, windows()), r -> {
            Thread t = new Thread(r, "sms-submit");
            t.setDaemon(true);
            return t;
        });
        // claimed messages are 'submitting' before they reach the wire: keep that no larger than twice the binds'
        // windows, so a crash leaves few in doubt (ADR 0026)
        this.capacityTotal = Math.max(8, windows() * 2);
        this.capacity = new Semaphore(capacityTotal);
    }

    private int windows() {
        return connections.stream().mapToInt(SmscConnection::maxInFlight).sum();
    }

    /** The concatenation reference of a message: fixed by its id, so a resent part joins the parts sent before. */
    static int reference(long messageId) {
        return (int) (messageId & 0xff);
    }

    /** Starts the threads; sending begins once the lock is held. */
    public synchronized void start() {
        if (!threads.isEmpty() || !settings.enabled()) {
            return;
        }
        threads.add(daemon("sms-claim", this::claimLoop));
        threads.add(daemon("sms-results", this::resultLoop));
        threads.add(daemon("sms-reconcile", this::reconcileLoop));
        threads.forEach(Thread::start);
    }

    /** When a bind that can send was last seen (the start when none was seen yet), checked every reconcile pass. */
    public java.time.Instant lastBound() {
        return connections.stream().anyMatch(SmscConnection::bound) ? java.time.Instant.now() : lastBound;
    }

    /** Whether this node holds the sender lock. */
    public boolean active() {
        return active;
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void claimLoop() {
        while (!closed) {
            try (Connection lock = dataSource.getConnection()) {
                lock.setAutoCommit(true);
                if (!tryLock(lock)) {
                    sleep(settings.pollInterval().toMillis() * 5);
                    continue;
                }
                try {
                    sendWhileLocked(lock);
                } finally {
                    unlock(lock);
                }
            } catch (SQLException | RuntimeException e) {
                log.warn("SMS sender lost its database connection, retrying: {}", e.toString());
                sleep(1_000);
            }
        }
    }

    private void sendWhileLocked(Connection lock) throws SQLException {
        try {
            int inDoubt = store.recoverInDoubt(lock);
            if (inDoubt > 0) {
                log.warn("{} SMS were being submitted when the last sender stopped: in doubt (ADR 0009)", inDoubt);
            }
            active = true;
            long lastCheck = System.nanoTime();
            while (!closed) {
                if (System.nanoTime() - lastCheck > TimeUnit.SECONDS.toNanos(5)) {
                    try (Statement s = lock.createStatement()) {
                        s.execute("select 1"); // the lock lives as long as this connection
                    }
                    lastCheck = System.nanoTime();
                }
                if (!claimOnce()) {
                    sleep(settings.pollInterval().toMillis());
                }
            }
        } finally {
            active = false;
        }
    }

    /**
     * Gives the lock back before the connection goes back to the pool: a session's advisory lock outlives its
     * borrower, so a pooled connection would keep it, idle, and no sender could take it again.
     */
    private static void unlock(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
            ps.setLong(1, LOCK_KEY);
            ps.execute();
        } catch (SQLException e) {
            // the session is broken, and its locks end with it
            log.debug("SMS sender lock not released on a broken connection: {}", e.toString());
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Claims what there is room for; false when nothing was due or nothing can send. */
    private boolean claimOnce() {
        if (connections.stream().noneMatch(SmscConnection::bound)) {
            return false;
        }
        int room = Math.min(settings.batchSize(), capacity.availablePermits());
        if (room < Math.max(1, Math.min(settings.batchSize(), capacityTotal / 2))) {
            sleep(1);
            return true;
        }
        String[] quietKinds = quietKindsNow();
        List<Claimed> claimed = store.claim(cursor.next(System.nanoTime()), room, quietKinds);
        cursor.claimed(claimed, room, System.nanoTime());
        for (Claimed m : claimed) {
            capacity.acquireUninterruptibly();
            workers.execute(() -> {
                try {
                    results.add(send(m));
                } finally {
                    capacity.release();
                }
            });
        }
        return !claimed.isEmpty();
    }

    /**
     * The kinds in their quiet hours now (none outside them); on entering them, and every minute within, their queued
     * messages move to the hours' end so the claim does not walk them (ADR 0027).
     */
    private String[] quietKindsNow() {
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant until = quiet.quietUntil(now);
        if (until == null) {
            return NO_KINDS;
        }
        String[] kinds = quiet.kinds().stream().map(SmsKind::code).sorted().toArray(String[]::new);
        if (System.nanoTime() - lastQuietSweep > TimeUnit.MINUTES.toNanos(1)) {
            int moved = store.holdForQuietHours(kinds, until);
            lastQuietSweep = System.nanoTime();
            if (moved > 0) {
                log.info("{} queued SMS of {} wait for the end of quiet hours ({})", moved, String.join(", ", kinds),
                        until);
            }
        }
        return kinds;
    }

    /**
     * Sends {@code m} through the first bound account that takes its number, failing over to the next only while
     * nothing of it reached the wire (NOT_SENT); parts already accepted pin the rest to their account (ADR 0035).
     */
    private SendResult send(Claimed m) {
        List<Accounts.Account> order;
        if (m.pinned() != null) {
            Accounts.Account pinned = accounts.get(m.pinned());
            order = pinned != null && pinned.connection().bound() ? List.of(pinned) : List.of();
        } else {
            order = accounts.order(m.destination(), roundRobin.getAndIncrement());
        }
        if (order.isEmpty()) {
            return new SendResult(m, 1, List.of(), SubmitResult.of(Outcome.NOT_SENT, null, NO_ROUTE
                    + (m.pinned() != null ? ": account " + m.pinned() + " (it has parts of it) is not bound"
                    : ": no bound account takes " + m.destination().substring(0, 3))), null);
        }
        SendResult last = null;
        for (Accounts.Account account : order) {
            String source = account.source(m.sourceExtension());
            int max = account.connection().maxSourceLength();
            if (source != null && source.length() > max) {
                // a setting that does not fit this account: the next one may take it, else the message fails
                String why = "source address '" + source + "' of account " + account.name() + " length: "
                        + source.length() + " (expected: <= " + max + ")";
                last = last != null ? last
                        : new SendResult(m, 1, List.of(), SubmitResult.of(Outcome.PERMANENT, null, why), null);
                continue;
            }
            last = sendThrough(m, account, source);
            if (last.last().outcome() != Outcome.NOT_SENT || !last.accepted().isEmpty()) {
                break;
            }
        }
        if (last.last().outcome() == Outcome.ACCEPTED) {
            sent.computeIfAbsent(last.account(), k -> new LongAdder()).increment();
        }
        return last;
    }

    private SendResult sendThrough(Claimed m, Accounts.Account account, String source) {
        SmscConnection connection = account.connection();
        EncodedSms encoded;
        try {
            encoded = codec.encode(account.render(m.body()), reference(m.id()));
        } catch (SmsTextException e) {
            return new SendResult(m, 1, List.of(), SubmitResult.of(Outcome.PERMANENT, null, e.getMessage()),
                    account.name());
        }
        int total = encoded.parts().size();
        List<SendResult.AcceptedPart> accepted = new ArrayList<>();
        try {
            for (SmsPart part : encoded.parts()) {
                if (m.knownParts().contains(part.sequence())) {
                    continue;
                }
                SubmitResult r = connection.submit(new OutboundPart(m.destination(), encoded.dataCoding(),
                        part.esmClass(), part.shortMessage(), source));
                if (r.outcome() != Outcome.ACCEPTED) {
                    return new SendResult(m, total, accepted, r, account.name());
                }
                accepted.add(new SendResult.AcceptedPart(part.sequence(), connection.name(), r.messageId()));
            }
            return new SendResult(m, total, accepted, SubmitResult.accepted(null), account.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult(m, total, accepted, SubmitResult.of(Outcome.NOT_SENT, null, "stopping"),
                    account.name());
        }
    }

    /** Messages accepted per account since this sender started. */
    public java.util.Map<String, Long> sentCounts() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        sent.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private void resultLoop() {
        List<SendResult> batch = new ArrayList<>();
        while (!closed || !results.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    SendResult first = results.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    results.drainTo(batch, 1999);
                }
                store.record(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the results are kept and written again: losing them would only leave the messages in doubt
                log.warn("could not record {} SMS results, retrying: {}", batch.size(), e.toString());
                sleep(1_000);
            }
        }
    }

    private void reconcileLoop() {
        java.time.Instant receivingSince = null;
        long lastExpiry = 0;
        while (!closed) {
            try {
                boolean bound = connections.stream().anyMatch(SmscConnection::bound);
                if (bound) {
                    lastBound = java.time.Instant.now();
                }
                receivingSince = !bound ? null : receivingSince == null ? java.time.Instant.now() : receivingSince;
                if (active) {
                    reconciler.run(receivingSince);
                    if (System.nanoTime() - lastExpiry > EXPIRY_EVERY_NANOS) {
                        receiptExpiry.run();
                        lastExpiry = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                log.warn("SMS reconcile failed, retrying: {}", e.toString());
            }
            sleep(settings.reconcileInterval().toMillis());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        workers.shutdown();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
            for (Thread t : threads) {
                t.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
