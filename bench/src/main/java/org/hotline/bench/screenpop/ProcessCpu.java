package org.hotline.bench.screenpop;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * CPU used by the server's JVM, by this harness's JVM and by the embedded PostgreSQL (postmaster and backends), the
 * server's GC pauses, and the machine's load average, sampled at the edges of the measured window.
 */
final class ProcessCpu {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ServerProcess server;
    private final ProcessHandle postmaster;

    /** Samples {@code server}, this JVM and the PostgreSQL server {@code postmaster} (null: not counted). */
    ProcessCpu(ServerProcess server, ProcessHandle postmaster) {
        this.server = server;
        this.postmaster = postmaster;
    }

    /**
     * The PostgreSQL server behind {@code dataSource}: pg_ctl daemonizes it, so it is no child of the JVM; it is the
     * parent of a backend, looked up while that backend's connection is still open (a closed connection's backend
     * exits at once, and the runs that looked too late counted PostgreSQL as 0.00 cores).
     */
    static ProcessHandle postmaster(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return ProcessHandle.of(rs.getLong(1)).flatMap(ProcessHandle::parent).orElse(null);
        }
    }

    /** The one-minute load average of the machine (other builds included). */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Takes a sample now. */
    Sample sample() {
        long[] gc = server.gcPauses();
        // backends that exited during the window are not counted; the pool keeps its connections open throughout
        long postgres = postmaster == null ? 0 : cpuNanos(postmaster) + postmaster.descendants()
                .mapToLong(ProcessCpu::cpuNanos).sum();
        return new Sample(System.nanoTime(), cpuNanos(server.handle()), os.getProcessCpuTime(), postgres, gc[1], gc[0],
                loadAverage());
    }

    private static long cpuNanos(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** CPU times in nanoseconds at one instant. */
    record Sample(long nanoTime, long serverCpuNanos, long harnessCpuNanos, long postgresCpuNanos, long gcMillis,
                  long gcCount, double loadAverage) {

        /** Cores the server's JVM kept busy on average between this sample and a later one. */
        double serverCoresUntil(Sample later) {
            return (later.serverCpuNanos - serverCpuNanos) / (double) (later.nanoTime - nanoTime);
        }

        /** Cores this harness (PBX load and clients) kept busy between this sample and a later one. */
        double harnessCoresUntil(Sample later) {
            return (later.harnessCpuNanos - harnessCpuNanos) / (double) (later.nanoTime - nanoTime);
        }

        /** Cores PostgreSQL kept busy on average between this sample and a later one. */
        double postgresCoresUntil(Sample later) {
            return (later.postgresCpuNanos - postgresCpuNanos) / (double) (later.nanoTime - nanoTime);
        }
    }
}
