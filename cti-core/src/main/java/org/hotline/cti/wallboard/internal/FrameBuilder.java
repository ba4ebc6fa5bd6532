package org.hotline.cti.wallboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentState;
import org.hotline.cti.call.AgentView;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.CallView;
import org.hotline.cti.customer.LogMask;
import org.hotline.cti.wallboard.Alert;
import org.hotline.cti.wallboard.WallboardProperties;

/**
 * Builds one wallboard frame (the JSON tree documented in docs/adr/0011) from a reading of the counters and the
 * tracker's live views; pure.
 */
public final class FrameBuilder {

    /** A queue as configured: name, display name, whether the big screen leaves it out. */
    public record QueueInfo(String name, String displayName, boolean hiddenFromBigScreen) {
        /** A queue the big screen shows. */
        public QueueInfo(String name, String displayName) {
            this(name, displayName, false);
        }
    }

    private static final List<String> STATES =
            List.of("ready", "ringing", "talking", "wrapup", "paused", "lagged", "loggedOut", "unavailable");

    private FrameBuilder() {
    }

    /** The frame as nested maps and lists, ready for a JSON writer. */
    public static Map<String, Object> build(Instant now, WallboardProperties properties, Counters.Reading counters,
                                            Map<String, QueueInfo> configured, Collection<AgentView> views,
                                            Collection<CallView> calls, Map<String, AgentAccount> accountsByInterface) {
        return build(now, properties, counters, configured, views, calls, accountsByInterface, new AgentRows());
    }

    /** The frame, reusing {@code rows}' agent rows where nothing they show changed (one builder's beats only). */
    public static Map<String, Object> build(Instant now, WallboardProperties properties, Counters.Reading counters,
                                            Map<String, QueueInfo> configured, Collection<AgentView> views,
                                            Collection<CallView> calls, Map<String, AgentAccount> accountsByInterface,
                                            AgentRows rows) {
        Map<CallId, CallView> callsById = new HashMap<>();
        Map<String, List<CallView>> waitingByQueue = new HashMap<>();
        for (CallView call : calls) {
            callsById.put(call.callId(), call);
            boolean waiting = call.queue() != null && call.queuedAt() != null && call.answeredAt() == null
                    && (call.state() == CallState.QUEUED || call.state() == CallState.RINGING);
            if (waiting) {
                waitingByQueue.computeIfAbsent(call.queue(), q -> new ArrayList<>()).add(call);
            }
        }
        List<Map<String, Object>> agentRows = agents(counters, views, callsById, accountsByInterface, rows);

        TreeSet<String> names = new TreeSet<>(configured.keySet());
        counters.queueNames().forEach(names::add);
        waitingByQueue.keySet().forEach(names::add);
        List<Map<String, Object>> queueRows = new ArrayList<>();
        List<Alert> allAlerts = new ArrayList<>();
        // one pass over the agents, each counted in its own queues (2,000 rows a beat, issue #11)
        Map<String, Map<String, Integer>> byStateByQueue = new HashMap<>();
        Map<String, Map<String, Integer>> pausedByQueue = new HashMap<>();
        for (Map<String, Object> agent : agentRows) {
            @SuppressWarnings("unchecked")
            List<String> queues = (List<String>) agent.get("queues");
            @SuppressWarnings("unchecked")
            Map<String, String> pausedIn = (Map<String, String>) agent.get("pausedQueues");
            for (String name : queues) {
                String state = (String) agent.get("state");
                String reason = (String) agent.get("reason");
                if ((state.equals("ready") || state.equals("unavailable")) && pausedIn.containsKey(name)) {
                    // paused in this queue only: Asterisk offers it none of this queue's calls
                    reason = pausedIn.get(name);
                    state = AgentStatus.of(AgentState.PAUSED, reason);
                }
                byStateByQueue.computeIfAbsent(name, q -> noAgents()).merge(state, 1, Integer::sum);
                if (state.equals("paused")) {
                    pausedByQueue.computeIfAbsent(name, q -> new TreeMap<>())
                            .merge(reason == null || reason.isBlank() ? "" : reason, 1, Integer::sum);
                }
            }
        }
        for (String name : names) {
            List<CallView> waiting = waitingByQueue.getOrDefault(name, List.of());
            double longest = waiting.stream().map(CallView::queuedAt)
                    .mapToDouble(at -> Math.max(0, Duration.between(at, now).toMillis() / 1000.0)).max().orElse(0);
            Map<String, Integer> byState = byStateByQueue.computeIfAbsent(name, q -> noAgents());
            Map<String, Integer> pausedByReason = pausedByQueue.getOrDefault(name, new TreeMap<>());
            var lastHour = counters.lastHour(name);
            List<Alert> alerts = AlertRules.evaluate(name, properties.thresholds(name), waiting.size(), longest,
                    lastHour.serviceLevel(), byState.get("ready"));
            allAlerts.addAll(alerts);
            Map<String, Object> row = new LinkedHashMap<>();
            QueueInfo info = configured.get(name);
            row.put("name", name);
            row.put("displayName", info == null ? name : info.displayName());
            row.put("hiddenFromBigScreen", info != null && info.hiddenFromBigScreen());
            row.put("serviceLevelSeconds", counters.serviceLevel(name).toSeconds());
            row.put("waiting", waiting.size());
            row.put("longestWaitSeconds", Math.floor(longest));
            row.put("agents", byState);
            row.put("pausedByReason", pausedByReason);
            row.put("today", counters.today(name));
            row.put("lastHour", lastHour);
            row.put("alerts", alerts);
            queueRows.add(row);
        }
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("at", now.toString());
        frame.put("zone", properties.zone().getId());
        frame.put("queues", queueRows);
        frame.put("agents", agentRows);
        frame.put("waitingCalls", waitingCalls(now, waitingByQueue, configured));
        allAlerts.sort(Comparator.comparing(Alert::level).reversed().thenComparing(Alert::queue));
        frame.put("alerts", allAlerts);
        return frame;
    }

    private static Map<String, Integer> noAgents() {
        Map<String, Integer> byState = new LinkedHashMap<>();
        STATES.forEach(s -> byState.put(s, 0));
        return byState;
    }

    /**
     * Every caller waiting in a queue, longest wait first: queue, wait, position in its queue, the caller's number
     * masked (the big screen shows this frame on a wall), the caller ID name, whether the IVR identified an account.
     */
    private static List<Map<String, Object>> waitingCalls(Instant now, Map<String, List<CallView>> waitingByQueue,
                                                          Map<String, QueueInfo> configured) {
        List<Map<String, Object>> out = new ArrayList<>();
        waitingByQueue.forEach((queue, calls) -> {
            List<CallView> inOrder = calls.stream().sorted(Comparator.comparing(CallView::queuedAt)).toList();
            for (int i = 0; i < inOrder.size(); i++) {
                CallView c = inOrder.get(i);
                Map<String, Object> row = new LinkedHashMap<>();
                QueueInfo info = configured.get(queue);
                row.put("callId", c.callId().value());
                row.put("queue", queue);
                row.put("queueName", info == null ? queue : info.displayName());
                row.put("position", i + 1);
                row.put("queuedAt", c.queuedAt().toString());
                row.put("waitSeconds", Math.max(0, Duration.between(c.queuedAt(), now).toSeconds()));
                row.put("number", LogMask.phone(c.caller().number()));
                row.put("name", c.caller().name().isBlank() ? null : c.caller().name());
                row.put("identified", c.variables().containsKey("HOTLINE_ACCOUNT")
                        || c.variables().containsKey("IVR_ACCOUNT"));
                out.add(row);
            }
        });
        out.sort(Comparator.comparing((Map<String, Object> r) -> (Long) r.get("waitSeconds")).reversed());
        return out;
    }

    private static List<Map<String, Object>> agents(Counters.Reading counters, Collection<AgentView> views,
                                                    Map<CallId, CallView> callsById,
                                                    Map<String, AgentAccount> accountsByInterface, AgentRows cache) {
        Map<String, AgentView> viewsByInterface = new HashMap<>();
        views.forEach(v -> viewsByInterface.put(v.agent().value(), v));
        // one row per agent account (its phone with a live view, else its first); phones of no account get their own
        Map<String, AgentAccount> accounts = new TreeMap<>();
        accountsByInterface.values().forEach(a -> {
            if (a.role().takesCalls() && a.enabled()) {
                accounts.put(a.username(), a);
            }
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        TreeSet<String> unowned = new TreeSet<>(viewsByInterface.keySet());
        for (AgentAccount account : accounts.values()) {
            // the account lists the member's exact interface (Local/1001@agents/n), the views are keyed normalized
            List<String> phones = account.interfaces().stream().map(i -> AgentInterface.of(i).value()).toList();
            unowned.removeAll(phones);
            AgentView best = null;
            long callsToday = 0;
            for (String iface : phones) {
                callsToday += counters.answeredToday(iface);
                AgentView v = viewsByInterface.get(iface);
                if (v != null && (best == null || best.state() == AgentState.LOGGED_OUT)) {
                    best = v;
                }
            }
            String iface = best != null ? best.agent().value()
                    : phones.isEmpty() ? account.username() : phones.get(0);
            rows.add(cache.row(iface, account, best, callsToday, callOf(best, callsById), FrameBuilder::row));
        }
        for (String iface : unowned) {
            AgentView view = viewsByInterface.get(iface);
            if (view.state() != AgentState.LOGGED_OUT) {
                rows.add(cache.row(iface, null, view, counters.answeredToday(iface), callOf(view, callsById),
                        FrameBuilder::row));
            }
        }
        cache.frameDone();
        return rows;
    }

    private static CallView callOf(AgentView view, Map<CallId, CallView> callsById) {
        return view == null || view.call() == null ? null : callsById.get(view.call());
    }

    private static Map<String, Object> row(String iface, AgentAccount account, AgentView view, long callsToday,
                                           CallView call) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("interface", iface);
        row.put("username", account == null ? null : account.username());
        row.put("displayName", account != null ? account.displayName()
                : view != null && view.memberName() != null ? view.memberName() : iface);
        AgentState state = view == null ? AgentState.LOGGED_OUT : view.state();
        row.put("state", AgentStatus.of(state, view == null ? null : view.pausedReason()));
        row.put("reason", state == AgentState.PAUSED ? view.pausedReason() : null);
        // paused in some queues only: the state stays ready, the queues it gets no calls from are listed
        row.put("pausedQueues", view == null ? Map.of() : new TreeMap<>(view.pauseReasons()));
        row.put("partlyPaused", view != null && state != AgentState.PAUSED && !view.pausedQueues().isEmpty());
        row.put("since", view == null || view.since() == null ? null : view.since().toString());
        row.put("queues", new ArrayList<>(new TreeSet<>(view != null && !view.queues().isEmpty() ? view.queues()
                : account != null ? account.queues() : List.of())));
        row.put("callsToday", callsToday);
        if (call != null) {
            Map<String, Object> caller = new LinkedHashMap<>();
            caller.put("number", call.caller().number());
            caller.put("name", call.caller().name());
            row.put("caller", caller);
        } else {
            row.put("caller", null);
        }
        return row;
    }
}
