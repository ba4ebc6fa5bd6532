package org.hotline.cti.queuelog;

import java.time.Duration;
import java.time.Instant;

/**
 * One queue call as {@code queue_log} tells it, from ENTERQUEUE to the line that ended its time in the queue:
 * {@code agent} is the member name that answered (null when none), {@code talk} Asterisk's calltime (hold
 * included), {@code outcome} a {@code calls.outcome} code, {@code endedBy} {@code caller}/{@code agent} when the
 * line says so.
 */
public record QueueLogCall(String callId, String queue, String caller, Instant enteredAt, Instant connectedAt,
                           Instant endedAt, String agent, String outcome, Duration waited, Duration talk,
                           String endedBy, int unansweredRings) {
}
