package org.hotline.cti.callrecord;

import java.util.Locale;

/** How a call ended, as stored in {@code calls.outcome}. */
public enum CallOutcome {
    /** An agent answered it and it ended with that agent (or the agents of attended consultations). */
    ANSWERED,
    /** The caller hung up while waiting in a queue. */
    ABANDONED,
    /**
     * The queue gave up on the caller, who was still on the line: Queue()'s longest wait ran out (the after-queue
     * message follows) or the queue emptied. Not an abandon: the caller did not give up.
     */
    TIMEOUT,
    /** It left a queue unanswered with no report of why, or an outbound call the dialled customer did not answer. */
    UNANSWERED,
    /** An agent answered it and then transferred it elsewhere. */
    TRANSFERRED,
    /** It never reached a queue or an agent: IVR self-service, announcements. */
    IVR_ONLY;

    /** The value in the {@code calls.outcome} column. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome for a {@code calls.outcome} value. */
    public static CallOutcome ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
