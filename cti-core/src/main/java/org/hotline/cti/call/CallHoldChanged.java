package org.hotline.cti.call;

import java.time.Instant;

/** A leg of the call was put on hold or taken off hold ({@code Hold} / {@code Unhold}). */
public record CallHoldChanged(CallId callId, AgentInterface agent, boolean onHold, Instant at) implements CallEvent {
}
