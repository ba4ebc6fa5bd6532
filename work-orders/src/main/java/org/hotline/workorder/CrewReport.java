package org.hotline.workorder;

import java.time.Instant;
import java.util.List;

/**
 * One row of what crews reported on an order (and whom the dispatcher assigned), as the dispatcher reads it.
 *
 * @param id         the row's id
 * @param orderId    the order it is about
 * @param kind       assigned, accepted, cannot_go, departed, arrived, fault, materials, done
 * @param crew       the crew unit's code
 * @param recordedAt when
 * @param by         the crew member's name (or the dispatcher's user name for "assigned")
 * @param text       the reason, fault or note, or null
 * @param materials  the materials used, or empty
 * @param latitude   the position on arrival, or null
 * @param longitude  the position on arrival, or null
 * @param accuracy   the position's accuracy in metres, or null
 * @param photos     the ids of the photos sent with it
 */
public record CrewReport(long id, long orderId, String kind, String crew, Instant recordedAt, String by, String text,
                         List<CrewApp.Material> materials, Double latitude, Double longitude, Double accuracy,
                         List<Long> photos) {
}
