package org.hotline.workorder;

import java.time.Instant;

/**
 * An order as lists show it: where its clock stands and how long is left.
 *
 * @param id              the order's id
 * @param orderNo         its number (WO20261123-000001)
 * @param type            the type's code
 * @param typeLabel       the type's label
 * @param status          new, dispatched, accepted, in_progress, closed
 * @param customerId      the customer, or null
 * @param premisesId      the premises, or null
 * @param repairCentre    the code of the repair centre it is routed to, or null
 * @param callId          the call it came from, or null
 * @param callerNumber    the number to call back, or null
 * @param awaiting        the point the clock waits for, or null
 * @param awaitingName    what that point is
 * @param responsible     who answers for the current stage, or null
 * @param deadline        when the current stage runs out, or null
 * @param secondsLeft     seconds to that deadline at the time of the query (negative: over time), or null
 * @param createdAt       when it was created
 * @param closedAt        when it closed, or null
 * @param unacknowledged  alarms waiting for a person
 * @param stageStartedAt  when the current stage started (its start point in effect), or null: with {@code deadline}
 *                        it gives the share of the stage's time left
 * @param repairCentreName the name of the repair centre, or null
 * @param team            the code of the team it was handed to at the hand-over (D of a repair), or null
 * @param crew            the code of the crew the dispatcher assigned, or null (none yet, or it could not go)
 */
public record WorkOrderSummary(long id, String orderNo, String type, String typeLabel, String status,
                               Long customerId, Long premisesId, String repairCentre, String callId,
                               String callerNumber, Point awaiting, String awaitingName, Party responsible,
                               Instant deadline, Long secondsLeft, Instant createdAt, Instant closedAt,
                               int unacknowledged, Instant stageStartedAt, String repairCentreName,
                               String team, String crew) {
}
