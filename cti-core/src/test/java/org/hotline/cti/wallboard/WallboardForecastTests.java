package org.hotline.cti.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentState;
import org.hotline.cti.call.AgentView;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.CallView;
import org.hotline.cti.call.Caller;
import org.hotline.cti.callrecord.CallOutcome;
import org.hotline.cti.callrecord.CallRecord;
import org.hotline.cti.callrecord.WrapUp;
import org.hotline.cti.push.internal.InMemoryPushBus;
import org.hotline.cti.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The wallboard's forecast for the IVR: what it counts of the live queue and of the last hour. */
class WallboardForecastTests {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    private final List<AgentView> agents = List.of(
            agent("Local/1001@agents", AgentState.READY, Set.of("hotline"), Set.of()),
            agent("Local/1002@agents", AgentState.IN_CALL, Set.of("hotline", "gas"), Set.of()),
            agent("Local/1003@agents", AgentState.RINGING, Set.of("hotline"), Set.of()),
            // paused in this queue: not serving it
            agent("Local/1004@agents", AgentState.PAUSED, Set.of("hotline"), Set.of("hotline")),
            agent("Local/2001@agents", AgentState.READY, Set.of("gas"), Set.of()));
    private final List<CallView> calls = List.of(
            call("1", CallState.QUEUED, "hotline"), call("2", CallState.RINGING, "hotline"),
            call("3", CallState.TALKING, "hotline"), call("4", CallState.QUEUED, "gas"),
            call("5", CallState.DIALPLAN, null));
    private final WallboardService wallboard = new WallboardService(new WallboardProperties(ZoneId.of("Asia/Shanghai"),
            Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(2), new WallboardProperties.Thresholds(Duration.ofSeconds(60),
            Duration.ofSeconds(120), 0.8, 0.6, 1, 0), Map.of()), new DriverManagerDataSource(), null,
            () -> agents, () -> calls, new InMemoryPushBus("test", 16), new TestClock(NOW));

    @Test
    void theForecastCountsWaitingCallersUnpausedMembersAndTheLastHoursTalkPlusWrapUp() {
        answered("a", Duration.ofSeconds(200), Duration.ofSeconds(30));
        answered("b", Duration.ofSeconds(100), Duration.ofSeconds(10));

        QueueForecast f = wallboard.forecast("hotline");

        assertThat(f.waitingAhead()).isEqualTo(2);
        assertThat(f.agentsReady()).isEqualTo(1);
        assertThat(f.agentsBusy()).isEqualTo(2);
        assertThat(f.avgHandleSeconds()).isEqualTo(170.0);
        // 2 + 1 − 1 ready = 2 × 170 s ÷ 3 staffed = 113 s
        assertThat(f.expectedMinutes()).contains(2);
    }

    @Test
    void aQueueWithoutHistoryHasNoHandleTimeAndIsNotAddedToTheWallboard() {
        QueueForecast f = wallboard.forecast("water");
        assertThat(f.avgHandleSeconds()).isNull();
        assertThat(f.expectedWait()).isEmpty();
        assertThat(wallboard.frame()).doesNotContain("water");
    }

    private void answered(String id, Duration talk, Duration wrap) {
        Instant answered = NOW.minus(Duration.ofMinutes(20));
        Instant ended = answered.plus(talk);
        AgentInterface agent = AgentInterface.of("Local/1002@agents");
        wallboard.onCallRecorded(new CallRecord(new CallId(id), "inbound", new Caller("13800000001", null), "hotline",
                agent, "1002", answered.minusSeconds(40), answered.minusSeconds(30), answered, ended, Duration.ZERO,
                talk, CallOutcome.ANSWERED, 16));
        wallboard.onWrapUp(new WrapUp(new CallId(id), "hotline", agent, wrap, ended.plus(wrap)));
    }

    private static AgentView agent(String iface, AgentState state, Set<String> queues, Set<String> paused) {
        return new AgentView(AgentInterface.of(iface), iface, state, null, queues, paused, null, NOW);
    }

    private static CallView call(String id, CallState state, String queue) {
        return new CallView(new CallId(id), state, new Caller("13800000009", null), queue, null, null, Set.of(), NOW,
                queue == null ? null : NOW, null, Map.of());
    }
}
