package org.hotline.pbxsim.internal;

import java.util.ArrayList;
import java.util.List;

/** Offers waiting callers to free members by the queue's strategy (autofill: every caller that can be served). */
final class QueueDispatcher {

    private final CallEngine engine;
    private final Sim sim;

    QueueDispatcher(CallEngine engine) {
        this.engine = engine;
        this.sim = engine.sim;
    }

    /** Offers every waiting caller of the queue that a free member can take. */
    void dispatch(QueueState q) {
        dispatch(q, null);
    }

    /**
     * Offers every waiting caller a free member can take; {@code own} is the call whose own step triggered this, whose
     * planned timeline stays as it is, while the others catch up with the clock.
     */
    void dispatch(QueueState q, Call own) {
        for (QueueState.Entry entry : new ArrayList<>(q.entries)) {
            Call call = entry.call;
            if (call == null || call.phase != Call.Phase.WAITING) {
                continue;
            }
            Member m = choose(q, call);
            if (m != null) {
                if (call != own) {
                    engine.sync(call);
                }
                engine.agents.offer(call, m);
            }
        }
    }

    /** Dispatches every queue an interface belongs to, e.g. when its agent becomes free. */
    void dispatchFor(String iface) {
        for (Member m : sim.memberships(iface)) {
            dispatch(sim.queue(m.queue));
        }
    }

    /** The member a caller is offered to now, or {@code null} when nobody suitable is free. */
    private Member choose(QueueState q, Call call) {
        String directed = call.directedAgent();
        long now = sim.clock.simNanos();
        List<Member> members = new ArrayList<>(q.members.values());
        List<Member> free = new ArrayList<>();
        int best = Integer.MAX_VALUE;
        for (Member m : members) {
            if (m.paused || m.device.call != null || m.device.status != AgentDevice.NOT_INUSE
                    || m.device.wrapUntilSimNanos > now || call.excluded.contains(m.iface)
                    || (directed != null && !directed.equals(m.extension))) {
                continue;
            }
            free.add(m);
            best = Math.min(best, m.penalty);
        }
        final int lowest = best;
        free.removeIf(m -> m.penalty != lowest);
        if (free.isEmpty()) {
            return null;
        }
        return switch (q.strategy) {
            case LINEAR -> free.get(0);
            case LEASTRECENT -> {
                Member pick = free.get(0);
                for (Member m : free) {
                    if (m.lastCall < pick.lastCall) {
                        pick = m;
                    }
                }
                yield pick;
            }
            case RRMEMORY -> {
                int n = members.size();
                Member pick = free.get(0);
                for (int i = 0; i < n; i++) {
                    Member m = members.get((q.rrNext + i) % n);
                    if (free.contains(m)) {
                        pick = m;
                        break;
                    }
                }
                q.rrNext = (members.indexOf(pick) + 1) % n;
                yield pick;
            }
        };
    }
}
