package org.hotline.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutboxMetersTests {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final AtomicInteger queries = new AtomicInteger();

    @Test
    void oneQueryAnswersEveryGaugeOfAScrape() {
        new OutboxMeters(() -> {
            queries.incrementAndGet();
            return new OutboxBacklog(7, 2, 30, 4);
        }, Duration.ofHours(1)).bindTo(registry);

        assertThat(gauge("hotline.sms.queued")).isEqualTo(7);
        assertThat(gauge("hotline.sms.in.doubt")).isEqualTo(2);
        assertThat(gauge("hotline.sms.awaiting.receipt")).isEqualTo(30);
        assertThat(gauge("hotline.sms.receipts.unmatched")).isEqualTo(4);
        assertThat(gauge("hotline.sms.queued")).isEqualTo(7);
        assertThat(queries).hasValue(1);
    }

    @Test
    void anOlderCountIsQueriedAgain() {
        new OutboxMeters(() -> new OutboxBacklog(queries.incrementAndGet(), 0, 0, 0), Duration.ZERO).bindTo(registry);

        assertThat(gauge("hotline.sms.queued")).isEqualTo(1);
        assertThat(gauge("hotline.sms.queued")).isEqualTo(2);
    }

    @Test
    void aDatabaseThatDoesNotAnswerShowsAsNaNNotAsAnException() {
        new OutboxMeters(() -> {
            throw new IllegalStateException("connection refused");
        }, Duration.ZERO).bindTo(registry);

        assertThat(gauge("hotline.sms.in.doubt")).isNaN();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
