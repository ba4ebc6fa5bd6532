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
 * each committed on its own connection: the database's work for a batch dominates the import, and more than one
 * backend shares it.
 */
public final class ParallelWriters implements AutoCloseable {

    private final List<Connection> connections = new ArrayList<>();
    private final List<Map<String, ImportRow>> batches = new ArrayList<>();
    private final List<BatchWriter> writers = new ArrayList<>();
    private final ExecutorService pool;
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
        pool = n > 1 ? Executors.newFixedThreadPool(n - 1, r -> {
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

    /** Writes and commits every waiting batch, the first on this thread and the others on the pool's. */
    public void flush() throws SQLException {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 1; i < batches.size(); i++) {
            int n = i;
            if (!batches.get(n).isEmpty()) {
                running.add(pool.submit(() -> {
                    write(n);
                    return null;
                }));
            }
        }
        SQLException failure = null;
        try {
            write(0);
        } catch (SQLException e) {
            failure = e;
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof SQLException s ? s : new SQLException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while writing an import batch", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        size = 0;
    }

    private void write(int n) throws SQLException {
        if (n >= batches.size() || batches.get(n).isEmpty()) {
            return; // a dry run has no writers
        }
        Map<String, ImportRow> batch = batches.get(n);
        Connection c = connections.get(n);
        try {
            writers.get(n).write(c, batch.values());
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            batch.clear();
        }
    }

    @Override
    public void close() {
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
