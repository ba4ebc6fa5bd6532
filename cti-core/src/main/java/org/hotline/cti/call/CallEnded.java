package org.hotline.cti.call;

import java.time.Instant;

/**
 * The last channel of the call hung up; {@code cause} is the Q.850 cause of the caller leg (16 normal, 0 abandoned),
 * {@code endedBy} which side ended the conversation (null when the tracker cannot tell), {@code outbound} true for a
 * call an agent placed (click-to-dial: {@code caller} is then the dialled customer).
 */
public record CallEnded(CallId callId, Caller caller, int cause, String causeText, EndedBy endedBy, boolean outbound,
                        Instant at) implements CallEvent {

    /** Who ended the call. */
    public enum EndedBy {
        /** The customer's side hung up first (the caller, or the dialled customer of an outbound call). */
        CALLER,
        /** The agent's leg hung up first. */
        AGENT,
        /** The PBX did: our dialplan's Hangup() (after-queue message, failed dial), not a person. */
        SYSTEM;

        /** The value stored in {@code calls.ended_by}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An inbound call whose ending side is unknown (resync, tests). */
    public CallEnded(CallId callId, Caller caller, int cause, String causeText, Instant at) {
        this(callId, caller, cause, causeText, null, false, at);
    }
}
