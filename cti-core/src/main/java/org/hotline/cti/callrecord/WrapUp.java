package org.hotline.cti.callrecord;

import java.time.Duration;
import java.time.Instant;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallId;

/**
 * After-call work (事后处理) of one agent on one call: the time the agent's phone spent paused with reason
 * {@code wrapup} right after the call; {@code endedAt} is when the wrap-up pause ended.
 */
public record WrapUp(CallId callId, String queue, AgentInterface agent, Duration duration, Instant endedAt) {
}
