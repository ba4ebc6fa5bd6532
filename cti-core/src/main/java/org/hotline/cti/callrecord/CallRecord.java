package org.hotline.cti.callrecord;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.Caller;

/**
 * One finished call as the recorder writes it to {@code calls}: {@code queue} and {@code agent} are null when it
 * reached none, {@code queuedAt}/{@code answeredAt} null when it never got there; {@code hold} is the agent hold
 * time and {@code talk} the connected time with hold taken out, {@code talkWithHold} the same with hold included (as
 * Asterisk's AgentComplete TalkTime and queue_log COMPLETEAGENT/COMPLETECALLER count it); {@code hangupCause} is
 * Q.850, {@code endedBy} who ended it (null when unknown). For an outbound call {@code caller} is the dialled customer.
 */
public record CallRecord(CallId callId, String direction, Caller caller, String queue, AgentInterface agent,
                         String memberName, Instant startedAt, Instant queuedAt, Instant answeredAt, Instant endedAt,
                         Duration hold, Duration talk, Duration talkWithHold, CallOutcome outcome, int hangupCause,
                         CallEnded.EndedBy endedBy) {

    /** Checks the fields that are always present. */
    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(talk, "talk");
        Objects.requireNonNull(talkWithHold, "talkWithHold");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A record whose talk time with hold is talk plus hold and whose ending side is unknown. */
    public CallRecord(CallId callId, String direction, Caller caller, String queue, AgentInterface agent,
                      String memberName, Instant startedAt, Instant queuedAt, Instant answeredAt, Instant endedAt,
                      Duration hold, Duration talk, CallOutcome outcome, int hangupCause) {
        this(callId, direction, caller, queue, agent, memberName, startedAt, queuedAt, answeredAt, endedAt, hold, talk,
                answeredAt == null ? Duration.ZERO : talk.plus(hold), outcome, hangupCause, null);
    }

    /** How long the caller waited in the queue before an agent answered or the call left it; null when never queued. */
    public Duration queueWait() {
        if (queuedAt == null) {
            return null;
        }
        Instant left = answeredAt != null ? answeredAt : endedAt;
        return left.isBefore(queuedAt) ? Duration.ZERO : Duration.between(queuedAt, left);
    }
}
