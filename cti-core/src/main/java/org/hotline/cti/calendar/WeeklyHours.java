package org.hotline.cti.calendar;

import java.time.Instant;
import java.util.List;

/**
 * The weekly hours an administrator stored ({@code weekly_opening_hours}); the days without a row keep the settings'
 * hours.
 *
 * @param days      the stored days, Monday first (all seven once an administrator saved a week)
 * @param updatedBy who saved the latest of them
 * @param updatedAt when
 */
public record WeeklyHours(List<WeekdayHours> days, String updatedBy, Instant updatedAt) {

    /** Copies the days. */
    public WeeklyHours {
        days = List.copyOf(days);
    }
}
