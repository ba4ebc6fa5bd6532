package org.hotline.cti.wallboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hotline.cti.wallboard.QueueSample;

/** Samples of the current calendar day in one time zone; the next day starts from zero at local midnight. */
public final class DayCounter {

    private final ZoneId zone;
    private LocalDate day;
    private Totals totals = new Totals();

    /** Counts days in {@code zone}. */
    public DayCounter(ZoneId zone) {
        this.zone = zone;
    }

    /** Counts a sample of the current day; a later day starts a new count, an earlier one is ignored. */
    public void add(QueueSample sample, Duration serviceLevel) {
        LocalDate sampleDay = sample.at().atZone(zone).toLocalDate();
        advance(sample.at());
        if (sampleDay.equals(day)) {
            totals.add(sample, serviceLevel);
        }
    }

    /** Moves to the day of {@code at} if that is later than the current one. */
    public void advance(Instant at) {
        LocalDate today = at.atZone(zone).toLocalDate();
        if (day == null || today.isAfter(day)) {
            day = today;
            totals = new Totals();
        }
    }

    /** The day being counted (null before the first sample or advance). */
    public LocalDate day() {
        return day;
    }

    /** Today's counters. */
    public Totals totals() {
        return totals;
    }
}
