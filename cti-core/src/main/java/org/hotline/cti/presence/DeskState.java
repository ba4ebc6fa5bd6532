package org.hotline.cti.presence;

/** Where an agent's desk stands, as the agent sees it: the PBX's queue membership and pause plus our call flow. */
public enum DeskState {
    /** Not a member of any queue. */
    LOGGED_OUT,
    /** In the queues and unpaused: the next call may ring. */
    READY,
    /** The phone rings for a call. */
    RINGING,
    /** On a call. */
    TALKING,
    /** After a call: paused with reason {@code wrapup} until the countdown ends or the agent finishes. */
    WRAP_UP,
    /** Paused by the agent or a supervisor, with a reason. */
    PAUSED,
    /** Paused by the system (reason {@code lagged}) because the agent's desktop lost its connection. */
    LAGGED
}
