package org.hotline.cti.outage;

import java.time.Instant;

/**
 * What a supervisor declares: a planned or unplanned outage on a feeder line ({@code lineCode}) or on one
 * transformer area ({@code areaCode}, exactly one of the two), with its reason, start and expected end.
 */
public record NewOutage(OutageKind kind, String lineCode, String areaCode, String reason, Instant startsAt,
                        Instant expectedEndAt) {
}
