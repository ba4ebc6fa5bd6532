package org.hotline.cti.call;

import java.time.Instant;

/** The last channel of the call hung up; {@code cause} is the Q.850 cause of the caller leg (16 normal, 0 abandoned). */
public record CallEnded(CallId callId, Caller caller, int cause, String causeText, Instant at) implements CallEvent {
}
