package org.hotline.cti.call;

/** What an agent's phone and queue membership allow right now, as the PBX sees it. */
public enum AgentState {
    /** Not a member of any queue. */
    LOGGED_OUT,
    /** Member, not paused, phone free ({@code QueueMemberStatus} Status 1). */
    READY,
    /** The phone rings (Status 6 or 7). */
    RINGING,
    /** On a call (Status 2, 3 or 8). */
    IN_CALL,
    /** Paused in every queue ({@code QueueMemberPause} Paused 1), with a reason. */
    PAUSED,
    /** The phone is unreachable (Status 4 or 5) or its state unknown (0). */
    UNAVAILABLE
}
