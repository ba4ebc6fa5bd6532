package org.hotline.cti.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weekly opening hours, each day its own, with the calendar's exceptions: whether the hotline is open at a local
 * time. A day's service starts at its opening time and ends at its closing time, on the next day when the closing
 * time is not after the opening time (opening = closing is 24 hours), so a shift past midnight belongs to the day it
 * started. A make-up working day (调休上班) is worked like a weekday: with Monday's hours, or those of the first day
 * after Monday the week opens.
 *
 * @param week the hours of each of the seven days (open or closed)
 */
public record OpeningHours(Map<DayOfWeek, WeekdayHours> week) {

    /** Open 24 hours every day, as a 95598 line is. */
    public static final OpeningHours ALWAYS = new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
            EnumSet.allOf(DayOfWeek.class));

    /** Checks that every day of the week is there, under its own key. */
    public OpeningHours {
        if (week == null || week.size() != 7 || !week.keySet().containsAll(EnumSet.allOf(DayOfWeek.class))) {
            throw new IllegalArgumentException("week: " + (week == null ? null : week.keySet())
                    + " (expected: each day MONDAY to SUNDAY once)");
        }
        week.forEach((day, hours) -> {
            if (hours == null || hours.day() != day) {
                throw new IllegalArgumentException("week: " + day + " holds " + hours + " (expected: that day's hours)");
            }
        });
        week = Collections.unmodifiableMap(new EnumMap<>(week));
    }

    /** The same hours on {@code days}, closed on the others (the settings' shape: {@code hotline.ivr.hours.*}). */
    public OpeningHours(LocalTime opens, LocalTime closes, Set<DayOfWeek> days) {
        this(sameHours(opens, closes, days));
    }

    /** A week of these seven days; refused when a day is missing or twice, or when no day opens. */
    public static OpeningHours of(Collection<WeekdayHours> days) {
        Map<DayOfWeek, WeekdayHours> week = new EnumMap<>(DayOfWeek.class);
        for (WeekdayHours d : days) {
            if (d == null) {
                throw new IllegalArgumentException("days: an empty entry (expected: each day MONDAY to SUNDAY once)");
            }
            if (week.put(d.day(), d) != null) {
                throw new IllegalArgumentException("days: " + d.day() + " twice (expected: each day MONDAY to SUNDAY"
                        + " once)");
            }
        }
        if (week.size() != 7) {
            Set<DayOfWeek> missing = EnumSet.allOf(DayOfWeek.class);
            missing.removeAll(week.keySet());
            throw new IllegalArgumentException("days: " + missing + " missing (expected: each day MONDAY to SUNDAY"
                    + " once)");
        }
        if (week.values().stream().noneMatch(WeekdayHours::isOpen)) {
            throw new IllegalArgumentException("days: all closed (expected: at least one open day; a day closed for"
                    + " everyone is a holiday in the calendar)");
        }
        return new OpeningHours(week);
    }

    private static Map<DayOfWeek, WeekdayHours> sameHours(LocalTime opens, LocalTime closes, Set<DayOfWeek> days) {
        if (opens == null || closes == null) {
            throw new IllegalArgumentException("opens, closes: " + opens + ", " + closes + " (expected: both, HH:mm)");
        }
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("days: " + days + " (expected: at least one day of the week)");
        }
        Map<DayOfWeek, WeekdayHours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, days.contains(d) ? WeekdayHours.open(d, opens, closes) : WeekdayHours.closed(d));
        }
        return week;
    }

    /** The hours of {@code day}. */
    public WeekdayHours on(DayOfWeek day) {
        return week.get(day);
    }

    /** The seven days, Monday first. */
    public List<WeekdayHours> days() {
        return List.copyOf(week.values());
    }

    /** These hours with {@code replacing} in place of their days (the stored days over the settings' week). */
    public OpeningHours with(Collection<WeekdayHours> replacing) {
        if (replacing.isEmpty()) {
            return this;
        }
        Map<DayOfWeek, WeekdayHours> merged = new EnumMap<>(week);
        replacing.forEach(d -> merged.put(d.day(), d));
        return new OpeningHours(merged);
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
        WeekdayHours hours = week.get(day.getDayOfWeek());
        if (exception != null) {
            switch (exception.kind()) {
                case HOLIDAY -> {
                    return false;
                }
                case SPECIAL_HOURS -> hours = WeekdayHours.open(day.getDayOfWeek(), exception.opensAt(),
                        exception.closesAt());
                case WORKDAY -> hours = workingDay();
            }
        }
        if (hours == null || !hours.isOpen()) {
            return false;
        }
        LocalDateTime start = day.atTime(hours.opensAt());
        LocalDateTime end = hours.closesAt().isAfter(hours.opensAt()) ? day.atTime(hours.closesAt())
                : day.plusDays(1).atTime(hours.closesAt());
        return !now.isBefore(start) && now.isBefore(end);
    }

    // a make-up working day's hours: Monday's, or the first open day's after it; null when the week never opens
    private WeekdayHours workingDay() {
        return week.values().stream().filter(WeekdayHours::isOpen).findFirst().orElse(null);
    }
}
