package org.hotline.cti.call;

import java.time.Duration;
import java.time.Instant;

/** An agent's phone stopped ringing without that agent taking the call. */
public record AgentRingStopped(CallId callId, AgentInterface agent, String queue, Reason reason, Duration ringTime,
                               Instant at) implements CallEvent {
    /** Why the ringing stopped. */
    public enum Reason {
        /** The agent did not answer in time ({@code AgentRingNoAnswer}, RingTime in ms). */
        NO_ANSWER,
        /** The caller hung up or another agent answered ({@code DialEnd CANCEL}). */
        CANCELLED,
        /** The phone was busy or unreachable ({@code DialEnd BUSY/CHANUNAVAIL/CONGESTION}). */
        FAILED
    }
}
