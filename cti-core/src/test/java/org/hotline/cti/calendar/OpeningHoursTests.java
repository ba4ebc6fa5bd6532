package org.hotline.cti.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpeningHoursTests {

    // Monday 7 December 2026
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final OpeningHours OFFICE = new OpeningHours(LocalTime.of(8, 0), LocalTime.of(18, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    // 22:00 to 06:00 the next morning, Monday to Friday nights
    private static final OpeningHours NIGHTS = new OpeningHours(LocalTime.of(22, 0), LocalTime.of(6, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    private static LocalDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute);
    }

    private static Map<LocalDate, ServiceDay> none() {
        return Map.of();
    }

    @Test
    void officeHoursOpenAtTheOpeningMinuteAndCloseAtTheClosingMinute() {
        assertThat(OFFICE.isOpen(at(MONDAY, 7, 59), none())).isFalse();
        assertThat(OFFICE.isOpen(at(MONDAY, 8, 0), none())).isTrue();
        assertThat(OFFICE.isOpen(at(MONDAY, 17, 59), none())).isTrue();
        assertThat(OFFICE.isOpen(at(MONDAY, 18, 0), none())).isFalse();
    }

    @Test
    void aDayOffTheWeekIsClosed() {
        assertThat(OFFICE.isOpen(at(MONDAY.plusDays(5), 10, 0), none())).as("Saturday").isFalse();
        assertThat(OFFICE.isOpen(at(MONDAY.plusDays(4), 10, 0), none())).as("Friday").isTrue();
    }

    @Test
    void theDefaultIsOpenEveryMinuteOfEveryDay() {
        for (int d = 0; d < 7; d++) {
            assertThat(OpeningHours.ALWAYS.isOpen(at(MONDAY.plusDays(d), 0, 0), none())).isTrue();
            assertThat(OpeningHours.ALWAYS.isOpen(MONDAY.plusDays(d).atTime(LocalTime.MAX), none())).isTrue();
        }
    }

    @Test
    void aClosingTimePastMidnightBelongsToTheDayTheServiceStarted() {
        assertThat(NIGHTS.isOpen(at(MONDAY, 21, 59), none())).isFalse();
        assertThat(NIGHTS.isOpen(at(MONDAY, 22, 0), none())).isTrue();
        assertThat(NIGHTS.isOpen(at(MONDAY.plusDays(1), 5, 59), none())).as("Tuesday early: Monday's night").isTrue();
        assertThat(NIGHTS.isOpen(at(MONDAY.plusDays(1), 6, 0), none())).isFalse();
        // Friday night runs into Saturday morning; Saturday night is off
        assertThat(NIGHTS.isOpen(at(MONDAY.plusDays(5), 3, 0), none())).isTrue();
        assertThat(NIGHTS.isOpen(at(MONDAY.plusDays(5), 23, 0), none())).isFalse();
        // Monday early morning would be Sunday's night: off
        assertThat(NIGHTS.isOpen(at(MONDAY, 3, 0), none())).isFalse();
    }

    @Test
    void aHolidayClosesItsOwnDayButNotTheNightThatStartedBefore() {
        Map<LocalDate, ServiceDay> tuesdayOff = Map.of(MONDAY.plusDays(1),
                new ServiceDay(MONDAY.plusDays(1), ServiceDayKind.HOLIDAY, "假日", null, null));
        assertThat(NIGHTS.isOpen(at(MONDAY.plusDays(1), 3, 0), tuesdayOff)).isTrue();
        assertThat(NIGHTS.isOpen(at(MONDAY.plusDays(1), 23, 0), tuesdayOff)).isFalse();
        assertThat(OpeningHours.ALWAYS.isOpen(at(MONDAY.plusDays(1), 12, 0), tuesdayOff)).isFalse();
    }

    @Test
    void aMakeUpWorkingDayOpensWithTheWeeklyHours() {
        LocalDate sunday = MONDAY.minusDays(1);
        Map<LocalDate, ServiceDay> workday = Map.of(sunday, new ServiceDay(sunday, ServiceDayKind.WORKDAY, "调休", null,
                null));
        assertThat(OFFICE.isOpen(at(sunday, 9, 0), workday)).isTrue();
        assertThat(OFFICE.isOpen(at(sunday, 19, 0), workday)).isFalse();
        assertThat(OFFICE.isOpen(at(sunday, 9, 0), none())).isFalse();
    }

    @Test
    void specialHoursReplaceTheDaysHoursAndMayRunPastMidnight() {
        Map<LocalDate, ServiceDay> eve = Map.of(MONDAY, new ServiceDay(MONDAY, ServiceDayKind.SPECIAL_HOURS, "除夕",
                LocalTime.of(20, 0), LocalTime.of(2, 0)));
        assertThat(OFFICE.isOpen(at(MONDAY, 10, 0), eve)).isFalse();
        assertThat(OFFICE.isOpen(at(MONDAY, 20, 0), eve)).isTrue();
        assertThat(OFFICE.isOpen(at(MONDAY.plusDays(1), 1, 59), eve)).isTrue();
        assertThat(OFFICE.isOpen(at(MONDAY.plusDays(1), 2, 0), eve)).isFalse();
        assertThat(OFFICE.isOpen(at(MONDAY.plusDays(1), 8, 0), eve)).as("Tuesday's own hours").isTrue();
    }

    @Test
    void badDaysAreRefusedWithTheFieldAndWhatIsExpected() {
        assertThatThrownBy(() -> new ServiceDay(MONDAY, ServiceDayKind.HOLIDAY, " ", null, null))
                .hasMessageStartingWith("name: ''");
        assertThatThrownBy(() -> new ServiceDay(MONDAY, ServiceDayKind.HOLIDAY, "x", LocalTime.NOON, null))
                .hasMessageContaining("times are only for special-hours");
        assertThatThrownBy(() -> new ServiceDay(MONDAY, ServiceDayKind.SPECIAL_HOURS, "x", LocalTime.NOON, null))
                .hasMessageStartingWith("opensAt, closesAt:");
        assertThatThrownBy(() -> new ServiceDay(MONDAY, ServiceDayKind.SPECIAL_HOURS, "x", LocalTime.NOON,
                LocalTime.NOON)).hasMessageStartingWith("closesAt: 12:00");
        assertThatThrownBy(() -> new ServiceDay(LocalDate.of(1999, 1, 1), ServiceDayKind.HOLIDAY, "x", null, null))
                .hasMessageStartingWith("date: 1999-01-01");
        assertThatThrownBy(() -> ServiceDayKind.ofCode("closed")).hasMessage(
                "kind: 'closed' (expected: holiday, workday or special-hours)");
        assertThatThrownBy(() -> new OpeningHours(LocalTime.NOON, LocalTime.MIDNIGHT, Set.of()))
                .hasMessageStartingWith("days:");
    }
}
