package org.hotline.workorder.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.hotline.cti.metrics.CachedReading;

/**
 * The durable timers' meters: {@code hotline.workorder.timer.lateness} (fire time minus due time, a histogram) and
 * {@code hotline.workorder.timers.overdue} (due, not fired yet; counted at most every {@link #MAX_AGE}).
 */
public final class TimerMeters implements MeterBinder {

    /** How long one overdue count is reused, so scrapes cost at most one (indexed) query per period. */
    public static final Duration MAX_AGE = CachedReading.MAX_AGE;

    private final AlarmScheduler scheduler;
    private final CachedReading<Long> overdue;

    /** Meters of {@code scheduler}. */
    public TimerMeters(AlarmScheduler scheduler) {
        this.scheduler = scheduler;
        this.overdue = new CachedReading<>("overdue work-order timers", scheduler::dueUnfired, MAX_AGE);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Timer lateness = Timer.builder("hotline.workorder.timer.lateness")
                .description("How late each work-order timer fired: fire time minus due time")
                .serviceLevelObjectives(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                        Duration.ofMinutes(1), Duration.ofMinutes(5))
                .register(registry);
        scheduler.reportLatenessTo(late -> lateness.record(late.isNegative() ? Duration.ZERO : late));
        // a strong reference: nothing else holds this binder, and a gauge's weakly held state reads NaN once collected
        Gauge.builder("hotline.workorder.timers.overdue", this, TimerMeters::overdue).strongReference(true)
                .description("Work-order timers due but not fired yet").register(registry);
    }

    private double overdue() {
        Long n = overdue.get();
        return n == null ? Double.NaN : n;
    }
}
