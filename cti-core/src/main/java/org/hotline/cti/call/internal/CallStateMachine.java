package org.hotline.cti.call.internal;

import org.hotline.cti.call.CallState;

/** The call state machine: one pure transition function, tested as a table without Spring. */
public final class CallStateMachine {

    private CallStateMachine() {
    }

    /** The state after {@code input}; inputs that do not apply leave the state unchanged, and ENDED absorbs all. */
    public static CallState next(CallState current, CallInput input) {
        if (current == CallState.ENDED) {
            return CallState.ENDED;
        }
        boolean connected = current == CallState.TALKING || current == CallState.ON_HOLD;
        return switch (input) {
            case QUEUE_JOINED -> CallState.QUEUED;
            case QUEUE_LEFT -> current == CallState.QUEUED ? CallState.DIALPLAN : current;
            // a consultation ring while connected does not change the caller's state
            case RING_STARTED -> connected ? current : CallState.RINGING;
            case RINGS_STOPPED_QUEUED -> current == CallState.RINGING ? CallState.QUEUED : current;
            case RINGS_STOPPED_UNQUEUED -> current == CallState.RINGING ? CallState.DIALPLAN : current;
            case ANSWERED, ATTENDED_TRANSFERRED -> CallState.TALKING;
            case HELD -> current == CallState.TALKING ? CallState.ON_HOLD : current;
            case UNHELD -> current == CallState.ON_HOLD ? CallState.TALKING : current;
            case BLIND_TRANSFERRED, AGENT_LEFT -> connected ? CallState.DIALPLAN : current;
            case REDIRECTED -> CallState.DIALPLAN;
            // the queue gave up on a caller still on the line: back in the dialplan (the after-queue message)
            case QUEUE_TIMED_OUT -> current == CallState.QUEUED || current == CallState.RINGING ? CallState.DIALPLAN
                    : current;
            case ABANDONED, CALLER_LEFT, LAST_CHANNEL_GONE -> CallState.ENDED;
        };
    }
}
