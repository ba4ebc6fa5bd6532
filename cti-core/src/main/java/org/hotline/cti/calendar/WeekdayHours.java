package org.hotline.cti.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One day of the hotline's weekly opening hours: open from {@code opensAt} to {@code closesAt}, or closed all day
 * (neither time).
 *
 * @param day      the day of the week
 * @param opensAt  when the line opens that day; null when closed
 * @param closesAt when it closes: not after {@code opensAt} means on the next day, equal to it 24 hours; null when
 *                 closed
 */
public record WeekdayHours(DayOfWeek day, LocalTime opensAt, LocalTime closesAt) {

    /** Checks the day, with a reason naming the day and the field when it is refused. */
    public WeekdayHours {
        if (day == null) {
            throw new IllegalArgumentException("day: empty (expected: MONDAY to SUNDAY)");
        }
        if ((opensAt == null) != (closesAt == null)) {
            throw new IllegalArgumentException(day + " opensAt, closesAt: " + opensAt + ", " + closesAt
                    + " (expected: both times, HH:mm, on an open day; neither on a closed one)");
        }
    }

    /** Open from {@code opensAt} to {@code closesAt} on {@code day}. */
    public static WeekdayHours open(DayOfWeek day, LocalTime opensAt, LocalTime closesAt) {
        if (opensAt == null || closesAt == null) {
            throw new IllegalArgumentException(day + " opensAt, closesAt: " + opensAt + ", " + closesAt
                    + " (expected: both times, HH:mm, on an open day)");
        }
        return new WeekdayHours(day, opensAt, closesAt);
    }

    /** Closed all day on {@code day}. */
    public static WeekdayHours closed(DayOfWeek day) {
        return new WeekdayHours(day, null, null);
    }

    /** Whether the line opens on this day at all. */
    public boolean isOpen() {
        return opensAt != null;
    }
}
