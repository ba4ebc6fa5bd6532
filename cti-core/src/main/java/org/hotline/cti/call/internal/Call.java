package org.hotline.cti.call.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.Caller;

/** The tracker's mutable record of one call (one Linkedid). */
final class Call {

    final CallId id;
    CallState state = CallState.DIALPLAN;
    Caller caller = Caller.UNKNOWN;
    String queue;
    boolean inQueue;
    long startedMicros;
    long queuedMicros = Fields.NO_LONG;
    long answeredMicros = Fields.NO_LONG;
    Leg callerLeg;
    Leg connected;
    /** A queue ring answered by DialEnd whose AgentConnect has not arrived yet. */
    Leg answering;
    final List<Leg> rings = new ArrayList<>(2);
    final List<Leg> legs = new ArrayList<>(4);
    int liveChannels;
    /** A BlindTransfer/AttendedTransfer was reported; the caller's next BridgeLeave is not a Redirect. */
    boolean transferPending;
    int cause = Fields.NO_INT;
    String causeText = "";
    /** Who ended the conversation so far; reset when another agent is connected (a transfer). */
    CallEnded.EndedBy endedBy;
    /** A click-to-dial call: {@code dialler} is the agent's leg, the caller leg is the dialled customer. */
    boolean outbound;
    Leg dialler;
    /** The outbound dial to the customer ended without an answer (busy, no answer): the dialplan ends the call. */
    boolean customerDialFailed;
    /** The agent who put the call on hold, while it is on hold (a completed attended transfer sends no Unhold). */
    AgentInterface heldBy;

    /** The last snapshot of this call, kept while nothing it shows changed (Views.calls). */
    org.hotline.cti.call.CallView view;
    private Leg viewLeg;
    private Channel[] viewChannels = new Channel[0];
    private long[] viewTouched = new long[0];

    Call(CallId id, long startedMicros) {
        this.id = id;
        this.startedMicros = startedMicros;
    }

    /** Remembers the channels, and the change of each, that {@link #view}'s variables were read from. */
    void variablesRead() {
        List<Channel> cs = callerLeg == null ? List.of() : callerLeg.channels;
        viewLeg = callerLeg;
        viewChannels = cs.toArray(new Channel[0]);
        viewTouched = new long[viewChannels.length];
        for (int i = 0; i < viewChannels.length; i++) {
            viewTouched[i] = viewChannels[i].varsTouched;
        }
    }

    /** Whether the variables are those {@link #variablesRead} saw: same leg, same channels, none changed since. */
    boolean variablesAsRead() {
        List<Channel> cs = callerLeg == null ? List.of() : callerLeg.channels;
        if (callerLeg != viewLeg || cs.size() != viewChannels.length) {
            return false;
        }
        for (int i = 0; i < viewChannels.length; i++) {
            if (cs.get(i) != viewChannels[i] || cs.get(i).varsTouched != viewTouched[i]) {
                return false;
            }
        }
        return true;
    }

    /** The caller leg's channel variables, merged over its channels in the order they were last updated. */
    Map<String, String> variables() {
        Map<String, String> out = new LinkedHashMap<>();
        if (callerLeg == null) {
            return out;
        }
        List<Channel> cs = callerLeg.channels;
        if (cs.size() == 2 && cs.get(0).varsTouched > cs.get(1).varsTouched) {
            cs.get(1).copyVariablesTo(out);
            cs.get(0).copyVariablesTo(out);
        } else {
            for (Channel c : cs) {
                c.copyVariablesTo(out);
            }
        }
        return out;
    }
}
