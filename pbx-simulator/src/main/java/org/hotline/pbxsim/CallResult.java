package org.hotline.pbxsim;

/**
 * How a generated call ended.
 *
 * @param linkedid the call's Linkedid
 * @param disposition answered or abandoned
 * @param agentInterface the interface of the (first) agent who talked, or {@code null}
 * @param holdSeconds the HoldTime reported (seconds in the queue)
 * @param talkSeconds the TalkTime reported by the first queue's AgentComplete (0 if abandoned)
 */
public record CallResult(String linkedid, Disposition disposition, String agentInterface, long holdSeconds,
        long talkSeconds) {

    /** The end of a call as the queue counts it. */
    public enum Disposition {
        /** An agent answered (AgentConnect). */
        ANSWERED,
        /** The caller left the queue before anyone answered (QueueCallerAbandon after the caller's hang-up). */
        ABANDONED,
        /**
         * The queue's longest wait ({@code HOTLINE_MAX_WAIT}) ran out with the caller on the line: QueueCallerAbandon
         * without a hang-up, the after-queue message, then the dialplan hangs up.
         */
        TIMED_OUT
    }
}
