package org.hotline.cti.calendar;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One exception day of the hotline's service calendar.
 *
 * @param date     the day (in the hotline's zone)
 * @param kind     holiday, make-up working day or special hours
 * @param name     what the day is, e.g. 春节 or 国庆节调休 (1 to 100 characters)
 * @param opensAt  for special hours only: when the line opens
 * @param closesAt for special hours only: when it closes; before {@code opensAt} means on the next day
 */
public record ServiceDay(LocalDate date, ServiceDayKind kind, String name, LocalTime opensAt, LocalTime closesAt) {

    /** The earliest year the calendar takes. */
    public static final int FIRST_YEAR = 2000;
    /** The latest year the calendar takes. */
    public static final int LAST_YEAR = 2100;

    /** Checks the day, with a reason naming the field when it is refused. */
    public ServiceDay {
        if (date == null || date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("date: " + date + " (expected: a day of " + FIRST_YEAR + " to "
                    + LAST_YEAR + ")");
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind: empty (expected: holiday, workday or special-hours)");
        }
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name: '" + name + "' (expected: 1 to 100 characters, one line)");
        }
        if (kind == ServiceDayKind.SPECIAL_HOURS) {
            if (opensAt == null || closesAt == null) {
                throw new IllegalArgumentException("opensAt, closesAt: " + opensAt + ", " + closesAt
                        + " (expected: both times, HH:mm, for special hours)");
            }
            if (opensAt.equals(closesAt)) {
                throw new IllegalArgumentException("closesAt: " + closesAt + " (expected: another time than opensAt;"
                        + " a day closed all day is a holiday)");
            }
        } else if (opensAt != null || closesAt != null) {
            throw new IllegalArgumentException("opensAt, closesAt: " + opensAt + ", " + closesAt
                    + " (expected: none; times are only for special-hours)");
        }
    }
}
