package org.hotline.bench.screenpop;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU used by the server's JVM, by this harness's JVM and by the embedded PostgreSQL (postmaster and backends), the
 * server's GC pauses, and the machine's load average, sampled at the edges of the measured window.
 */
final class ProcessCpu {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ServerProcess server;
    private final ProcessHandle postmaster;

    /** Samples {@code server}, this JVM and the PostgreSQL server that owns {@code backendPid}. */
    ProcessCpu(ServerProcess server, long backendPid) {
        this.server = server;
        // pg_ctl daemonizes the server, so it is no child of the JVM: find it as the parent of one of its backends
        this.postmaster = ProcessHandle.of(backendPid).flatMap(ProcessHandle::parent).orElse(null);
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
