package org.hotline.cti.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaitingHistoryTests {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    private final WaitingHistory history = new WaitingHistory(Duration.ofMinutes(30), Duration.ofSeconds(10));

    @Test
    void keepsOneSampleAStepAndForgetsWhatIsOlderThanTheSpan() {
        for (int s = 0; s <= 40 * 60; s++) {
            history.offer(T0.plusSeconds(s), Map.of("hotline", s % 7));
        }
        assertThat(history.points()).hasSize(181);
        assertThat(history.points().get(0).at()).isEqualTo(T0.plusSeconds(10 * 60));
        assertThat(history.points().get(180).at()).isEqualTo(T0.plusSeconds(40 * 60));
        assertThat(history.points().get(1).waiting()).containsEntry("hotline", (10 * 60 + 10) % 7);
    }

    @Test
    void aSampleWithinTheStepIsDropped() {
        history.offer(T0, Map.of("gas", 1));
        history.offer(T0.plusSeconds(9), Map.of("gas", 5));
        assertThat(history.points()).singleElement().satisfies(p -> assertThat(p.waiting()).containsEntry("gas", 1));
    }
}
