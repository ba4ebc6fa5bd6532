package org.hotline.cti.call;

import java.time.Instant;

/** Something that happened on the PBX, in our terms: a call event or an agent state change. */
public sealed interface TelephonyEvent permits CallEvent, AgentStateChanged {
    /** When Asterisk says it happened (the event's {@code Timestamp}, else when we read it). */
    Instant at();
}
