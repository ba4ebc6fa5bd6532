package org.hotline.cti.ami.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hotline.cti.ami.AmiConnectionState;
import org.hotline.cti.ami.AmiStats;

/** Publishes an AMI connection's lag and counters as Micrometer meters named {@code hotline.ami.*}. */
public final class AmiMetrics {

    private AmiMetrics() {
    }

    /** Registers the meters; they read {@code stats} and {@code state} whenever they are scraped. */
    public static void register(MeterRegistry registry, Supplier<AmiStats> stats,
            Supplier<AmiConnectionState> state) {
        Gauge.builder("hotline.ami.queued.frames", stats, s -> s.get().queuedFrames())
                .description("AMI frames received but not yet delivered to the listener").register(registry);
        TimeGauge.builder("hotline.ami.oldest.queued.age", stats, TimeUnit.NANOSECONDS,
                        s -> s.get().oldestQueuedAge().toNanos())
                .description("How long the oldest undelivered AMI frame has waited").register(registry);
        FunctionCounter.builder("hotline.ami.frames.received", stats, s -> s.get().framesReceived())
                .description("AMI frames decoded").register(registry);
        FunctionCounter.builder("hotline.ami.bad.input", stats, s -> s.get().badInput())
                .description("AMI lines, fields or frames skipped as malformed").register(registry);
        FunctionCounter.builder("hotline.ami.listener.errors", stats, s -> s.get().listenerErrors())
                .description("Exceptions thrown by the AMI listener").register(registry);
        FunctionCounter.builder("hotline.ami.logins", stats, s -> s.get().logins())
                .description("Successful AMI logins (reconnects + 1)").register(registry);
        Gauge.builder("hotline.ami.connected", state, s -> s.get().isLoggedIn() ? 1 : 0)
                .description("1 while the AMI connection is logged in").register(registry);
    }
}
