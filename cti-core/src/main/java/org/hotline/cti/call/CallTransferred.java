package org.hotline.cti.call;

import java.time.Instant;

/**
 * The call left one agent for another target: {@code target} is the extension, queue or channel it went to
 * (as far as Asterisk tells), {@code from} the agent who had it (null when unknown).
 */
public record CallTransferred(CallId callId, Kind kind, AgentInterface from, String target, Instant at)
        implements CallEvent {
    /** How the transfer was made. */
    public enum Kind {
        /** {@code BlindTransfer}. */
        BLIND,
        /** {@code AttendedTransfer}. */
        ATTENDED,
        /** A {@code Redirect} action moved the caller (seen as a new dialplan location / queue). */
        REDIRECT
    }
}
