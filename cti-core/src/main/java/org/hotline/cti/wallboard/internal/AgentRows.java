package org.hotline.cti.wallboard.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.call.AgentView;
import org.hotline.cti.call.CallView;
import org.hotline.cti.call.Caller;

/**
 * The wallboard's agent rows of the last frame: a row is built again only when its agent's view, account, calls today
 * or caller changed (the tracker keeps an unchanged agent's view, the same object), so a beat with 2,000 agents
 * builds the few that changed (issue #11). One builder's beats only: not for concurrent frames.
 */
public final class AgentRows {

    /** Builds one agent's row. */
    @FunctionalInterface
    interface RowBuilder {
        Map<String, Object> build(String iface, AgentAccount account, AgentView view, long callsToday, CallView call);
    }

    private record Entry(AgentAccount account, AgentView view, long callsToday, Caller caller,
                         Map<String, Object> row) {
    }

    private Map<String, Entry> last = new HashMap<>();
    private Map<String, Entry> next = new HashMap<>();

    /** The row of {@code iface}: the last frame's when nothing it shows changed, else a new one. */
    Map<String, Object> row(String iface, AgentAccount account, AgentView view, long callsToday, CallView call,
                            RowBuilder builder) {
        Caller caller = call == null ? null : call.caller();
        Entry e = last.get(iface);
        if (e == null || e.account() != account || e.view() != view || e.callsToday() != callsToday
                || !Objects.equals(e.caller(), caller)) {
            e = new Entry(account, view, callsToday, caller, builder.build(iface, account, view, callsToday, call));
        }
        next.put(iface, e);
        return e.row();
    }

    /** Ends a frame: the agents it did not show are forgotten. */
    void frameDone() {
        Map<String, Entry> done = last;
        last = next;
        next = done;
        next.clear();
    }
}
