package org.hotline.bench.screenpop;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU used by this JVM and by the embedded PostgreSQL (postmaster and backends), GC time, and the
 * machine's load average, sampled at the edges of the measured window.
 */
final class ProcessCpu {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ProcessHandle postmaster;

    /** Samples this JVM and the PostgreSQL server that owns {@code backendPid} (its postmaster and every backend). */
    ProcessCpu(long backendPid) {
        // pg_ctl daemonizes the server, so it is no child of ours: find it as the parent of one of its backends
        this.postmaster = ProcessHandle.of(backendPid).flatMap(ProcessHandle::parent).orElse(null);
    }

    /** The one-minute load average of the machine (other builds included). */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Takes a sample now. */
    Sample sample() {
        long gcMillis = 0;
        long gcCount = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
            gcCount += Math.max(0, gc.getCollectionCount());
        }
        // backends that exited during the window are not counted; the pool keeps its connections open throughout
        long postgres = postmaster == null ? 0 : cpuNanos(postmaster) + postmaster.descendants()
                .mapToLong(ProcessCpu::cpuNanos).sum();
        return new Sample(System.nanoTime(), os.getProcessCpuTime(), postgres, gcMillis, gcCount, loadAverage());
    }

    private static long cpuNanos(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** CPU times in nanoseconds at one instant. */
    record Sample(long nanoTime, long jvmCpuNanos, long postgresCpuNanos, long gcMillis, long gcCount,
                  double loadAverage) {

        /** Cores this JVM kept busy on average between this sample and a later one. */
        double jvmCoresUntil(Sample later) {
            return (later.jvmCpuNanos - jvmCpuNanos) / (double) (later.nanoTime - nanoTime);
        }

        /** Cores PostgreSQL kept busy on average between this sample and a later one. */
        double postgresCoresUntil(Sample later) {
            return (later.postgresCpuNanos - postgresCpuNanos) / (double) (later.nanoTime - nanoTime);
        }
    }
}
