package org.hotline.cti.outage;

import java.time.Instant;

/**
 * One entry of the public outage feed for the company website: place names, kind, reason and times only, no
 * personal data; {@code status} is {@code current} or {@code planned}.
 */
public record PublicOutage(String areaName, String lineName, String kind, String reason, Instant startsAt,
                           Instant expectedEndAt, String status) {
}
