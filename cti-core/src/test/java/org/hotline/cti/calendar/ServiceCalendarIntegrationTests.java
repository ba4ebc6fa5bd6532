package org.hotline.cti.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service calendar's tables: days added, replaced, listed by year and removed; the weekly hours stored, replaced
 * and laid over the settings' week; the tables refuse bad rows too.
 */
class ServiceCalendarIntegrationTests {

    private static HikariDataSource pool;
    private static ServiceCalendar calendar;

    @BeforeAll
    static void start() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        calendar = new ServiceCalendar(pool);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void aDayIsAddedThenReplacedListedInItsYearAndRemoved() {
        LocalDate day = LocalDate.of(2027, 2, 6);
        assertThat(calendar.put(new ServiceDay(day, ServiceDayKind.HOLIDAY, "春节", null, null), "admin")).isTrue();
        assertThat(calendar.put(new ServiceDay(day, ServiceDayKind.SPECIAL_HOURS, "春节值班", LocalTime.of(9, 0),
                LocalTime.of(1, 0)), "admin2")).as("replaced, not added").isFalse();
        calendar.put(new ServiceDay(LocalDate.of(2027, 12, 31), ServiceDayKind.WORKDAY, "调休", null, null), "admin");
        calendar.put(new ServiceDay(LocalDate.of(2028, 1, 1), ServiceDayKind.HOLIDAY, "元旦", null, null), "admin");

        assertThat(calendar.inYear(2027)).extracting(ServiceDay::date)
                .containsExactly(day, LocalDate.of(2027, 12, 31));
        assertThat(calendar.find(day)).contains(new ServiceDay(day, ServiceDayKind.SPECIAL_HOURS, "春节值班",
                LocalTime.of(9, 0), LocalTime.of(1, 0)));
        assertThat(new JdbcTemplate(pool).queryForObject("select updated_by from service_calendar_days where day = ?",
                String.class, day)).isEqualTo("admin2");
        assertThat(calendar.between(LocalDate.of(2027, 12, 31), LocalDate.of(2028, 1, 1))).hasSize(2);

        assertThat(calendar.delete(day)).map(ServiceDay::name).contains("春节值班");
        assertThat(calendar.delete(day)).isEmpty();
        assertThat(calendar.find(day)).isEmpty();
        assertThatThrownBy(() -> calendar.inYear(1999)).hasMessage("year: 1999 (expected: 2000 to 2100)");
    }

    @Test
    void aStoredWeekReplacesTheSettingsHoursAndASecondWeekReplacesTheFirst() {
        assertThat(calendar.weeklyHours()).as("nothing stored: the settings apply").isEmpty();
        assertThat(calendar.openingHours(OpeningHours.ALWAYS)).isSameAs(OpeningHours.ALWAYS);

        List<WeekdayHours> water = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            water.add(d == DayOfWeek.SUNDAY ? WeekdayHours.closed(d) : d == DayOfWeek.SATURDAY
                    ? WeekdayHours.open(d, LocalTime.of(9, 0), LocalTime.of(12, 0))
                    : WeekdayHours.open(d, LocalTime.of(8, 30), LocalTime.of(17, 30)));
        }
        calendar.putWeeklyHours(water, "admin");
        WeeklyHours stored = calendar.weeklyHours().orElseThrow();
        assertThat(stored.days()).containsExactlyElementsOf(water);
        assertThat(stored.updatedBy()).isEqualTo("admin");
        assertThat(calendar.openingHours(OpeningHours.ALWAYS).days()).containsExactlyElementsOf(water);

        List<WeekdayHours> nights = new ArrayList<>(water);
        nights.set(0, WeekdayHours.open(DayOfWeek.MONDAY, LocalTime.of(22, 0), LocalTime.of(6, 0)));
        calendar.putWeeklyHours(nights, "admin2");
        assertThat(calendar.weeklyHours().orElseThrow().days()).containsExactlyElementsOf(nights);
        assertThat(calendar.weeklyHours().orElseThrow().updatedBy()).isEqualTo("admin2");

        // a day without a row (removed by hand) keeps the settings' hours
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        jdbc.update("delete from weekly_opening_hours where day_of_week = 7");
        assertThat(calendar.openingHours(OpeningHours.ALWAYS).on(DayOfWeek.SUNDAY))
                .isEqualTo(OpeningHours.ALWAYS.on(DayOfWeek.SUNDAY));
        assertThat(calendar.openingHours(OpeningHours.ALWAYS).on(DayOfWeek.SATURDAY).closesAt())
                .isEqualTo(LocalTime.of(12, 0));
        jdbc.update("delete from weekly_opening_hours");
    }

    @Test
    void aBadWeekIsRefusedAndNothingOfItIsStored() {
        List<WeekdayHours> closed = java.util.Arrays.stream(DayOfWeek.values()).map(WeekdayHours::closed).toList();
        assertThatThrownBy(() -> calendar.putWeeklyHours(closed, "admin")).hasMessageStartingWith("days: all closed");
        assertThatThrownBy(() -> calendar.putWeeklyHours(OpeningHours.ALWAYS.days().subList(1, 7), "admin"))
                .hasMessageStartingWith("days: [MONDAY] missing");
        assertThat(calendar.weeklyHours()).isEmpty();
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        assertThatThrownBy(() -> jdbc.update("insert into weekly_opening_hours (day_of_week, opens_at, updated_by) "
                + "values (1, '08:00', 'a')")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("insert into weekly_opening_hours (day_of_week, updated_by) values (8, "
                + "'a')")).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theTableRefusesTimesOnAHolidayAndSpecialHoursWithoutThem() {
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        assertThatThrownBy(() -> jdbc.update("insert into service_calendar_days (day, kind, name, opens_at, closes_at,"
                + " updated_by) values ('2027-05-01', 'holiday', 'x', '09:00', '10:00', 'a')"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("insert into service_calendar_days (day, kind, name, updated_by) values "
                + "('2027-05-02', 'special-hours', 'x', 'a')")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("insert into service_calendar_days (day, kind, name, updated_by) values "
                + "('2027-05-03', 'closed', 'x', 'a')")).isInstanceOf(DataIntegrityViolationException.class);
    }
}
