package org.hotline.cti.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
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

    // a water company's week: Monday to Friday 08:30–17:30, Saturday 09:00–12:00, Sunday closed
    private static final OpeningHours WATER = OpeningHours.of(List.of(
            WeekdayHours.open(DayOfWeek.MONDAY, LocalTime.of(8, 30), LocalTime.of(17, 30)),
            WeekdayHours.open(DayOfWeek.TUESDAY, LocalTime.of(8, 30), LocalTime.of(17, 30)),
            WeekdayHours.open(DayOfWeek.WEDNESDAY, LocalTime.of(8, 30), LocalTime.of(17, 30)),
            WeekdayHours.open(DayOfWeek.THURSDAY, LocalTime.of(8, 30), LocalTime.of(17, 30)),
            WeekdayHours.open(DayOfWeek.FRIDAY, LocalTime.of(8, 30), LocalTime.of(17, 30)),
            WeekdayHours.open(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
            WeekdayHours.closed(DayOfWeek.SUNDAY)));

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
    void eachDayOfTheWeekKeepsItsOwnHours() {
        LocalDate saturday = MONDAY.plusDays(5);
        LocalDate sunday = MONDAY.plusDays(6);
        assertThat(WATER.isOpen(at(MONDAY, 8, 29), none())).isFalse();
        assertThat(WATER.isOpen(at(MONDAY, 8, 30), none())).isTrue();
        assertThat(WATER.isOpen(at(MONDAY, 17, 29), none())).isTrue();
        assertThat(WATER.isOpen(at(MONDAY, 17, 30), none())).isFalse();
        assertThat(WATER.isOpen(at(saturday, 8, 59), none())).isFalse();
        assertThat(WATER.isOpen(at(saturday, 11, 59), none())).isTrue();
        assertThat(WATER.isOpen(at(saturday, 12, 0), none())).isFalse();
        assertThat(WATER.isOpen(at(sunday, 10, 0), none())).isFalse();
    }

    @Test
    void aMakeUpWorkingDayIsWorkedWithMondaysHoursEvenOnASaturdayWithShortHours() {
        LocalDate saturday = MONDAY.plusDays(5);
        LocalDate sunday = MONDAY.plusDays(6);
        Map<LocalDate, ServiceDay> madeUp = Map.of(
                saturday, new ServiceDay(saturday, ServiceDayKind.WORKDAY, "调休上班", null, null),
                sunday, new ServiceDay(sunday, ServiceDayKind.WORKDAY, "调休上班", null, null));
        assertThat(WATER.isOpen(at(saturday, 15, 0), madeUp)).as("Saturday worked as a weekday").isTrue();
        assertThat(WATER.isOpen(at(sunday, 8, 30), madeUp)).isTrue();
        assertThat(WATER.isOpen(at(sunday, 17, 30), madeUp)).isFalse();
        // Monday closed: the first open day after it gives the hours
        OpeningHours fromTuesday = WATER.with(List.of(WeekdayHours.closed(DayOfWeek.MONDAY),
                WeekdayHours.open(DayOfWeek.TUESDAY, LocalTime.of(7, 0), LocalTime.of(19, 0))));
        assertThat(fromTuesday.isOpen(at(sunday, 7, 0), madeUp)).isTrue();
        assertThat(fromTuesday.isOpen(at(sunday, 18, 59), madeUp)).isTrue();
        assertThat(fromTuesday.isOpen(at(MONDAY, 10, 0), none())).isFalse();
    }

    @Test
    void storedDaysReplaceOnlyTheirOwnDaysOfTheSettingsWeek() {
        OpeningHours merged = OpeningHours.ALWAYS.with(List.of(WeekdayHours.closed(DayOfWeek.SUNDAY),
                WeekdayHours.open(DayOfWeek.MONDAY, LocalTime.of(22, 0), LocalTime.of(6, 0))));
        assertThat(merged.on(DayOfWeek.SUNDAY).isOpen()).isFalse();
        assertThat(merged.on(DayOfWeek.MONDAY)).isEqualTo(WeekdayHours.open(DayOfWeek.MONDAY, LocalTime.of(22, 0),
                LocalTime.of(6, 0)));
        assertThat(merged.on(DayOfWeek.TUESDAY)).isEqualTo(OpeningHours.ALWAYS.on(DayOfWeek.TUESDAY));
        assertThat(merged.days()).extracting(WeekdayHours::day).containsExactly(DayOfWeek.values());
        assertThat(OpeningHours.ALWAYS.with(List.of())).isSameAs(OpeningHours.ALWAYS);
        // the settings' shape is the same hours on its days, closed on the others
        assertThat(OFFICE.on(DayOfWeek.SATURDAY)).isEqualTo(WeekdayHours.closed(DayOfWeek.SATURDAY));
        assertThat(OFFICE.on(DayOfWeek.FRIDAY).opensAt()).isEqualTo(LocalTime.of(8, 0));
    }

    @Test
    void aWeekMissingADayRepeatingOneOrNeverOpeningIsRefusedWithTheReason() {
        List<WeekdayHours> six = WATER.days().subList(0, 6);
        assertThatThrownBy(() -> OpeningHours.of(six)).hasMessageStartingWith("days: [SUNDAY] missing");
        List<WeekdayHours> twice = new java.util.ArrayList<>(six);
        twice.add(WeekdayHours.closed(DayOfWeek.MONDAY));
        assertThatThrownBy(() -> OpeningHours.of(twice)).hasMessageStartingWith("days: MONDAY twice");
        assertThatThrownBy(() -> OpeningHours.of(java.util.Arrays.stream(DayOfWeek.values())
                .map(WeekdayHours::closed).toList())).hasMessageStartingWith("days: all closed");
        assertThatThrownBy(() -> new WeekdayHours(DayOfWeek.MONDAY, LocalTime.NOON, null))
                .hasMessageStartingWith("MONDAY opensAt, closesAt: 12:00, null");
        assertThatThrownBy(() -> WeekdayHours.open(DayOfWeek.MONDAY, null, null))
                .hasMessageStartingWith("MONDAY opensAt, closesAt:");
        assertThatThrownBy(() -> new WeekdayHours(null, null, null)).hasMessageStartingWith("day: empty");
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
