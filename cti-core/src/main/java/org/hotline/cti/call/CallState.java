package org.hotline.cti.call;

/**
 * Where a call stands as a whole; the transitions are one pure function
 * ({@code org.hotline.cti.call.internal.CallStateMachine#next}).
 */
public enum CallState {
    /** In the dialplan: IVR menus, announcements, or between a queue and the next step. */
    DIALPLAN,
    /** Waiting in a queue with no agent phone ringing. */
    QUEUED,
    /** At least one agent phone rings for it. */
    RINGING,
    /** Connected to an agent. */
    TALKING,
    /** Connected to an agent who put it on hold. */
    ON_HOLD,
    /** The caller is gone (hung up or abandoned); the remaining channels are being torn down. */
    ENDED
}
