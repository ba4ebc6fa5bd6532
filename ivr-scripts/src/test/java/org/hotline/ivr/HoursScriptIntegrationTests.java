package org.hotline.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.ivr.FakeAsterisk.keys;
import static org.hotline.ivr.FakeAsterisk.silence;
import static org.hotline.ivr.IvrTestDatabase.ONE_ACCOUNT_NUMBER;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.hotline.cti.calendar.ServiceCalendar;
import org.hotline.cti.calendar.ServiceDay;
import org.hotline.cti.calendar.ServiceDayKind;
import org.hotline.cti.calendar.WeekdayHours;
import org.hotline.ivr.FakeAsterisk.Session;
import org.hotline.ivr.internal.FastAgiServer;
import org.hotline.ivr.scripts.HoursScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The hours script over FastAGI with office hours (Monday to Friday, 08:00–18:00 in Shanghai) and the service
 * calendar in the database: open, closed with and without the fault-report option, a holiday, a make-up working day,
 * special hours, the 24-hour default, and a week an administrator stored in place of the settings' hours.
 */
class HoursScriptIntegrationTests {

    // Monday 7 December 2026 (IvrTestDatabase.NOW is 10:00 in Shanghai)
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final LocalDate SATURDAY = LocalDate.of(2026, 12, 12);

    private static IvrTestDatabase db;
    private static IvrTestServer office;
    private static IvrTestServer always;
    private static ServiceCalendar calendar;

    @BeforeAll
    static void start() {
        db = new IvrTestDatabase();
        calendar = new ServiceCalendar(db.pool);
        office = new IvrTestServer(db, IvrProperties.defaults().withPort(0).withHours(new IvrProperties.Hours(
                LocalTime.of(8, 0), LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))));
        always = new IvrTestServer(db, IvrProperties.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        office.close();
        always.close();
        db.close();
    }

    @AfterEach
    void reset() {
        db.jdbc.update("delete from service_calendar_days");
        db.jdbc.update("delete from weekly_opening_hours");
        office.reports.clear();
        office.clock.set(IvrTestDatabase.NOW);
        always.clock.set(IvrTestDatabase.NOW);
    }

    // a moment in Shanghai, as the clock's instant
    private static void at(IvrTestServer server, LocalDate day, int hour, int minute) {
        server.clock.set(day.atTime(hour, minute).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    @Test
    void withinTheWeeklyHoursNothingIsSaidAndTheDialplanGoesOn() {
        Session s = office.asterisk().uniqueId("4.1").run("hours");
        assertThat(s.played()).isEmpty();
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("hours=open");
        assertThat(s.variable(IvrVariables.NEXT)).isNull();
        assertThat(db.lastRun("4.1")).containsEntry("script", "hours").containsEntry("outcome", "completed");
    }

    @Test
    void afterHoursTheCallerHearsTheMessageWithTheFaultOptionAndGoodbye() {
        at(office, MONDAY, 18, 0);
        Session s = office.asterisk().run("hours", silence(), silence());
        assertThat(s.played()).containsExactly(Prompt.AFTER_HOURS.file(), Prompt.AFTER_HOURS_FAULT.file(),
                Prompt.AFTER_HOURS.file(), Prompt.AFTER_HOURS_FAULT.file(), Prompt.GOODBYE.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("hours=closed");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_HANGUP);
        assertThat(office.reports).isEmpty();
    }

    @Test
    void afterHoursKey1RunsTheFaultReportInTheSameCall() {
        at(office, MONDAY, 7, 59);
        Session s = office.asterisk().caller(ONE_ACCOUNT_NUMBER).run("hours", keys("1"), keys("1"), keys("2"));
        assertThat(office.reports).singleElement().extracting(FaultReports.Report::kind)
                .isEqualTo(FaultReports.Kind.PARTIAL_OR_VOLTAGE);
        assertThat(s.played()).startsWith(Prompt.AFTER_HOURS.file(), Prompt.AFTER_HOURS_FAULT.file(),
                Prompt.FAULT_CONFIRM_ACCOUNT.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("hours=closed:fault>identify=number>fault=WO20261207-000123");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_HANGUP);
    }

    @Test
    void withoutTheFaultReportPortsTheClosedMessageOffersNothing() {
        at(office, SATURDAY, 10, 0);
        Session s = office.asterisk().run("hours-no-fault", keys("1"));
        assertThat(s.played()).containsExactly(Prompt.AFTER_HOURS.file(), Prompt.GOODBYE.file());
        assertThat(s.commands()).noneMatch(c -> c.startsWith("WAIT FOR DIGIT"));
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("hours=closed");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_HANGUP);
    }

    @Test
    void theHoursAreTheHotlinesInShanghaiNotUtc() {
        // 10:30 UTC is 18:30 in Shanghai: closed
        office.clock.set(Instant.parse("2026-12-07T10:30:00Z"));
        assertThat(office.asterisk().run("hours-no-fault").variable(IvrVariables.PATH)).isEqualTo("hours=closed");
        // 01:00 UTC is 09:00 in Shanghai: open
        office.clock.set(Instant.parse("2026-12-07T01:00:00Z"));
        assertThat(office.asterisk().run("hours-no-fault").variable(IvrVariables.PATH)).isEqualTo("hours=open");
    }

    @Test
    void aHolidayAddedToTheCalendarClosesTheLineFromTheNextCallAndItsRemovalReopensIt() {
        calendar.put(new ServiceDay(MONDAY, ServiceDayKind.HOLIDAY, "元旦（测试）", null, null), "admin");
        Session s = office.asterisk().run("hours-no-fault");
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("hours=closed");
        // the 24-hour default is closed by a holiday too
        assertThat(always.asterisk().run("hours-no-fault").variable(IvrVariables.PATH)).isEqualTo("hours=closed");

        calendar.delete(MONDAY);
        assertThat(office.asterisk().run("hours-no-fault").variable(IvrVariables.PATH)).isEqualTo("hours=open");
    }

    @Test
    void aMakeUpWorkingDayOpensASaturdayWithTheWeeklyHours() {
        at(office, SATURDAY, 10, 0);
        assertThat(office.asterisk().run("hours-no-fault").variable(IvrVariables.PATH)).isEqualTo("hours=closed");
        calendar.put(new ServiceDay(SATURDAY, ServiceDayKind.WORKDAY, "调休上班", null, null), "admin");
        assertThat(office.asterisk().run("hours-no-fault").variable(IvrVariables.PATH)).isEqualTo("hours=open");
        at(office, SATURDAY, 19, 0);
        assertThat(office.asterisk().run("hours-no-fault").variable(IvrVariables.PATH)).isEqualTo("hours=closed");
    }

    @Test
    void specialHoursReplaceTheWeeklyHoursForTheDay() {
        calendar.put(new ServiceDay(MONDAY, ServiceDayKind.SPECIAL_HOURS, "除夕", LocalTime.of(9, 0),
                LocalTime.of(12, 0)), "admin");
        at(office, MONDAY, 11, 59);
        assertThat(office.asterisk().run("hours-no-fault").variable(IvrVariables.PATH)).isEqualTo("hours=open");
        at(office, MONDAY, 12, 0);
        assertThat(office.asterisk().run("hours-no-fault").variable(IvrVariables.PATH)).isEqualTo("hours=closed");
    }

    @Test
    void byDefaultTheLineIsOpenAroundTheClock() {
        at(always, SATURDAY, 3, 0);
        Session s = always.asterisk().run("hours");
        assertThat(s.played()).isEmpty();
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("hours=open");
    }

    @Test
    void aWeekAnAdministratorStoredReplacesTheSettingsHoursFromTheNextCall() {
        // the 24-hour line becomes a water company's: Monday to Friday 08:30–17:30, Saturday 09:00–12:00
        List<WeekdayHours> water = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            water.add(d == DayOfWeek.SUNDAY ? WeekdayHours.closed(d) : d == DayOfWeek.SATURDAY
                    ? WeekdayHours.open(d, LocalTime.of(9, 0), LocalTime.of(12, 0))
                    : WeekdayHours.open(d, LocalTime.of(8, 30), LocalTime.of(17, 30)));
        }
        at(always, MONDAY, 8, 0);
        assertThat(always.asterisk().run("hours-no-fault").variable(IvrVariables.PATH)).isEqualTo("hours=open");
        calendar.putWeeklyHours(water, "admin");
        assertThat(always.asterisk().run("hours-no-fault").variable(IvrVariables.PATH)).isEqualTo("hours=closed");
        at(always, MONDAY, 8, 30);
        assertThat(always.asterisk().run("hours-no-fault").variable(IvrVariables.PATH)).isEqualTo("hours=open");
        at(always, SATURDAY, 12, 0);
        Session s = always.asterisk().run("hours", silence(), silence());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("hours=closed");
        assertThat(s.played()).startsWith(Prompt.AFTER_HOURS.file(), Prompt.AFTER_HOURS_FAULT.file());
        at(always, SATURDAY.plusDays(1), 10, 0);
        assertThat(always.asterisk().run("hours-no-fault").variable(IvrVariables.PATH)).isEqualTo("hours=closed");
        // the calendar's exceptions still come first: a make-up Sunday is worked with Monday's hours
        calendar.put(new ServiceDay(SATURDAY.plusDays(1), ServiceDayKind.WORKDAY, "调休上班", null, null), "admin");
        assertThat(always.asterisk().run("hours-no-fault").variable(IvrVariables.PATH)).isEqualTo("hours=open");

        // with the rows gone the settings' 24 hours are back on the next call
        db.jdbc.update("delete from weekly_opening_hours");
        at(always, MONDAY, 3, 0);
        assertThat(always.asterisk().run("hours-no-fault").variable(IvrVariables.PATH)).isEqualTo("hours=open");
    }

    @Test
    void whenTheCalendarCannotBeReadTheCallerIsToldAndGoesToTheQueue() {
        // a database nobody listens on: the calendar's read fails, the runs are still recorded in the test database
        ServiceCalendar unreachable = new ServiceCalendar(new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2"));
        IvrProperties properties = IvrProperties.defaults().withPort(0);
        try (FastAgiServer server = new FastAgiServer(properties,
                List.of(new HoursScript(unreachable, null, properties, office.clock)),
                db.pool, office.clock)) {
            server.start();
            Session s = new FakeAsterisk(server.port()).uniqueId("4.10").run("hours");
            assertThat(s.played()).containsExactly(Prompt.SORRY_TRANSFER.file());
            assertThat(s.variable(IvrVariables.PATH)).isEqualTo("hours:fallback");
            assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
            assertThat(db.lastRun("4.10")).containsEntry("outcome", "fallback");
        }
    }
}
