package org.hotline.cti.outage;

import java.time.Instant;

/**
 * One outage on a feeder line ({@code areaCode} null) or on one transformer area; restored when
 * {@code restoredAt} is set ({@code restoredBy} is a username, or {@code system} for the automatic restore).
 */
public record Outage(long id, String outageNo, OutageKind kind, String lineCode, String lineName, String areaCode,
                     String areaName, String reason, Instant startsAt, Instant expectedEndAt, Instant restoredAt,
                     String restoredBy, Instant updatedAt) {

    /** Whether supply is off under this outage at {@code at}: started, and neither restored nor past its end. */
    public boolean activeAt(Instant at) {
        return !startsAt.isAfter(at) && (restoredAt == null || restoredAt.isAfter(at)) && expectedEndAt.isAfter(at);
    }

    /** Whether the outage covers a whole line rather than one transformer area. */
    public boolean lineWide() {
        return areaCode == null;
    }
}
