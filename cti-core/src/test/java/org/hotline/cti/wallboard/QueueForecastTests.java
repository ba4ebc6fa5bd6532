package org.hotline.cti.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueueForecastTests {

    @Test
    void callersAheadBeyondTheReadyAgentsAreServedByAllStaffedAgentsAtTheAverageHandleTime() {
        // 5 ahead + this caller, 1 ready: 5 to clear × 240 s ÷ 4 agents = 300 s
        QueueForecast f = new QueueForecast("hotline", 5, 1, 3, 240.0);
        assertThat(f.expectedWait()).contains(Duration.ofSeconds(300));
        assertThat(f.expectedMinutes()).contains(5);
    }

    @Test
    void aReadyAgentForEveryCallerMeansNoWaitButTheCallerIsToldAboutOneMinute() {
        QueueForecast f = new QueueForecast("hotline", 1, 2, 0, 200.0);
        assertThat(f.expectedWait()).contains(Duration.ZERO);
        assertThat(f.expectedMinutes()).contains(1);
    }

    @Test
    void partMinutesAreRoundedUp() {
        // 2 to clear × 100 s ÷ 3 = 66.7 s
        assertThat(new QueueForecast("q", 2, 1, 2, 100.0).expectedMinutes()).contains(2);
    }

    @Test
    void nothingIsPredictedWithoutAgentsLoggedInOrWithoutHistory() {
        assertThat(new QueueForecast("q", 3, 0, 0, 200.0).expectedWait()).isEmpty();
        assertThat(new QueueForecast("q", 3, 1, 1, null).expectedWait()).isEmpty();
        assertThat(new QueueForecast("q", 3, 1, 1, 0.0).expectedMinutes()).isEmpty();
        assertThat(QueueForecast.unknown("q").expectedWait()).isEmpty();
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new QueueForecast("q", -1, 0, 0, 1.0))
                .withMessageContaining("expected: >= 0");
    }
}
