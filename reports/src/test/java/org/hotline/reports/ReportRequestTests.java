package org.hotline.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report request's values: what is refused, with which reason, before any work is done. */
class ReportRequestTests {

    static final ReportsProperties DEFAULTS = ReportsProperties.defaults();

    @Test
    void theDefaultsGiveTheZoneTheRuleAndDays() {
        ReportRequest r = ReportRequest.parse("2026-12-01", "2026-12-07", null, null, null, null, DEFAULTS);

        assertThat(r.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(r.interval()).isEqualTo(ReportInterval.DAY);
        assertThat(r.rule()).isEqualTo(ServiceLevelRule.ANSWERED);
        assertThat(r.start()).hasToString("2026-11-30T16:00:00Z");
        assertThat(r.end()).hasToString("2026-12-07T16:00:00Z");
    }

    @Test
    void anotherTimeZoneIsTakenAndABadOneRefused() {
        assertThat(ReportRequest.parse("2026-12-01", "2026-12-01", "Europe/Berlin", "day", List.of(), null, DEFAULTS)
                .start()).hasToString("2026-11-30T23:00:00Z");
        assertThatThrownBy(() -> ReportRequest.parse("2026-12-01", "2026-12-01", "Mars/Olympus", "day", List.of(),
                null, DEFAULTS)).isInstanceOf(ReportRequestException.class).hasMessageContaining("zone: 'Mars/Olympus'");
    }

    @Test
    void badRangesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ReportRequest.parse("2026-12-07", "2026-12-01", null, null, null, null, DEFAULTS))
                .hasMessage("range: 2026-12-07 to 2026-12-01 (expected: from <= to)");
        assertThatThrownBy(() -> ReportRequest.parse("2010-01-01", "2026-12-01", null, "month", null, null, DEFAULTS))
                .hasMessageContaining("(expected: <= 3660)");
        assertThatThrownBy(() -> ReportRequest.parse("yesterday", "2026-12-01", null, null, null, null, DEFAULTS))
                .hasMessageContaining("from: 'yesterday'");
        assertThatThrownBy(() -> ReportRequest.parse(null, "2026-12-01", null, null, null, null, DEFAULTS))
                .hasMessageContaining("from: missing");
    }

    @Test
    void aRangeThatWouldGiveTooManyRowsAsksForALongerInterval() {
        assertThatThrownBy(() -> ReportRequest.parse("2025-01-01", "2026-12-01", null, "15m", null, null, DEFAULTS))
                .hasMessageContaining("of 15m (expected: <= 10000; choose a longer interval");
        assertThat(ReportRequest.parse("2017-01-01", "2026-12-01", null, "month", null, null, DEFAULTS).interval())
                .isEqualTo(ReportInterval.MONTH);
    }

    @Test
    void unknownIntervalsRulesAndQueueNamesAreRefused() {
        assertThatThrownBy(() -> ReportRequest.parse("2026-12-01", "2026-12-01", null, "fortnight", null, null,
                DEFAULTS)).hasMessageContaining("interval: 'fortnight'");
        assertThatThrownBy(() -> ReportRequest.parse("2026-12-01", "2026-12-01", null, null, null, "best", DEFAULTS))
                .hasMessageContaining("rule: 'best'");
        assertThatThrownBy(() -> ReportRequest.parse("2026-12-01", "2026-12-01", null, null, List.of("x".repeat(81)),
                null, DEFAULTS)).hasMessageContaining("queue:");
    }
}
