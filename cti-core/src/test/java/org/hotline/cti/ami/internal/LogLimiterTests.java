package org.hotline.cti.ami.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogLimiterTests {

    @Test
    void letsABurstThroughPerWindowAndReportsWhatItSkipped() {
        LogLimiter limiter = new LogLimiter(1000, 2);
        long t = 5_000_000_000L;
        assertThat(limiter.tryAcquire(t)).isZero();
        assertThat(limiter.tryAcquire(t + 1)).isZero();
        assertThat(limiter.tryAcquire(t + 2)).isEqualTo(-1);
        assertThat(limiter.tryAcquire(t + 3)).isEqualTo(-1);
        assertThat(limiter.tryAcquire(t + 1_000_000_000L)).isEqualTo(2);
        assertThat(limiter.tryAcquire(t + 1_000_000_001L)).isZero();
    }
}
