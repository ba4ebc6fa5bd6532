package org.hotline.cti.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hotline.cti.wallboard.QueueSample;
import org.hotline.cti.wallboard.QueueSample.Kind;
import org.junit.jupiter.api.Test;

/** The last-60-minutes window: its edges, its slide, and no break at midnight. */
class SlidingWindowTests {

    static final Duration T = Duration.ofSeconds(30);

    static QueueSample answered(Instant at) {
        return new QueueSample(Kind.ANSWERED, "hotline", "a", at, Duration.ofSeconds(5));
    }

    @Test
    void aSampleCountsUntilItIsAFullHourOld() {
        Instant t0 = Instant.parse("2026-11-23T02:00:00Z");
        SlidingWindow w = new SlidingWindow(Duration.ofMinutes(60));
        w.add(answered(t0), T);

        w.advance(t0.plusSeconds(3599));
        assertThat(w.totals().kpis().answered()).isEqualTo(1);

        w.advance(t0.plusSeconds(3600));
        assertThat(w.totals().kpis().answered()).isZero();
    }

    @Test
    void aSampleOlderThanTheWindowIsNotCounted() {
        Instant now = Instant.parse("2026-11-23T02:00:00Z");
        SlidingWindow w = new SlidingWindow(Duration.ofMinutes(60));
        w.advance(now);

        w.add(answered(now.minusSeconds(3600)), T);
        w.add(answered(now.minusSeconds(3599)), T);

        assertThat(w.totals().kpis().answered()).isEqualTo(1);
    }

    @Test
    void theWindowSlidesOneSecondAtATime() {
        Instant t0 = Instant.parse("2026-11-23T02:00:00Z");
        SlidingWindow w = new SlidingWindow(Duration.ofMinutes(60));
        for (int i = 0; i < 10; i++) {
            w.add(answered(t0.plusSeconds(i)), T);
        }

        w.advance(t0.plusSeconds(3600 + 3));

        assertThat(w.totals().kpis().answered()).isEqualTo(6);
    }

    @Test
    void midnightDoesNotEmptyTheWindow() {
        // 23:50 Beijing time (15:50 UTC) and 00:10 the next day: both are within the last hour at 00:15
        Instant before = Instant.parse("2026-11-23T15:50:00Z");
        Instant after = Instant.parse("2026-11-23T16:10:00Z");
        SlidingWindow w = new SlidingWindow(Duration.ofMinutes(60));
        w.add(answered(before), T);
        w.add(answered(after), T);

        w.advance(Instant.parse("2026-11-23T16:15:00Z"));

        assertThat(w.totals().kpis().answered()).isEqualTo(2);
    }

    @Test
    void theWindowNeverMovesBackwards() {
        Instant t0 = Instant.parse("2026-11-23T02:00:00Z");
        SlidingWindow w = new SlidingWindow(Duration.ofMinutes(60));
        w.add(answered(t0), T);
        w.advance(t0.plusSeconds(3600));

        w.advance(t0);
        w.add(answered(t0), T);

        assertThat(w.totals().kpis().answered()).isZero();
    }
}
