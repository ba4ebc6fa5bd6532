package org.hotline.cti.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hotline.cti.wallboard.QueueSample;
import org.hotline.cti.wallboard.QueueSample.Kind;
import org.junit.jupiter.api.Test;

/** "Today" starts at midnight in the configured zone, not in UTC. */
class DayCounterTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Duration T = Duration.ofSeconds(30);

    static QueueSample answered(String at) {
        return new QueueSample(Kind.ANSWERED, "hotline", "a", Instant.parse(at), Duration.ofSeconds(5));
    }

    @Test
    void localMidnightStartsANewDay() {
        DayCounter day = new DayCounter(SHANGHAI);
        day.add(answered("2026-11-23T15:59:59Z"), T); // 23:59:59 Beijing
        assertThat(day.totals().kpis().answered()).isEqualTo(1);

        day.add(answered("2026-11-23T16:00:00Z"), T); // 00:00:00 next day

        assertThat(day.day()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(day.totals().kpis().answered()).isEqualTo(1);
    }

    @Test
    void utcMidnightIsNotADayBreakInShanghai() {
        DayCounter day = new DayCounter(SHANGHAI);
        day.add(answered("2026-11-22T23:59:00Z"), T); // 07:59 Beijing
        day.add(answered("2026-11-23T00:01:00Z"), T); // 08:01 Beijing

        assertThat(day.totals().kpis().answered()).isEqualTo(2);
    }

    @Test
    void advancingPastMidnightWithoutSamplesEmptiesToday() {
        DayCounter day = new DayCounter(SHANGHAI);
        day.add(answered("2026-11-23T10:00:00Z"), T);

        day.advance(Instant.parse("2026-11-23T16:00:01Z"));

        assertThat(day.totals().kpis().answered()).isZero();
    }

    @Test
    void aSampleOfAnEarlierDayIsIgnored() {
        DayCounter day = new DayCounter(SHANGHAI);
        day.advance(Instant.parse("2026-11-23T16:30:00Z"));

        day.add(answered("2026-11-23T15:30:00Z"), T);

        assertThat(day.totals().kpis().answered()).isZero();
    }
}
