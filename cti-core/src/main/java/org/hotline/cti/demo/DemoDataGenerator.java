package org.hotline.cti.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.demo.internal.BulkLoad;
import org.hotline.cti.demo.internal.CustomerRows;
import org.hotline.cti.demo.internal.DemoOutages;
import org.hotline.cti.demo.internal.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a migrated database with realistic synthetic data for demos and benchmarks: the demo users and queues
 * ({@link DemoUsers}), a supply network with repair centres and area contacts, two demo outages, and {@code N}
 * customers with addresses, accounts, meters, phones, arrears, contacts and work orders, the first of them carrying
 * the numbers of the captured callers. Deterministic for a seed and reference time; loads with PostgreSQL COPY in one
 * transaction; running it again only adds what is missing (customers are numbered {@code D000000001}…, and the next
 * run continues after the highest one).
 */
public final class DemoDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);
    private static final int CHUNK = 20_000;

    /** What a run did. */
    public record Summary(int customersBefore, int customersAdded, Duration took) {
    }

    /** Generates up to {@code customers} demo customers with the reference time "now" (start of this UTC minute). */
    public Summary generate(DataSource dataSource, int customers, long seed) {
        return generate(dataSource, customers, seed, Instant.now(Clock.systemUTC()).truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    }

    /**
     * Ensures demo customers {@code 1..customers} exist, generating those missing with the given seed; {@code now}
     * anchors every generated date (contacts, arrears, orders), so equal arguments give equal data.
     */
    public Summary generate(DataSource dataSource, int customers, long seed, Instant now) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(now, "now");
        if (customers < 0) {
            throw new IllegalArgumentException("customers: " + customers + " (expected: >= 0)");
        }
        long started = System.nanoTime();
        long[] agentIds = DemoUsers.ensure(dataSource, new AgentDirectory(dataSource));
        // its own connection and transaction: a bulk load must not join (or commit) a caller's transaction
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int before = load(c, customers, seed, now, agentIds);
                DemoOutages.save(c, now);
                c.commit();
                if (before < customers) {
                    analyze(c);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                log.info("demo data: {} customers existed, {} added in {} ms", before, Math.max(0, customers - before),
                        took.toMillis());
                return new Summary(before, Math.max(0, customers - before), took);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("demo data generation failed: " + e.getMessage(), e);
        }
    }

    private static int load(Connection c, int customers, long seed, Instant now, long[] agentIds) throws SQLException {
        try (Statement s = c.createStatement()) {
            // one generator at a time: a second concurrent run waits and then finds the customers present
            s.execute("select pg_advisory_xact_lock(4359800001)");
        }
        int before = existingDemoCustomers(c);
        if (before >= customers) {
            return before;
        }
        Topology topology = new Topology(customers);
        topology.save(c);
        List<String> tables = CustomerRows.TABLES;
        BulkLoad.truncateIfEmpty(c, tables);
        BulkLoad bulk = BulkLoad.start(c, tables);
        CustomerRows rows = new CustomerRows(seed, now, topology, agentIds, new CustomerRows.Ids(maxIds(c, tables)));
        long copyStarted = System.nanoTime();
        pipeline(c, rows, before, customers);
        long restoreStarted = System.nanoTime();
        bulk.finish(c);
        BulkLoad.advanceSequences(c, tables.subList(0, tables.size() - 1));
        log.debug("demo data: copy {} ms, indexes and foreign keys {} ms", (restoreStarted - copyStarted) / 1_000_000,
                (System.nanoTime() - restoreStarted) / 1_000_000);
        return before;
    }

    /** Generates batches on a second thread while this one sends the previous batch: both cores stay busy. */
    private static void pipeline(Connection c, CustomerRows rows, int from, int to) throws SQLException {
        BlockingQueue<CustomerRows.Batch> queue = new ArrayBlockingQueue<>(2);
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "demo-data-writer");
            t.setDaemon(true);
            return t;
        });
        Future<?> producing = writer.submit(() -> {
            for (int start = from; start < to; start += CHUNK) {
                int end = Math.min(to, start + CHUNK);
                for (int i = start; i < end; i++) {
                    rows.write(i);
                }
                queue.put(rows.take());
            }
            return null;
        });
        try {
            int batches = (to - from + CHUNK - 1) / CHUNK;
            for (int sent = 0; sent < batches; ) {
                CustomerRows.Batch batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    batch.flush(c);
                    sent++;
                } else if (producing.isDone()) {
                    producing.get(); // rethrows the writer's failure; a clean finish leaves batches in the queue
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating demo data", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("demo data writer failed: " + e.getCause(), e.getCause());
        } finally {
            producing.cancel(true);
            writer.shutdownNow();
        }
    }

    private static int existingDemoCustomers(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select max(customer_no) from customers where customer_no between 'D000000000' and 'D999999999'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            String max = rs.getString(1);
            return max == null ? 0 : Integer.parseInt(max.substring(1));
        }
    }

    private static long[] maxIds(Connection c, List<String> tables) throws SQLException {
        List<Long> maxima = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String t : tables.subList(0, tables.size() - 1)) {
                try (ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from " + t)) {
                    rs.next();
                    maxima.add(rs.getLong(1));
                }
            }
        }
        return maxima.stream().mapToLong(Long::longValue).toArray();
    }

    private static void analyze(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            // fresh statistics so the planner picks the lookup indexes right after a bulk load
            s.execute("analyze " + String.join(", ", CustomerRows.TABLES));
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Runs the generator from the command line after migrating the schema: {@code --jdbc-url URL [--user U]
     * [--password P] [--customers N (default 10000)] [--seed S (default 42)]}.
     */
    public static void main(String[] args) {
        DemoCommand.run(args);
    }
}
