package org.hotline.cti.call.internal;

import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.call.AgentInterface;

/** A logical party of a call: one channel, or both halves of a Local channel merged. */
final class Leg {

    /** What the party is to the call. */
    enum Role { OTHER, CALLER, AGENT }

    final List<Channel> channels = new ArrayList<>(2);
    Call call;
    Role role = Role.OTHER;
    boolean ended;
    AgentInterface agent;
    String memberName;
    /** The queue that rings this leg, null for a direct dial. */
    String ringQueue;
    boolean ringing;
    long ringStartedMicros;
    /** A HangupRequest/SoftHangupRequest (or Hangup) was seen on one of its channels. */
    boolean hangupSignalled;
    /** The first hang-up signal was our dialplan's own Hangup() (a SoftHangupRequest in a {@code hotline-} context). */
    boolean systemHangup;
    /** The leg that dialled this one (an attended transfer's consultation channel dials the target agent). */
    Leg dialledBy;

    Leg(Call call) {
        this.call = call;
    }

    /** The channel that names the leg: the {@code ;1} half of a Local pair, else the only channel. */
    Channel primary() {
        Channel first = channels.get(0);
        for (Channel c : channels) {
            if (c.name.endsWith(";1")) {
                return c;
            }
        }
        return first;
    }
}
