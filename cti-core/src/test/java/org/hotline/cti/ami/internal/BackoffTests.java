package org.hotline.cti.ami.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTests {

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.2);

    @Test
    void delayDoublesPerFailureUpToTheCap() {
        assertThat(backoff.delay(1, 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(2, 0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(backoff.delay(4, 0)).isEqualTo(Duration.ofMillis(4000));
        assertThat(backoff.delay(7, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(10_000, 0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterTakesOffAtMostItsShare() {
        assertThat(backoff.delay(1, 0.999_999)).isBetween(Duration.ofMillis(400), Duration.ofMillis(401));
        assertThat(backoff.delay(20, 0.5)).isEqualTo(Duration.ofSeconds(27));
    }

    @Test
    void invalidSettingsAreRejectedWithTheLimit() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
                .hasMessage("min: PT2S, max: PT1S (expected: 0 < min <= max)");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1))
                .hasMessage("jitter: 1.0 (expected: 0 <= jitter < 1)");
        assertThatThrownBy(() -> backoff.delay(0, 0)).hasMessage("failures: 0 (expected: >= 1)");
    }
}
