package org.hotline.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadIntegrationTests {

    private PbxSimulator pbx;
    private AmiTestClient client;

    @AfterEach
    void stop() {
        client.close();
        pbx.close();
    }

    private void start(QueueConfig queue) {
        pbx = PbxSimulator.start(SimulatorConfig.defaults().withQueues(queue));
        client = AmiTestClient.loggedIn(pbx.port());
    }

    private long count(String event) {
        return client.events().stream().filter(m -> m.isEvent(event)).count();
    }

    @Test
    void twentyCallsPerSecondForTwoSecondsPlacesFortyAndFreesEveryAgent() throws Exception {
        start(QueueConfig.ofAgents("burst", 3001, 8).withTimings(Duration.ofMillis(300), Duration.ofMillis(50),
                Duration.ZERO));
        LoadProfile profile = LoadProfile.of(20, Duration.ofSeconds(2), "burst").withRatios(0.2, 0.1)
                .withTimings(DurationRange.ofMillis(20, 80), DurationRange.ofMillis(100, 300),
                        DurationRange.ofMillis(1500, 2000), DurationRange.ofMillis(50, 150));
        LoadRun run = pbx.startLoad(profile);
        run.done().get(15, TimeUnit.SECONDS);
        assertThat(run.placed()).isEqualTo(40);
        assertThat(run.ended()).isEqualTo(40);
        assertThat(run.answered() + run.abandoned()).isEqualTo(40);
        assertThat(run.abandoned()).isPositive();
        assertThat(run.ringNoAnswer()).isPositive();
        client.action("Ping");
        assertThat(count("QueueCallerJoin")).isEqualTo(40);
        assertThat(count("AgentConnect")).isEqualTo(run.answered());
        assertThat(count("QueueCallerAbandon")).isEqualTo(run.abandoned());
        assertThat(count("AgentRingNoAnswer")).isEqualTo(run.ringNoAnswer());
        List<AmiTestClient.Msg> status = client.list("QueueStatus", "Queue", "burst");
        assertThat(status.stream().filter(m -> m.isEvent("QueueMember")))
                .hasSize(8).allSatisfy(m -> assertThat(m.get("Status")).isEqualTo("1"));
        assertThat(status.stream().filter(m -> m.isEvent("QueueParams")).findFirst().orElseThrow().get("Calls"))
                .isEqualTo("0");
        assertThat(client.list("CoreShowChannels")).noneMatch(m -> m.isEvent("CoreShowChannel"));
    }

    @Test
    void callWaitsWhileTheOnlyAgentTalks() throws Exception {
        pbx = PbxSimulator.start(SimulatorConfig.defaults().withSpeed(20).withQueues(
                QueueConfig.ofAgents("hotline", 1001, 1).withTimings(Duration.ofSeconds(15), Duration.ofSeconds(5),
                        Duration.ZERO)));
        client = AmiTestClient.loggedIn(pbx.port());
        CallSpec spec = CallSpec.of("13800138000", "hotline").withOutcome(Outcome.answer(Duration.ofSeconds(1)))
                .withTalkTime(Duration.ofSeconds(4));
        CallHandle first = pbx.placeCall(spec);
        CallHandle second = pbx.placeCall(spec.withCallerName("second"));
        first.ended().get(10, TimeUnit.SECONDS);
        second.ended().get(10, TimeUnit.SECONDS);
        List<AmiTestClient.Msg> events = client.events();
        int firstComplete = indexOf(events, "AgentComplete", first.linkedid());
        int secondCalled = indexOf(events, "AgentCalled", second.linkedid());
        assertThat(secondCalled).isGreaterThan(firstComplete);
        assertThat(second.ended().get().agentInterface()).isEqualTo("Local/1001@agents/n");
    }

    private static int indexOf(List<AmiTestClient.Msg> events, String name, String linkedid) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).isEvent(name) && linkedid.equals(events.get(i).get("Linkedid"))) {
                return i;
            }
        }
        throw new AssertionError(name + " for " + linkedid + " not received");
    }
}
