package org.hotline.cti.presence.internal;

import java.time.Instant;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentState;
import org.hotline.cti.call.AgentView;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.presence.DeskCall;
import org.hotline.cti.presence.DeskState;
import org.hotline.cti.presence.DeskStatus;

/** A desk's first status, read from the tracker's view of the member (queues, pause reason, current call). */
public final class DeskSeed {

    private DeskSeed() {
    }

    /** The status of {@code iface} as {@code tracker} sees it now; logged out when it is no member (or no tracker). */
    public static DeskStatus of(DeskMachine machine, AgentInterface iface, CallTracker tracker, Instant now) {
        if (tracker == null) {
            return DeskStatus.loggedOut(now);
        }
        for (AgentView v : tracker.agents()) {
            if (!v.agent().equals(iface)) {
                continue;
            }
            DeskStatus base = DeskStatus.loggedOut(now).withQueues(v.queues().stream().sorted().toList());
            DeskInput.Pbx pbx = new DeskInput.Pbx(v.state(), v.pausedReason(), base.queues(), v.pauseReasons(), now);
            DeskStatus s = machine.next(base, pbx).status();
            if (v.call() != null && (v.state() == AgentState.IN_CALL || v.state() == AgentState.RINGING)) {
                DeskCall call = tracker.call(v.call()).map(c -> new DeskCall(c.callId().value(),
                        c.caller().number(), c.caller().name(), c.queue()))
                        .orElse(new DeskCall(v.call().value(), "", "", null));
                DeskState st = v.state() == AgentState.IN_CALL ? DeskState.TALKING : DeskState.RINGING;
                s = s.to(st, now).withCall(call, DeskState.READY);
            }
            return s;
        }
        return DeskStatus.loggedOut(now);
    }
}
