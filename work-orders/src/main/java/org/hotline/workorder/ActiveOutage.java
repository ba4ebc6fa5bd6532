package org.hotline.workorder;

import java.time.Instant;

/**
 * An outage in effect over the premises of a new repair order: the fault is probably already known, so the agent sees
 * it (and the open orders under it) before creating a second order.
 *
 * @param outageNo      the outage's number
 * @param kind          planned or unplanned
 * @param lineCode      the feeder line (for an area outage, the area's line)
 * @param lineName      the line's name
 * @param areaCode      the transformer area, or null for a whole line
 * @param areaName      the area's name, or null
 * @param reason        why (as declared)
 * @param startsAt      when it started
 * @param expectedEndAt when supply is expected back
 */
public record ActiveOutage(String outageNo, String kind, String lineCode, String lineName, String areaCode,
                           String areaName, String reason, Instant startsAt, Instant expectedEndAt) {
}
