package org.hotline.cti.customerimport.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Splits the valid rows among {@code n} connections by customer number (so one customer's rows are always written by
 * the same connection and two transactions never upsert the same customer) and writes a round of batches at once,
 * each committed on its own connection, while the caller reads the next round: the database's work dominates the
 * import, and more than one backend shares it.
 */
public final class ParallelWriters implements AutoCloseable {

    private final List<Connection> connections = new ArrayList<>();
    private final List<Map<String, ImportRow>> batches = new ArrayList<>();
    private final List<BatchWriter> writers = new ArrayList<>();
    private final ExecutorService pool;
    private final List<Future<?>> inFlight = new ArrayList<>();
    private int size;

    /** {@code n} writers on connections of {@code dataSource}. */
    public ParallelWriters(DataSource dataSource, int n) throws SQLException {
        try {
            for (int i = 0; i < n; i++) {
                Connection c = dataSource.getConnection();
                connections.add(c);
                c.setAutoCommit(false);
                batches.add(new LinkedHashMap<>());
                writers.add(new BatchWriter());
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
        pool = n > 0 ? Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "customer-import-writer");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Adds a row to its customer's batch; a second row for the same account in one round replaces the first. */
    public void add(ImportRow row) {
        Map<String, ImportRow> batch = batches.get(Math.floorMod(row.customerNo().hashCode(), batches.size()));
        if (batch.put(row.accountNo(), row) == null) {
            size++;
        }
    }

    /** Rows waiting to be written. */
    public int size() {
        return size;
    }

    /**
     * Waits for the round in flight (throwing its failure), then hands the waiting batches to the pool, one thread per
     * connection, and returns at once: the caller reads and checks the next round while this one is written.
     */
    public void submit() throws SQLException {
        await();
        for (int i = 0; i < batches.size(); i++) {
            Map<String, ImportRow> batch = batches.get(i);
            if (!batch.isEmpty()) {
                batches.set(i, new LinkedHashMap<>());
                int n = i;
                inFlight.add(pool.submit(() -> {
                    write(n, batch);
                    return null;
                }));
            }
        }
        size = 0;
    }

    /** Waits until the round in flight is committed; throws the first failure of its batches. */
    public void await() throws SQLException {
        SQLException failure = null;
        try {
            for (Future<?> f : inFlight) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof SQLException s ? s : new SQLException(e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while writing an import batch", e);
        } finally {
            inFlight.clear();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void write(int n, Map<String, ImportRow> batch) throws SQLException {
        Connection c = connections.get(n);
        try {
            writers.get(n).write(c, batch.values());
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            await(); // a failed import still lets the round in flight finish before its connections close
        } catch (SQLException e) {
            // the failure that ended the import is already on its way up
        }
        if (pool != null) {
            pool.shutdownNow();
        }
        for (Connection c : connections) {
            try {
                c.setAutoCommit(true);
                c.close();
            } catch (SQLException e) {
                // closing: the pool discards a broken connection
            }
        }
    }
}
