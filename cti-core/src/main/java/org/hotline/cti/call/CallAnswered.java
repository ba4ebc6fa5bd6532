package org.hotline.cti.call;

import java.time.Duration;
import java.time.Instant;

/** An agent answered the call ({@code AgentConnect} for a queue, {@code DialEnd ANSWER} for a direct call). */
public record CallAnswered(CallId callId, AgentInterface agent, String memberName, String queue, Caller caller,
                           Duration holdTime, Instant at) implements CallEvent {
}
