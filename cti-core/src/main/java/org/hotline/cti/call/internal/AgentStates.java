package org.hotline.cti.call.internal;

import org.hotline.cti.call.AgentState;

/**
 * An agent's aggregate state as one pure function of what Asterisk last reported for the member.
 *
 * <p>Not a history-driven machine on purpose: every member event ({@code QueueMemberStatus}, {@code
 * QueueMemberPause}, {@code QueueMember} rows) carries the full member snapshot, and a pause taken during a call
 * must survive the call, which a transition on the previous {@link AgentState} alone would forget.
 */
public final class AgentStates {

    /** Device states of {@code QueueMemberStatus} Status (Asterisk {@code ast_device_state}). */
    public static final int UNKNOWN = 0;
    /** {@code AST_DEVICE_NOT_INUSE}. */
    public static final int NOT_INUSE = 1;
    /** {@code AST_DEVICE_INUSE}. */
    public static final int INUSE = 2;
    /** {@code AST_DEVICE_BUSY}. */
    public static final int BUSY = 3;
    /** {@code AST_DEVICE_INVALID}. */
    public static final int INVALID = 4;
    /** {@code AST_DEVICE_UNAVAILABLE}. */
    public static final int UNAVAILABLE = 5;
    /** {@code AST_DEVICE_RINGING}. */
    public static final int RINGING = 6;
    /** {@code AST_DEVICE_RINGINUSE}. */
    public static final int RINGINUSE = 7;
    /** {@code AST_DEVICE_ONHOLD}. */
    public static final int ONHOLD = 8;

    private AgentStates() {
    }

    /**
     * The state of an agent who is a member of {@code queues} queues, paused in all of them or not, whose phone
     * reports {@code deviceStatus}: phone activity wins over a pause (the pause shows once the phone is free).
     */
    public static AgentState derive(int queues, boolean pausedEverywhere, int deviceStatus) {
        if (queues <= 0) {
            return AgentState.LOGGED_OUT;
        }
        switch (deviceStatus) {
            case RINGING, RINGINUSE:
                return AgentState.RINGING;
            case INUSE, BUSY, ONHOLD:
                return AgentState.IN_CALL;
            default:
                break;
        }
        if (pausedEverywhere) {
            return AgentState.PAUSED;
        }
        return deviceStatus == NOT_INUSE ? AgentState.READY : AgentState.UNAVAILABLE;
    }
}
