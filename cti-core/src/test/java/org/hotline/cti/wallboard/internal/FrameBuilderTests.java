package org.hotline.cti.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentState;
import org.hotline.cti.call.AgentView;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.CallView;
import org.hotline.cti.call.Caller;
import org.hotline.cti.wallboard.WallboardProperties;
import org.junit.jupiter.api.Test;

/** A frame from live views: waiting calls, agents by state with wrap-up and lagged split out, one row per agent. */
class FrameBuilderTests {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final WallboardProperties PROPS = new WallboardProperties(ZoneId.of("Asia/Shanghai"), Duration.ofSeconds(1),
            Duration.ofSeconds(10), Duration.ofSeconds(2), new WallboardProperties.Thresholds(Duration.ofSeconds(60), Duration.ofSeconds(120),
            0.8, 0.6, 1, 0), Map.of());

    static AgentView view(String iface, AgentState state, String reason, CallId call) {
        return new AgentView(new AgentInterface(iface), iface, state, reason, Set.of("hotline"), Set.of(), call,
                NOW.minusSeconds(30));
    }

    static AgentAccount account(String username, String... interfaces) {
        return new AgentAccount(1, username, username.toUpperCase(), AgentAccount.Role.AGENT, true,
                List.of(interfaces), List.of("hotline"));
    }

    @Test
    void waitingCallersAreListedLongestFirstWithTheirPlaceInTheirQueueAndTheirNumberMasked() {
        List<CallView> calls = List.of(
                new CallView(new CallId("2.1"), CallState.QUEUED, new Caller("13800138000", "张三"), "hotline", null,
                        null, Set.of(), NOW.minusSeconds(50), NOW.minusSeconds(40), null,
                        Map.of("IVR_ACCOUNT", "0101")),
                new CallView(new CallId("2.2"), CallState.RINGING, new Caller("13900139000", ""), "hotline", null,
                        null, Set.of(), NOW.minusSeconds(12), NOW.minusSeconds(10), null, Map.of()),
                new CallView(new CallId("2.3"), CallState.QUEUED, Caller.UNKNOWN, "gas", null, null, Set.of(),
                        NOW.minusSeconds(95), NOW.minusSeconds(90), null, Map.of()));
        Map<String, Object> frame = FrameBuilder.build(NOW, PROPS,
                new Counters(PROPS.zone(), q -> Duration.ofSeconds(30)).reading(),
                Map.of("hotline", new FrameBuilder.QueueInfo("hotline", "电力热线")), List.of(), calls, Map.of());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> waiting = (List<Map<String, Object>>) frame.get("waitingCalls");
        assertThat(waiting).extracting(w -> w.get("callId")).containsExactly("2.3", "2.1", "2.2");
        assertThat(waiting).extracting(w -> w.get("position")).containsExactly(1, 1, 2);
        assertThat(waiting.get(1)).containsEntry("queueName", "电力热线").containsEntry("number", "138****8000")
                .containsEntry("name", "张三").containsEntry("identified", true).containsEntry("waitSeconds", 40L);
        assertThat(waiting.get(2)).containsEntry("identified", false);
    }

    @Test
    void aBeatReusesTheRowOfAnAgentWhoseViewIsTheSameAndBuildsTheRowOfOneThatChanged() {
        AgentView ready = view("Local/1001@agents", AgentState.READY, null, null);
        AgentView other = view("Local/1002@agents", AgentState.READY, null, null);
        Map<String, AgentAccount> accounts = Map.of("Local/1001@agents", account("agent1001", "Local/1001@agents"),
                "Local/1002@agents", account("agent1002", "Local/1002@agents"));
        Counters counters = new Counters(PROPS.zone(), q -> Duration.ofSeconds(30));
        AgentRows rows = new AgentRows();

        List<Map<String, Object>> first = agents(FrameBuilder.build(NOW, PROPS, counters.reading(), Map.of(),
                List.of(ready, other), List.of(), accounts, rows));
        AgentView paused = view("Local/1002@agents", AgentState.PAUSED, "lunch", null);
        List<Map<String, Object>> second = agents(FrameBuilder.build(NOW, PROPS, counters.reading(), Map.of(),
                List.of(ready, paused), List.of(), accounts, rows));

        assertThat(second.get(0)).isSameAs(first.get(0));
        assertThat(second.get(1)).isNotSameAs(first.get(1)).containsEntry("state", "paused");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> agents(Map<String, Object> frame) {
        return (List<Map<String, Object>>) frame.get("agents");
    }

    @Test
    void queuesCountWaitingCallsAndAgentsByStateAndAgentsGetOneRowEach() {
        CallId talking = new CallId("1.1");
        List<CallView> calls = List.of(
                new CallView(new CallId("1.2"), CallState.QUEUED, Caller.UNKNOWN, "hotline", null, null, Set.of(),
                        NOW.minusSeconds(70), NOW.minusSeconds(65), null, Map.of()),
                new CallView(new CallId("1.3"), CallState.RINGING, Caller.UNKNOWN, "hotline", null, null, Set.of(),
                        NOW.minusSeconds(10), NOW.minusSeconds(10), null, Map.of()),
                new CallView(talking, CallState.TALKING, new Caller("13800138000", "<b>张三</b>"), "hotline",
                        new AgentInterface("Local/1001@agents"), null, Set.of(), NOW, NOW, NOW, Map.of()));
        List<AgentView> views = List.of(view("Local/1001@agents", AgentState.IN_CALL, null, talking),
                view("Local/1002@agents", AgentState.PAUSED, "wrapup", null),
                view("Local/1003@agents", AgentState.PAUSED, "lagged", null),
                view("Local/1004@agents", AgentState.PAUSED, "lunch", null));
        AgentAccount a1 = account("agent1001", "Local/1001@agents", "PJSIP/1001");
        Map<String, AgentAccount> accounts = Map.of("Local/1001@agents", a1, "PJSIP/1001", a1,
                "Local/1002@agents", account("agent1002", "Local/1002@agents"),
                "Local/1005@agents", account("agent1005", "Local/1005@agents"));
        Counters counters = new Counters(PROPS.zone(), q -> Duration.ofSeconds(30));

        Map<String, Object> frame =
                FrameBuilder.build(NOW, PROPS, counters.reading(), Map.of(), views, calls, accounts);

        @SuppressWarnings("unchecked")
        Map<String, Object> hotline = ((List<Map<String, Object>>) frame.get("queues")).get(0);
        assertThat(hotline.get("waiting")).isEqualTo(2);
        assertThat(hotline.get("longestWaitSeconds")).isEqualTo(65.0);
        assertThat(hotline.get("agents")).isEqualTo(Map.of("ready", 0, "ringing", 0, "talking", 1, "wrapup", 1,
                "paused", 1, "lagged", 1, "loggedOut", 1, "unavailable", 0));
        assertThat(hotline.get("pausedByReason")).isEqualTo(Map.of("lunch", 1));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> agents = (List<Map<String, Object>>) frame.get("agents");
        assertThat(agents).extracting(a -> a.get("interface")).containsExactly("Local/1001@agents",
                "Local/1002@agents", "Local/1005@agents", "Local/1003@agents", "Local/1004@agents");
        assertThat(agents.get(0).get("caller")).isEqualTo(Map.of("number", "13800138000", "name", "<b>张三</b>"));
        assertThat(agents.get(2).get("state")).isEqualTo("loggedOut");
        // longest wait 65 s is over the 60 s warning; 0 ready while calls wait is critical
        assertThat(frame.get("alerts")).asList().hasSize(2);
    }

    @Test
    void anAgentPausedInOneOfItsQueuesCountsAsPausedThereAndReadyInTheOthers() {
        AgentView partly = new AgentView(new AgentInterface("Local/1003@agents"), "Local/1003@agents/n", "Agent 1003",
                AgentState.READY, null, Set.of("hotline", "gas", "water"), Set.of("gas"), Map.of("gas", "meeting"),
                null, NOW);
        // the account holds the member's exact interface; the tracker's views are keyed normalized
        AgentAccount a3 = account("agent1003", "Local/1003@agents/n");
        Counters counters = new Counters(PROPS.zone(), q -> Duration.ofSeconds(30));

        Map<String, FrameBuilder.QueueInfo> configured = Map.of("hotline", new FrameBuilder.QueueInfo("hotline", "电"),
                "gas", new FrameBuilder.QueueInfo("gas", "气"), "water", new FrameBuilder.QueueInfo("water", "水"));

        Map<String, Object> frame = FrameBuilder.build(NOW, PROPS, counters.reading(), configured, List.of(partly), List.of(),
                Map.of("Local/1003@agents", a3));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> queues = (List<Map<String, Object>>) frame.get("queues");
        assertThat(queues).extracting(q -> q.get("name") + " " + ((Map<?, ?>) q.get("agents")).get("ready") + "/"
                + ((Map<?, ?>) q.get("agents")).get("paused")).containsExactly("gas 0/1", "hotline 1/0", "water 1/0");
        assertThat(queues.get(0).get("pausedByReason")).isEqualTo(Map.of("meeting", 1));
        @SuppressWarnings("unchecked")
        Map<String, Object> row = ((List<Map<String, Object>>) frame.get("agents")).get(0);
        assertThat(row.get("username")).isEqualTo("agent1003");
        assertThat(row.get("state")).isEqualTo("ready");
        assertThat(row.get("partlyPaused")).isEqualTo(true);
        assertThat(row.get("pausedQueues")).isEqualTo(Map.of("gas", "meeting"));
    }
}
