package org.hotline.cti.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hotline's service calendar: the weekly hours administrators set ({@code weekly_opening_hours}; the days without
 * a row keep the settings' hours) and the exceptions ({@code service_calendar_days}: holidays, make-up working days,
 * special hours), read by the IVR on every call (so a change applies to the next call) and edited by administrators.
 */
public final class ServiceCalendar {

    private static final String COLUMNS = "day, kind, name, opens_at, closes_at";

    private final JdbcTemplate jdbc;

    /** The calendar in {@code dataSource}. */
    public ServiceCalendar(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** The exception days from {@code from} to {@code to} (both included), in date order. */
    public List<ServiceDay> between(LocalDate from, LocalDate to) {
        return jdbc.query("select " + COLUMNS + " from service_calendar_days where day between ? and ? order by day",
                ServiceCalendar::day, from, to);
    }

    /** The exception days of {@code year}, in date order. */
    public List<ServiceDay> inYear(int year) {
        if (year < ServiceDay.FIRST_YEAR || year > ServiceDay.LAST_YEAR) {
            throw new IllegalArgumentException("year: " + year + " (expected: " + ServiceDay.FIRST_YEAR + " to "
                    + ServiceDay.LAST_YEAR + ")");
        }
        return between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The exception on {@code date}, if any. */
    public Optional<ServiceDay> find(LocalDate date) {
        return between(date, date).stream().findFirst();
    }

    /** Adds the day, or replaces what was on its date; true when it was added. */
    public boolean put(ServiceDay day, String by) {
        Boolean added = jdbc.queryForObject("insert into service_calendar_days (" + COLUMNS + ", updated_by) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict (day) do update set kind = excluded.kind, "
                        + "name = excluded.name, opens_at = excluded.opens_at, closes_at = excluded.closes_at, "
                        + "updated_by = excluded.updated_by, updated_at = now() returning (xmax = 0)",
                Boolean.class, day.date(), day.kind().code(), day.name(), time(day.opensAt()), time(day.closesAt()), by);
        return Boolean.TRUE.equals(added);
    }

    /** Removes the exception on {@code date}; what was there, if anything. */
    public Optional<ServiceDay> delete(LocalDate date) {
        return jdbc.query("delete from service_calendar_days where day = ? returning " + COLUMNS,
                ServiceCalendar::day, date).stream().findFirst();
    }

    /** The weekly hours administrators stored, if any: the days without a row keep the settings' hours. */
    public Optional<WeeklyHours> weeklyHours() {
        List<StoredDay> rows = jdbc.query("select day_of_week, opens_at, closes_at, updated_by, updated_at "
                + "from weekly_opening_hours order by day_of_week", (rs, n) -> {
                    Time opens = rs.getTime("opens_at");
                    Time closes = rs.getTime("closes_at");
                    return new StoredDay(new WeekdayHours(DayOfWeek.of(rs.getInt("day_of_week")),
                            opens == null ? null : opens.toLocalTime(), closes == null ? null : closes.toLocalTime()),
                            rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
                });
        return rows.stream().max(Comparator.comparing(StoredDay::at)).map(latest -> new WeeklyHours(
                rows.stream().map(StoredDay::hours).toList(), latest.by(), latest.at()));
    }

    // one row of weekly_opening_hours
    private record StoredDay(WeekdayHours hours, String by, Instant at) {
    }

    /** The hours that apply: {@code settings} with the days administrators stored in place of theirs. */
    public OpeningHours openingHours(OpeningHours settings) {
        return weeklyHours().map(w -> settings.with(w.days())).orElse(settings);
    }

    /**
     * Stores the seven days of {@code week} in one statement, replacing what was stored; the week applies from the
     * next call. Refused (with the reason) when a day is missing or twice, or when no day opens.
     */
    public void putWeeklyHours(List<WeekdayHours> week, String by) {
        List<WeekdayHours> days = OpeningHours.of(week).days();
        StringBuilder sql = new StringBuilder("insert into weekly_opening_hours (day_of_week, opens_at, closes_at, "
                + "updated_by) values ");
        List<Object> args = new ArrayList<>();
        for (WeekdayHours d : days) {
            sql.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?)");
            args.add(d.day().getValue());
            args.add(time(d.opensAt()));
            args.add(time(d.closesAt()));
            args.add(by);
        }
        sql.append(" on conflict (day_of_week) do update set opens_at = excluded.opens_at, closes_at = "
                + "excluded.closes_at, updated_by = excluded.updated_by, updated_at = now()");
        jdbc.update(sql.toString(), args.toArray());
    }

    private static Time time(LocalTime t) {
        return t == null ? null : Time.valueOf(t);
    }

    private static ServiceDay day(ResultSet rs, int n) throws SQLException {
        Time opens = rs.getTime("opens_at");
        Time closes = rs.getTime("closes_at");
        return new ServiceDay(rs.getObject("day", LocalDate.class), ServiceDayKind.ofCode(rs.getString("kind")),
                rs.getString("name"), opens == null ? null : opens.toLocalTime(),
                closes == null ? null : closes.toLocalTime());
    }
}
