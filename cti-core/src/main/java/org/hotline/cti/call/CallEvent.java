package org.hotline.cti.call;

/** Something that happened to one call. */
public sealed interface CallEvent extends TelephonyEvent
        permits CallerIdentified, CallQueued, AgentRinging, AgentRingStopped, CallAnswered, CallHoldChanged, CallTransferred,
                CallAbandoned, CallQueueTimedOut, CallEnded {
    /** The call it happened to. */
    CallId callId();
}
