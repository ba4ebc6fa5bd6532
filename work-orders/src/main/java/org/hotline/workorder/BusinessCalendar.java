package org.hotline.workorder;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * The company's working days and hours, and deadlines computed over them. Pure and immutable.
 *
 * <p>A limit of N working days ends at the close of business of the Nth working day after the day the order was
 * received; an order started after closing time, or on a day off, counts as received on the next working day.
 * Minutes and hours run around the clock.
 *
 * @param zone              whose wall clock the days and hours are in (Asia/Shanghai)
 * @param workStart         opening time on a working day
 * @param workEnd           closing time, after {@code workStart}
 * @param weekend           the weekly days off
 * @param holidays          further days off (public holidays)
 * @param extraWorkingDays  weekend days that are worked (调休 make-up days)
 */
public record BusinessCalendar(ZoneId zone, LocalTime workStart, LocalTime workEnd, Set<DayOfWeek> weekend,
                               Set<LocalDate> holidays, Set<LocalDate> extraWorkingDays) {

    // no company has a year of holidays in a row: a bound that turns a configuration mistake into an error
    private static final int MAX_SCAN_DAYS = 3_660;

    /** Checks the fields and copies the sets. */
    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(workStart, "workStart");
        Objects.requireNonNull(workEnd, "workEnd");
        if (!workEnd.isAfter(workStart)) {
            throw new IllegalArgumentException("workEnd: " + workEnd + " (expected: after workStart " + workStart + ")");
        }
        weekend = Set.copyOf(weekend == null ? Set.of() : weekend);
        holidays = Set.copyOf(holidays == null ? Set.of() : holidays);
        extraWorkingDays = Set.copyOf(extraWorkingDays == null ? Set.of() : extraWorkingDays);
        if (weekend.size() == 7 && extraWorkingDays.isEmpty()) {
            throw new IllegalArgumentException("weekend: every day (expected: at least one working day a week)");
        }
    }

    /** Whether the company works on this day. */
    public boolean isWorkingDay(LocalDate day) {
        if (extraWorkingDays.contains(day)) {
            return true;
        }
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** When a limit that starts at {@code start} runs out. */
    public Instant deadline(Instant start, Limit limit) {
        Objects.requireNonNull(start, "start");
        if (limit.wallClock() != null) {
            return start.plus(limit.wallClock());
        }
        ZonedDateTime local = start.atZone(zone);
        LocalDate received = local.toLocalDate();
        if (!isWorkingDay(received) || !local.toLocalTime().isBefore(workEnd)) {
            received = nextWorkingDay(received);
        }
        LocalDate day = received;
        for (long i = 0; i < limit.amount(); i++) {
            day = nextWorkingDay(day);
        }
        return day.atTime(workEnd).atZone(zone).toInstant();
    }

    /** The first working day after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day;
        for (int i = 0; i < MAX_SCAN_DAYS; i++) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no working day within ten years after " + day);
    }
}
