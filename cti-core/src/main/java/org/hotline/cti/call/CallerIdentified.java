package org.hotline.cti.call;

import java.time.Instant;

/**
 * The number of a call's first party became known (its channel's Caller ID at {@code Newchannel} or {@code
 * NewCallerid}), before any queue: a cue to look the caller up while the IVR runs, so the ring pops at once. For a
 * click-to-dial call this is the agent's own leg; the customer comes later with the ring.
 */
public record CallerIdentified(CallId callId, Caller caller, Instant at) implements CallEvent {
}
