package org.hotline.cti.screenpop.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.screenpop.ScreenPops;

/** The screen-pop meters ({@code hotline.pop.*}) and where a ring's arrival time is read from. */
public final class PopTiming {

    /** Name of the latency timer: AgentCalled read off the AMI socket → pop handed to the push bus. */
    public static final String LATENCY = "hotline.pop.latency";

    private PopTiming() {
    }

    /**
     * The arrival time of the AMI frame being delivered, from the connection {@code ami} gives on first use (it is
     * built after the screen-pop service, whose events it ends up delivering); 0 without an AMI connection.
     */
    public static LongSupplier amiArrival(Supplier<AmiConnection> ami) {
        return new LongSupplier() {
            private volatile AmiConnection connection;
            private volatile boolean looked;

            @Override
            public long getAsLong() {
                if (!looked) {
                    connection = ami.get();
                    looked = true;
                }
                AmiConnection c = connection;
                return c == null ? 0 : c.deliveringSince();
            }
        };
    }

    /** Records ring-to-pop latencies in {@code registry} as a histogram with fixed buckets (5 ms … 5 s). */
    public static LongConsumer latency(MeterRegistry registry) {
        Timer timer = Timer.builder(LATENCY)
                .description("From an AgentCalled read off the AMI socket to the ringing pop handed to the push bus")
                .serviceLevelObjectives(ms(5), ms(10), ms(20), ms(50), ms(100), ms(200), ms(500), ms(1000),
                        ms(2000), ms(5000))
                .register(registry);
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The service's counters: pops published, rings of interfaces no account has, failed customer lookups. */
    public static MeterBinder counters(ScreenPops pops) {
        return registry -> {
            FunctionCounter.builder("hotline.pop.published", pops, p -> p.stats().popsPublished())
                    .description("Pop versions handed to the push bus").register(registry);
            FunctionCounter.builder("hotline.pop.unmapped.interfaces", pops, p -> p.stats().unmappedInterfaces())
                    .description("Rings of interfaces that no enabled account has (no pop)").register(registry);
            FunctionCounter.builder("hotline.pop.lookup.failures", pops, p -> p.stats().lookupFailures())
                    .description("Customer lookups that failed (the pop went out without a card)").register(registry);
        };
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
