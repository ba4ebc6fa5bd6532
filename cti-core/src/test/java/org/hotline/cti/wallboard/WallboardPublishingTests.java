package org.hotline.cti.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentState;
import org.hotline.cti.call.AgentView;
import org.hotline.cti.call.CallView;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.push.Subscription;
import org.hotline.cti.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** What the wallboard publishes beat by beat: a full frame first, then only the agents whose row changed. */
class WallboardPublishingTests {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AgentView> agents = new CopyOnWriteArrayList<>(List.of(
            agent("Local/1001@agents", AgentState.READY), agent("Local/1002@agents", AgentState.READY),
            agent("Local/1003@agents", AgentState.IN_CALL)));
    private final List<PushMessage> published = new ArrayList<>();
    private final TestClock clock = new TestClock(NOW);
    private final WallboardService wallboard = new WallboardService(new WallboardProperties(ZoneId.of("Asia/Shanghai"),
            Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(2), new WallboardProperties.Thresholds(Duration.ofSeconds(60),
            Duration.ofSeconds(120), 0.8, 0.6, 1, 0), Map.of()), new DriverManagerDataSource(), null,
            () -> agents, List::<CallView>of, new RecordingBus(published), clock);

    @Test
    void theFirstBeatPublishesEveryAgentAndAnUnchangedBeatPublishesNothing() throws Exception {
        wallboard.tick();
        wallboard.tick();

        List<JsonNode> frames = wallboardFrames();
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).get("full").asBoolean()).isTrue();
        assertThat(interfaces(frames.get(0))).containsExactly("Local/1001@agents", "Local/1002@agents",
                "Local/1003@agents");
    }

    @Test
    void aBeatAfterOneAgentChangedCarriesThatAgentOnlyAndNamesTheOneThatLeft() throws Exception {
        wallboard.tick();
        agents.set(1, agent("Local/1002@agents", AgentState.RINGING));
        agents.remove(2);
        clock.advance(Duration.ofSeconds(1));
        wallboard.tick();

        JsonNode delta = wallboardFrames().get(1);
        assertThat(delta.get("full").asBoolean()).isFalse();
        assertThat(interfaces(delta)).containsExactly("Local/1002@agents");
        assertThat(delta.get("agents").get(0).get("state").asText()).isEqualTo("ringing");
        assertThat(delta.get("removed").get(0).asText()).isEqualTo("Local/1003@agents");
    }

    @Test
    void theHeartbeatRepublishesEveryAgentThoughNothingChanged() throws Exception {
        wallboard.tick();
        clock.advance(Duration.ofSeconds(11));
        wallboard.tick();

        JsonNode beat = wallboardFrames().get(1);
        assertThat(beat.get("full").asBoolean()).isTrue();
        assertThat(interfaces(beat)).hasSize(3);
    }

    private List<JsonNode> wallboardFrames() throws Exception {
        List<JsonNode> frames = new ArrayList<>();
        for (PushMessage m : published) {
            if (m.type().equals(PushMessage.TYPE_WALLBOARD)) {
                frames.add(JSON.readTree(m.payload()));
            }
        }
        return frames;
    }

    private static List<String> interfaces(JsonNode frame) {
        List<String> out = new ArrayList<>();
        frame.get("agents").forEach(a -> out.add(a.get("interface").asText()));
        return out;
    }

    private static AgentView agent(String iface, AgentState state) {
        return new AgentView(AgentInterface.of(iface), iface, state, null, Set.of("hotline"), Set.of(), null, NOW);
    }

    /** Keeps what is published, on the publishing thread. */
    private record RecordingBus(List<PushMessage> published) implements PushBus {

        @Override
        public String nodeId() {
            return "test";
        }

        @Override
        public void publish(PushMessage message) {
            published.add(message);
        }

        @Override
        public PushMessage publish(String target, String type, String payload) {
            PushMessage m = new PushMessage(target, type, payload, "test", published.size() + 1);
            published.add(m);
            return m;
        }

        @Override
        public Subscription subscribe(java.util.function.Predicate<PushMessage> wanted, Consumer<PushMessage> handler,
                                      Runnable onGap) {
            throw new UnsupportedOperationException("not subscribed in these tests");
        }
    }
}
