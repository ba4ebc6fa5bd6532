package org.hotline.workorder;

import java.time.Instant;

/**
 * Create a work order: from a call ({@code callId}: customer, number and point A from the call record) or by hand.
 *
 * @param type         the order type's code (repair, connection, …)
 * @param callId       the call it comes from, or null when created by hand
 * @param customerId   the customer, or null to take the call's
 * @param premisesId   the premises, or null to take the customer's only premises
 * @param callerNumber the number to call back, or null to take the call's
 * @param summary      what the customer reported
 * @param startedAt    point A for an order by hand (null: now); ignored for a call, whose end is A
 * @param linkTo       an open order this report belongs to: nothing is created, that order is returned
 * @param force        create a second repair order on the same premises anyway (linked to the first)
 * @param by           who creates it (a username)
 * @param source       where from
 */
public record CreateWorkOrder(String type, String callId, Long customerId, Long premisesId, String callerNumber,
                              String summary, Instant startedAt, Long linkTo, boolean force, String by,
                              PointSource source) {
}
