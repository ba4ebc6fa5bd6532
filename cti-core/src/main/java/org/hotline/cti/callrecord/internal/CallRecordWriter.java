package org.hotline.cti.callrecord.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.hotline.cti.customer.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes call records and wrap-ups to PostgreSQL on its own thread, in batches of up to {@link #BATCH} rows per
 * transaction, from a {@link CallJournal} on local disk: {@link #offer} appends to the journal (so a crash, a
 * {@code kill -9} or a database outage of any length loses nothing the journal could hold), the writer reads the
 * journal in order and commits what PostgreSQL accepted (a batch gathers up to {@link #LINGER_NANOS} of records;
 * the journal's checkpoint is written at most once a {@link #COMMIT_NANOS} under load, at once when idle, and the
 * rows a crash makes it write again are upserts). A failing batch is retried with doubling back-off up to
 * {@code maxBackoff}, for as long as it takes; a row PostgreSQL refuses for its content is written alone and, if
 * refused again, logged and counted as lost instead of holding every later call back.
 */
public final class CallRecordWriter implements AutoCloseable {

    static final int BATCH = 500;
    /** The least time between two batches unless a full one waits: calls end 100 a second at a busy hotline. */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The most time between two checkpoints while records keep coming; an idle writer commits at once. */
    static final long COMMIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final Logger log = LoggerFactory.getLogger(CallRecordWriter.class);

    private final CallRows rows;
    private final CallJournal journal;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final Object signal = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean failing;

    /** Starts the writer thread over {@code journal}, writing first what an earlier run left in it. */
    public CallRecordWriter(DataSource dataSource, PhoneNumbers phoneNumbers, CallJournal journal,
                            Duration firstBackoff, Duration maxBackoff) {
        this.rows = new CallRows(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), phoneNumbers);
        this.journal = journal;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        if (journal.pending() > 0) {
            log.info("call-record journal holds {} records not yet in the database: writing them first",
                    journal.pending());
        }
        this.thread = new Thread(this::run, "call-record-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Appends a call record or wrap-up to the journal without waiting for the database; false (logged) when full. */
    public boolean offer(Object item) {
        if (journal.append(JournalCodec.encode(item))) {
            synchronized (signal) {
                signal.notifyAll();
            }
            return true;
        }
        if (lost.incrementAndGet() % 1000 == 1) {
            log.error("call-record journal full or failing ({} bytes on disk): dropped {} so far, latest {}",
                    journal.bytesOnDisk(), lost.get(), item);
        }
        return false;
    }

    /** Rows written so far. */
    public long written() {
        return written.get();
    }

    /** Items given up so far (journal full, or a row PostgreSQL refused for its content). */
    public long lost() {
        return lost.get();
    }

    /** Items in the journal waiting to be written. */
    public int pending() {
        return (int) Math.min(Integer.MAX_VALUE, journal.pending());
    }

    /** Whether the last attempt to write failed (the database is down or refusing). */
    public boolean failing() {
        return failing;
    }

    /** Bytes the journal holds on disk. */
    public long journalBytes() {
        return journal.bytesOnDisk();
    }

    private void run() {
        CallJournal.Position cursor = journal.committed();
        int uncommitted = 0;
        long lastForce = 0;
        long lastCommit = System.nanoTime();
        long lastWrite = 0;
        while (running || journal.pending() > 0) {
            try {
                List<CallJournal.Entry> entries = journal.read(cursor, BATCH);
                if (entries.isEmpty()) {
                    if (uncommitted > 0) {
                        journal.commit(cursor, uncommitted);
                        uncommitted = 0;
                        lastCommit = System.nanoTime();
                        continue;
                    }
                    synchronized (signal) {
                        signal.wait(200);
                    }
                    continue;
                }
                long sinceWrite = System.nanoTime() - lastWrite;
                if (running && entries.size() < BATCH && sinceWrite < LINGER_NANOS) {
                    // gather the calls ending meanwhile: one transaction (one WAL flush) for many instead of one each
                    LockSupport.parkNanos(LINGER_NANOS - sinceWrite);
                    continue;
                }
                if (System.nanoTime() - lastForce > 200_000_000L) {
                    // a process crash loses nothing appended; forcing bounds what a power cut can take to 200 ms
                    journal.force();
                    lastForce = System.nanoTime();
                }
                List<Object> batch = decode(entries);
                lastWrite = System.nanoTime();
                writeUntilStored(batch);
                cursor = entries.get(entries.size() - 1).end();
                uncommitted += entries.size();
                if (System.nanoTime() - lastCommit > COMMIT_NANOS) {
                    // the checkpoint's fsync and rename at most once a second under load (it was one per batch, 35 a
                    // second, and their journal commits stalled the AMI thread's appends); rows written again after a
                    // crash are upserts
                    journal.commit(cursor, uncommitted);
                    uncommitted = 0;
                    lastCommit = System.nanoTime();
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException ex) {
                // the journal itself failed (disk): keep the cursor, try again shortly
                log.error("call-record journal failed: {}", ex.toString(), ex);
                try {
                    Thread.sleep(maxBackoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private List<Object> decode(List<CallJournal.Entry> entries) {
        List<Object> batch = new ArrayList<>(entries.size());
        for (CallJournal.Entry e : entries) {
            try {
                batch.add(JournalCodec.decode(e.payload()));
            } catch (IOException | RuntimeException ex) {
                lost.incrementAndGet();
                log.error("call-record journal entry unreadable, skipped: {}", ex.toString());
            }
        }
        return batch;
    }

    private void writeUntilStored(List<Object> batch) throws InterruptedException {
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                rows.write(batch);
                written.addAndGet(batch.size());
                if (failing) {
                    log.info("call records written again after {} failed attempts", attempt - 1);
                }
                failing = false;
                return;
            } catch (DataIntegrityViolationException ex) {
                // the database is up but refuses some row: write them one by one so one bad row holds nothing back
                writeOneByOne(batch);
                failing = false;
                return;
            } catch (RuntimeException ex) {
                failing = true;
                if (attempt == 1 || attempt % 20 == 0) {
                    log.warn("writing {} call records failed (attempt {}), kept in the journal, retrying every {} "
                            + "at most: {}", batch.size(), attempt, maxBackoff, ex.toString());
                }
                if (!running && attempt >= 3) {
                    // shutting down: what is not stored stays in the journal for the next start
                    throw new InterruptedException("stopped with " + journal.pending() + " records in the journal");
                }
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private void writeOneByOne(List<Object> batch) {
        for (Object item : batch) {
            try {
                rows.write(List.of(item));
                written.incrementAndGet();
            } catch (DataIntegrityViolationException ex) {
                lost.incrementAndGet();
                log.error("call record refused by the database, not written: {} ({})", item, ex.getMessage());
            }
        }
    }

    /** Writes what the journal holds (for up to 30 s; the rest waits in the journal), stops and closes it. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        thread.join(Duration.ofSeconds(30).toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(5).toMillis());
        }
        journal.close();
    }
}
