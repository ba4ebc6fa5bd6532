package org.hotline.cti.call.internal;

/** What can happen to a call, as far as its {@link org.hotline.cti.call.CallState} is concerned. */
public enum CallInput {
    /** {@code QueueCallerJoin}. */
    QUEUE_JOINED,
    /** {@code QueueCallerLeave} (answered, timed out or exited). */
    QUEUE_LEFT,
    /** An agent phone started ringing ({@code AgentCalled} or a direct {@code DialBegin}). */
    RING_STARTED,
    /** The last ringing phone stopped without an answer while the caller still waits in a queue. */
    RINGS_STOPPED_QUEUED,
    /** The last ringing phone stopped without an answer and the caller is not in a queue. */
    RINGS_STOPPED_UNQUEUED,
    /** An agent answered ({@code AgentConnect} or a direct {@code DialEnd ANSWER}). */
    ANSWERED,
    /** {@code Hold}. */
    HELD,
    /** {@code Unhold}. */
    UNHELD,
    /** {@code BlindTransfer}: the caller goes back to the dialplan towards the target. */
    BLIND_TRANSFERRED,
    /** {@code AttendedTransfer}: the caller is bridged with the target. */
    ATTENDED_TRANSFERRED,
    /** A {@code Redirect} action moved the caller to another dialplan location. */
    REDIRECTED,
    /** The connected agent's leg hung up while the caller stays (e.g. a post-call survey). */
    AGENT_LEFT,
    /** {@code QueueCallerAbandon} after the caller's leg hung up. */
    ABANDONED,
    /** {@code QueueCallerAbandon} with the caller still on the line: the queue timed out, the dialplan goes on. */
    QUEUE_TIMED_OUT,
    /** The caller's leg hung up. */
    CALLER_LEFT,
    /** The last channel of the call hung up. */
    LAST_CHANNEL_GONE
}
