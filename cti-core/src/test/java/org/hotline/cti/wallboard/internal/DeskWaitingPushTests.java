package org.hotline.cti.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.push.internal.InMemoryPushBus;
import org.junit.jupiter.api.Test;

/** The desks hear of the callers waiting when who waits changes and at a full frame, not every second of a wait. */
class DeskWaitingPushTests {

    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");

    @Test
    void aNewWaitOnlyIsNoPushButAnotherCallerOrAFullFrameIs() {
        InMemoryPushBus bus = new InMemoryPushBus("test", 16);
        List<PushMessage> pushed = new CopyOnWriteArrayList<>();
        bus.subscribe(pushed::add);
        DeskWaitingPush push = new DeskWaitingPush(bus, JsonMapper.builder().build(), Duration.ZERO);

        push.publish(frame(Map.of("callId", "1.1", "waitSeconds", 3)), false, T0);
        push.publish(frame(Map.of("callId", "1.1", "waitSeconds", 4)), false, T0.plusSeconds(1));
        push.publish(frame(Map.of("callId", "1.1", "waitSeconds", 5), Map.of("callId", "1.2", "waitSeconds", 0)), false,
                T0.plusSeconds(2));
        push.publish(frame(Map.of("callId", "1.1", "waitSeconds", 6), Map.of("callId", "1.2", "waitSeconds", 1)), true,
                T0.plusSeconds(3));

        await().atMost(Duration.ofSeconds(5)).until(() -> pushed.size() >= 3);
        assertThat(pushed).hasSize(3).allSatisfy(m -> {
            assertThat(m.target()).isEqualTo(PushMessage.AGENTS);
            assertThat(m.type()).isEqualTo(DeskWaitingPush.TYPE);
            assertThat(m.payload()).doesNotContain("waitSeconds");
        });
        assertThat(pushed.get(1).payload()).contains("1.2");
    }

    @Test
    void aChangeWithinTheIntervalWaitsForTheFirstBeatAfterItButAFullFrameDoesNot() {
        InMemoryPushBus bus = new InMemoryPushBus("test", 16);
        List<PushMessage> pushed = new CopyOnWriteArrayList<>();
        bus.subscribe(pushed::add);
        DeskWaitingPush push = new DeskWaitingPush(bus, JsonMapper.builder().build(), Duration.ofSeconds(2));

        push.publish(frame(Map.of("callId", "1.1", "waitSeconds", 0)), false, T0);
        push.publish(frame(Map.of("callId", "1.1", "waitSeconds", 0), Map.of("callId", "1.2", "waitSeconds", 0)), false,
                T0.plusMillis(500));
        push.publish(frame(Map.of("callId", "1.2", "waitSeconds", 1)), false, T0.plusMillis(1500));
        push.publish(frame(Map.of("callId", "1.2", "waitSeconds", 2)), false, T0.plusMillis(2000));
        push.publish(frame(Map.of("callId", "1.3", "waitSeconds", 0)), true, T0.plusMillis(2500));

        await().atMost(Duration.ofSeconds(5)).until(() -> pushed.size() >= 3);
        assertThat(pushed).extracting(PushMessage::payload).containsExactly(
                "{\"total\":1,\"calls\":[{\"callId\":\"1.1\"}]}", "{\"total\":1,\"calls\":[{\"callId\":\"1.2\"}]}",
                "{\"total\":1,\"calls\":[{\"callId\":\"1.3\"}]}");
    }

    @Test
    void theDesksGetTheLongestWaitsOnlyWithHowManyWaitInAll() throws Exception {
        InMemoryPushBus bus = new InMemoryPushBus("test", 16);
        List<PushMessage> pushed = new CopyOnWriteArrayList<>();
        bus.subscribe(pushed::add);
        DeskWaitingPush push = new DeskWaitingPush(bus, JsonMapper.builder().build(), Duration.ZERO);
        List<Map<String, Object>> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            waiting.add(Map.of("callId", "1." + i, "waitSeconds", 300 - i));
        }

        push.publish(Map.of("waitingCalls", waiting), true, T0);

        await().atMost(Duration.ofSeconds(5)).until(() -> pushed.size() >= 1);
        var sent = JsonMapper.builder().build().readTree(pushed.get(0).payload());
        assertThat(sent.get("total").asInt()).isEqualTo(300);
        assertThat(sent.get("calls")).hasSize(DeskWaitingPush.MAX_CALLS);
        assertThat(sent.get("calls").get(0).get("callId").asText()).isEqualTo("1.0");
    }

    @SafeVarargs
    private static Map<String, Object> frame(Map<String, Object>... waiting) {
        return Map.of("waitingCalls", List.of(waiting));
    }
}
