package org.hotline.cti.presence.internal;

import java.time.Instant;
import java.util.Optional;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.presence.DeskCall;
import org.hotline.cti.presence.DeskRules;
import org.hotline.cti.presence.DeskStatus;
import org.hotline.cti.presence.DispositionRecorded;

/** Sees a desk finish with a queue call between two statuses, and what outcome it recorded. Pure. */
public final class DispositionWatch {

    private DispositionWatch() {
    }

    /**
     * The outcome recorded when {@code before} handled a call of a queue with call outcomes and {@code after} no
     * longer handles it (talking to ready or paused, wrap-up ended); empty otherwise.
     */
    public static Optional<DispositionRecorded> finished(DeskStatus before, DeskStatus after, DeskRules rules,
                                                         String username, AgentInterface agent, Instant at) {
        DeskCall was = before == null ? null : before.handled();
        if (was == null || was.queue() == null || rules.dispositionsFor(was.queue()).isEmpty()) {
            return Optional.empty();
        }
        DeskCall now = after.handled();
        if (now != null && now.callId().equals(was.callId())) {
            // talking on to the wrap-up of the same call is not an end: the wrap-up carries the outcome on
            return Optional.empty();
        }
        String code = before.disposition() == null ? DeskRules.NONE_CHOSEN : before.disposition();
        return Optional.of(new DispositionRecorded(was.callId(), was.queue(), username, agent, code, at));
    }
}
