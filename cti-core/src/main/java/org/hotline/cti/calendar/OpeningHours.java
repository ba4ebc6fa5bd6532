package org.hotline.cti.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The weekly opening hours with the calendar's exceptions: whether the hotline is open at a local time. A day's
 * service starts at its opening time and ends at its closing time, on the next day when the closing time is not after
 * the opening time (opening = closing is 24 hours), so a shift past midnight belongs to the day it started.
 *
 * @param opens  when the line opens on a working day
 * @param closes when it closes (not after {@code opens}: on the next day)
 * @param days   the days of the week it opens, apart from the calendar
 */
public record OpeningHours(LocalTime opens, LocalTime closes, Set<DayOfWeek> days) {

    /** Open 24 hours every day, as a 95598 line is. */
    public static final OpeningHours ALWAYS = new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
            EnumSet.allOf(DayOfWeek.class));

    /** Checks the hours. */
    public OpeningHours {
        if (opens == null || closes == null) {
            throw new IllegalArgumentException("opens, closes: " + opens + ", " + closes + " (expected: both, HH:mm)");
        }
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("days: " + days + " (expected: at least one day of the week)");
        }
        days = Set.copyOf(days);
    }

    /**
     * Whether the line is open at {@code now}, given the calendar's exceptions on {@code now}'s day and the day before
     * (keyed by date; other days are ignored).
     */
    public boolean isOpen(LocalDateTime now, Map<LocalDate, ServiceDay> exceptions) {
        LocalDate today = now.toLocalDate();
        LocalDate yesterday = today.minusDays(1);
        return within(today, now, exceptions.get(today)) || within(yesterday, now, exceptions.get(yesterday));
    }

    // whether the service of `day` (from its opening, possibly into the next day) covers `now`
    private boolean within(LocalDate day, LocalDateTime now, ServiceDay exception) {
        LocalTime from = opens;
        LocalTime to = closes;
        if (exception != null) {
            switch (exception.kind()) {
                case HOLIDAY -> {
                    return false;
                }
                case SPECIAL_HOURS -> {
                    from = exception.opensAt();
                    to = exception.closesAt();
                }
                case WORKDAY -> {
                    // the weekly hours, whatever the day of the week
                }
            }
        } else if (!days.contains(day.getDayOfWeek())) {
            return false;
        }
        LocalDateTime start = day.atTime(from);
        LocalDateTime end = to.isAfter(from) ? day.atTime(to) : day.plusDays(1).atTime(to);
        return !now.isBefore(start) && now.isBefore(end);
    }
}
