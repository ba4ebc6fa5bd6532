package org.hotline.cti.callrecord.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.hotline.cti.callrecord.CallRecord;
import org.hotline.cti.callrecord.WrapUp;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes call records and wrap-ups to PostgreSQL on its own thread, in batches of up to {@link #BATCH} rows per
 * transaction. A failing batch is retried with doubling back-off ({@link #ATTEMPTS} times, about half a minute in
 * all) while new records wait in a bounded queue (about half an hour of calls at 50 calls/s), so a slow or
 * restarting database costs delay, not calls; only after the last attempt is a batch given up, each call logged.
 */
public final class CallRecordWriter implements AutoCloseable {

    static final int BATCH = 500;
    private static final String NORMALIZED_INTERFACE = "regexp_replace(i.interface, '^(Local/[^/]+)/[^/]*$', '\\1')";
    static final int ATTEMPTS = 6;
    static final int CAPACITY = 100_000;

    private static final Logger log = LoggerFactory.getLogger(CallRecordWriter.class);

    private static final String UPSERT = """
            insert into calls (call_id, direction, caller_raw, caller_normalized, customer_id, queue, agent_id,
                               agent_interface, started_at, queued_at, answered_at, ended_at, hold_seconds,
                               talk_seconds, outcome, hangup_cause, talk_with_hold_seconds, ended_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (call_id) do update set direction = excluded.direction, caller_raw = excluded.caller_raw,
                caller_normalized = excluded.caller_normalized, customer_id = excluded.customer_id,
                queue = excluded.queue, agent_id = excluded.agent_id, agent_interface = excluded.agent_interface,
                queued_at = excluded.queued_at, answered_at = excluded.answered_at, ended_at = excluded.ended_at,
                hold_seconds = excluded.hold_seconds, talk_seconds = excluded.talk_seconds,
                outcome = excluded.outcome, hangup_cause = excluded.hangup_cause,
                talk_with_hold_seconds = excluded.talk_with_hold_seconds, ended_by = excluded.ended_by
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PhoneNumbers phoneNumbers;
    private final Duration firstBackoff;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts the writer thread. */
    public CallRecordWriter(DataSource dataSource, PhoneNumbers phoneNumbers, Duration firstBackoff) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.phoneNumbers = phoneNumbers;
        this.firstBackoff = firstBackoff;
        this.thread = new Thread(this::run, "call-record-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a call record or wrap-up without blocking; false (and logged) only when the queue is full. */
    public boolean offer(Object item) {
        if (queue.offer(item)) {
            return true;
        }
        if (lost.incrementAndGet() % 1000 == 1) {
            log.error("call-record queue full ({} waiting): dropped {} so far, latest {}", CAPACITY, lost.get(), item);
        }
        return false;
    }

    /** Rows written so far. */
    public long written() {
        return written.get();
    }

    /** Items given up so far (queue full or every attempt failed). */
    public long lost() {
        return lost.get();
    }

    /** Items waiting to be written. */
    public int pending() {
        return queue.size();
    }

    private void run() {
        List<Object> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Object first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                writeWithRetry(batch);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void writeWithRetry(List<Object> batch) throws InterruptedException {
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                write(batch);
                written.addAndGet(batch.size());
                return;
            } catch (RuntimeException ex) {
                if (attempt >= ATTEMPTS || !running) {
                    lost.addAndGet(batch.size());
                    log.error("gave up writing {} call records after {} attempts", batch.size(), attempt, ex);
                    batch.forEach(item -> log.error("call record not written: {}", item));
                    return;
                }
                log.warn("writing {} call records failed (attempt {} of {}), retrying in {}: {}", batch.size(),
                        attempt, ATTEMPTS, backoff, ex.toString());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private void write(List<Object> batch) {
        List<CallRecord> records = new ArrayList<>();
        List<WrapUp> wrapUps = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof CallRecord r) {
                records.add(r);
            } else if (item instanceof WrapUp w) {
                wrapUps.add(w);
            }
        }
        tx.executeWithoutResult(status -> {
            if (!records.isEmpty()) {
                insert(records);
            }
            if (!wrapUps.isEmpty()) {
                jdbc.batchUpdate("update calls set wrapup_seconds = ? where call_id = ?", wrapUps, wrapUps.size(),
                        (ps, w) -> {
                            ps.setInt(1, (int) Math.min(Integer.MAX_VALUE, w.duration().toSeconds()));
                            ps.setString(2, w.callId().value());
                        });
            }
        });
    }

    private void insert(List<CallRecord> records) {
        Map<CallRecord, PhoneNumber> numbers = new HashMap<>();
        Set<String> lookups = new LinkedHashSet<>();
        Set<String> interfaces = new LinkedHashSet<>();
        for (CallRecord r : records) {
            PhoneNumber n = phoneNumbers.normalize(r.caller().number());
            numbers.put(r, n);
            if (n.lookupable()) {
                lookups.add(n.normalized());
            }
            if (r.agent() != null) {
                interfaces.add(r.agent().value());
            }
        }
        Map<String, Long> customers = new HashMap<>();
        if (!lookups.isEmpty()) {
            // first match: the lowest customer id on that number, as the pop's pick-list order starts
            jdbc.query("select distinct on (normalized) normalized, customer_id from customer_phones"
                            + " where normalized = any(?) order by normalized, customer_id",
                    rs -> { customers.put(rs.getString(1), rs.getLong(2)); },
                    (Object) lookups.toArray(String[]::new));
        }
        Map<String, Long> agents = new HashMap<>();
        if (!interfaces.isEmpty()) {
            // accounts hold the member's exact interface (Local/1001@agents/n); records name it normalized
            // the expression is agent_interfaces_normalized_idx's (V26): keep the two the same
            jdbc.query("select " + NORMALIZED_INTERFACE + ", i.user_id from agent_interfaces i where "
                            + NORMALIZED_INTERFACE + " = any(?)",
                    rs -> { agents.put(rs.getString(1), rs.getLong(2)); },
                    (Object) interfaces.toArray(String[]::new));
        }
        jdbc.batchUpdate(UPSERT, records, records.size(), (ps, r) -> {
            PhoneNumber n = numbers.get(r);
            String normalized = n.normalized().isEmpty() ? null : n.normalized();
            ps.setString(1, r.callId().value());
            ps.setString(2, r.direction());
            ps.setString(3, r.caller().number().isEmpty() ? null : r.caller().number());
            ps.setString(4, normalized);
            ps.setObject(5, normalized == null ? null : customers.get(normalized));
            ps.setString(6, r.queue());
            ps.setObject(7, r.agent() == null ? null : agents.get(r.agent().value()));
            ps.setString(8, r.agent() == null ? null : r.agent().value());
            ps.setTimestamp(9, ts(r.startedAt()));
            ps.setTimestamp(10, ts(r.queuedAt()));
            ps.setTimestamp(11, ts(r.answeredAt()));
            ps.setTimestamp(12, ts(r.endedAt()));
            ps.setInt(13, (int) r.hold().toSeconds());
            ps.setInt(14, (int) r.talk().toSeconds());
            ps.setString(15, r.outcome().code());
            ps.setInt(16, r.hangupCause());
            ps.setInt(17, (int) r.talkWithHold().toSeconds());
            ps.setString(18, r.endedBy() == null ? null : r.endedBy().code());
        });
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    /** Writes what is queued (bounded by the retry budget) and stops the thread. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(30).toMillis());
    }
}
