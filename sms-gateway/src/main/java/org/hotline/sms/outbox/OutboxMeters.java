package org.hotline.sms.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.hotline.cti.metrics.CachedReading;

/**
 * The outbox gauges ({@code hotline.sms.queued}, {@code .in.doubt}, {@code .awaiting.receipt},
 * {@code .receipts.unmatched}, {@code .held}, {@code .resent}, {@code .unknown}, {@code .no.route}); one query answers all and its
 * answer is kept {@link #MAX_AGE}, so a scrape (or several scrapers) costs at most one query per period. NaN while the database does not answer.
 */
public final class OutboxMeters implements MeterBinder {

    /** How long one count is reused: a scrape every 15 s or more often still queries at most this often. */
    public static final Duration MAX_AGE = CachedReading.MAX_AGE;

    private final CachedReading<OutboxBacklog> counts;

    /** Reads counts from {@code source} at most once every {@code maxAge}. */
    public OutboxMeters(Supplier<OutboxBacklog> source, Duration maxAge) {
        this.counts = new CachedReading<>("SMS outbox counts", source, maxAge);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "hotline.sms.queued", "SMS messages queued to send", OutboxBacklog::queued);
        gauge(registry, "hotline.sms.in.doubt", "SMS messages whose submit is in doubt, not yet settled",
                OutboxBacklog::inDoubt);
        gauge(registry, "hotline.sms.awaiting.receipt",
                "SMS messages accepted by the SMSC in the last 24 h without a delivery receipt yet",
                OutboxBacklog::awaitingReceipt);
        gauge(registry, "hotline.sms.receipts.unmatched", "Delivery receipts stored but not yet applied",
                OutboxBacklog::unmatchedReceipts);
        gauge(registry, "hotline.sms.held", "In-doubt SMS held for a person to resend or close (policy hold)",
                OutboxBacklog::held);
        gauge(registry, "hotline.sms.resent", "SMS sent again after their in-doubt window without evidence, ever",
                OutboxBacklog::resent);
        gauge(registry, "hotline.sms.unknown", "SMS that ended without a delivery receipt (receipt timeout)",
                OutboxBacklog::unknown);
        gauge(registry, "hotline.sms.no.route",
                "Queued SMS waiting because no bound SMSC account takes their number (ADR 0035)",
                OutboxBacklog::noRoute);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToLongFunction<OutboxBacklog> f) {
        Gauge.builder(name, this, m -> {
            OutboxBacklog b = m.current();
            return b == null ? Double.NaN : f.applyAsLong(b);
        }).strongReference(true).description(description).register(registry); // not NaN if this binder is let go
    }

    /** The counts, queried again when older than the period; null when the last query failed. */
    OutboxBacklog current() {
        return counts.get();
    }
}
