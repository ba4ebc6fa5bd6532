package org.hotline.sms.outbox;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The hours messages of some kinds must not arrive (e.g. arrears reminders 21:00-08:00 Asia/Shanghai), applied by
 * {@link SmsOutbox#enqueue} on every path (campaigns, the API, the IVR): a send time inside them moves to their end.
 *
 * @param kinds the kinds held by quiet hours
 * @param start when the hours start
 * @param end when they end (next morning when before {@code start})
 * @param zone the customers' time zone
 */
public record QuietWindow(Set<SmsKind> kinds, LocalTime start, LocalTime end, ZoneId zone) {

    /** No quiet hours for any kind. */
    public static final QuietWindow NONE = new QuietWindow(Set.of(), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
            ZoneId.of("UTC"));

    /** Copies the kinds. */
    public QuietWindow {
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** When the quiet hours around {@code now} end, or null when {@code now} is outside them (or no kind is held). */
    public Instant quietUntil(Instant now) {
        if (kinds.isEmpty()) {
            return null;
        }
        Instant until = earliest(kinds.iterator().next(), now);
        return until.isAfter(now) ? until : null;
    }

    /** The earliest time a message of {@code kind} may be sent at or after {@code at}. */
    public Instant earliest(SmsKind kind, Instant at) {
        return kinds.contains(kind) ? nextOutside(start, end, zone, at) : at;
    }

    /**
     * {@code at} when it is outside the daily quiet hours {@code start}–{@code end} (local time in {@code zone}; they
     * may span midnight, and equal times mean none), else the moment they end.
     */
    public static Instant nextOutside(LocalTime start, LocalTime end, ZoneId zone, Instant at) {
        if (start.equals(end)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean quiet = start.isBefore(end)
                ? !t.isBefore(start) && t.isBefore(end)
                : !t.isBefore(start) || t.isBefore(end);
        if (!quiet) {
            return at;
        }
        ZonedDateTime endToday = local.with(end);
        return (endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant();
    }
}
