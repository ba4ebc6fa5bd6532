package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // National Day 2026: 1–7 October off, Sunday 27 September and Saturday 10 October worked (调休)
    private static final BusinessCalendar CAL = new BusinessCalendar(SHANGHAI, LocalTime.of(8, 30), LocalTime.of(17, 30),
            Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-05"),
                    LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-07")),
            Set.of(LocalDate.parse("2026-09-27"), LocalDate.parse("2026-10-10")));

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void minutesAndHoursRunAroundTheClockAcrossWeekends() {
        assertThat(CAL.deadline(at("2026-11-27T23:50"), Limit.minutes(45))).isEqualTo(at("2026-11-28T00:35"));
        assertThat(CAL.deadline(at("2026-11-28T22:00"), Limit.parse("4h", "x"))).isEqualTo(at("2026-11-29T02:00"));
    }

    @Test
    void oneWorkingDayFromAFridayMorningEndsAtMondaysClose() {
        assertThat(CAL.deadline(at("2026-11-27T10:00"), Limit.workingDays(1))).isEqualTo(at("2026-11-30T17:30"));
    }

    @Test
    void anOrderAfterClosingTimeOrAtTheWeekendCountsFromTheNextWorkingDay() {
        assertThat(CAL.deadline(at("2026-11-27T18:00"), Limit.workingDays(1))).isEqualTo(at("2026-12-01T17:30"));
        assertThat(CAL.deadline(at("2026-11-28T10:00"), Limit.workingDays(1))).isEqualTo(at("2026-12-01T17:30"));
        assertThat(CAL.deadline(at("2026-11-30T07:00"), Limit.workingDays(1))).as("before opening counts that day")
                .isEqualTo(at("2026-12-01T17:30"));
    }

    @Test
    void holidaysAreSkippedAndMakeUpWeekendDaysAreWorked() {
        // received Wed 30 Sep; 1, 2 Oct holidays, 3-4 weekend, 5-7 holidays, Thu 8 = 1st, Fri 9 = 2nd, Sat 10 worked = 3rd
        assertThat(CAL.deadline(at("2026-09-30T09:00"), Limit.workingDays(3))).isEqualTo(at("2026-10-10T17:30"));
        assertThat(CAL.isWorkingDay(LocalDate.parse("2026-09-27"))).as("Sunday make-up day").isTrue();
        assertThat(CAL.isWorkingDay(LocalDate.parse("2026-10-05"))).as("Monday holiday").isFalse();
        // an order received on the make-up Sunday counts that Sunday as its day of receipt
        assertThat(CAL.deadline(at("2026-09-27T10:00"), Limit.workingDays(1))).isEqualTo(at("2026-09-28T17:30"));
    }

    @Test
    void theDeadlineIsInTheCalendarsZoneNotUtc() {
        // 2026-11-30T20:00Z is Tuesday 04:00 in Shanghai: before opening, so Tuesday is the day of receipt
        assertThat(CAL.deadline(Instant.parse("2026-11-30T20:00:00Z"), Limit.workingDays(1)))
                .isEqualTo(at("2026-12-02T17:30"));
    }

    @Test
    void aCalendarWithoutWorkingDaysIsRefused() {
        assertThatThrownBy(() -> new BusinessCalendar(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(17, 0),
                Set.of(DayOfWeek.values()), Set.of(), Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessCalendar(SHANGHAI, LocalTime.of(17, 0), LocalTime.of(9, 0),
                Set.of(), Set.of(), Set.of())).hasMessageContaining("workEnd");
    }
}
