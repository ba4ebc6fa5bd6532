package org.hotline.sms.campaign;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.hotline.sms.outbox.QuietWindow;

/**
 * The hours no reminder may arrive (e.g. 21:00-08:00 Asia/Shanghai): a send time inside them moves to the window's
 * end. Outage start (unplanned) and restoration notices ignore them: customers need those at once.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** The earliest allowed send time at or after {@code at}. */
    public Instant nextAllowed(Instant at) {
        return QuietWindow.nextOutside(start, end, zone, at);
    }
}
