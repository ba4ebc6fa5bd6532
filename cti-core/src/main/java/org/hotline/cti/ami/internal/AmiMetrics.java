package org.hotline.cti.ami.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.util.concurrent.TimeUnit;
import org.hotline.cti.ami.AmiConnection;

/** Publishes an AMI connection's lag and counters as Micrometer meters named {@code hotline.ami.*}. */
public final class AmiMetrics {

    private AmiMetrics() {
    }

    /**
     * Registers the meters; they read the connection's stats and state whenever they are scraped. The meters hold
     * the connection itself (kept alive by its owner): a registry holds its objects weakly, and a lambda held by
     * nothing else was collected, after which the meters read NaN and 0.
     */
    public static void register(MeterRegistry registry, AmiConnection connection) {
        Gauge.builder("hotline.ami.queued.frames", connection, c -> c.stats().queuedFrames())
                .description("AMI frames received but not yet delivered to the listener").register(registry);
        TimeGauge.builder("hotline.ami.oldest.queued.age", connection, TimeUnit.NANOSECONDS,
                        c -> c.stats().oldestQueuedAge().toNanos())
                .description("How long the oldest undelivered AMI frame has waited").register(registry);
        FunctionCounter.builder("hotline.ami.frames.received", connection, c -> c.stats().framesReceived())
                .description("AMI frames decoded").register(registry);
        FunctionCounter.builder("hotline.ami.bad.input", connection, c -> c.stats().badInput())
                .description("AMI lines, fields or frames skipped as malformed").register(registry);
        FunctionCounter.builder("hotline.ami.listener.errors", connection, c -> c.stats().listenerErrors())
                .description("Exceptions thrown by the AMI listener").register(registry);
        FunctionCounter.builder("hotline.ami.logins", connection, c -> c.stats().logins())
                .description("Successful AMI logins (reconnects + 1)").register(registry);
        Gauge.builder("hotline.ami.connected", connection, c -> c.state().isLoggedIn() ? 1 : 0)
                .description("1 while the AMI connection is logged in").register(registry);
    }
}
