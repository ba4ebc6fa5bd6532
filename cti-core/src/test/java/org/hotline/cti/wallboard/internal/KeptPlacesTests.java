package org.hotline.cti.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.cti.callback.RequestedCallback;
import org.junit.jupiter.api.Test;

class KeptPlacesTests {

    private static final Instant NOW = Instant.parse("2026-12-07T08:10:00Z");

    private static Map<String, Object> onLine(String callId, String queue, Instant queuedAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("callId", callId);
        row.put("queue", queue);
        row.put("queueName", queue);
        row.put("position", 1);
        row.put("queuedAt", queuedAt.toString());
        row.put("waitSeconds", java.time.Duration.between(queuedAt, NOW).toSeconds());
        row.put("number", "138****8000");
        row.put("name", "张三");
        row.put("identified", true);
        return row;
    }

    @Test
    void aCallerWhoBookedACallbackKeepsTheirPlaceAmongTheCallersOnTheLineFlagged() {
        List<Map<String, Object>> live = List.of(onLine("live-1", "hotline", NOW.minusSeconds(60)),
                onLine("live-2", "hotline", NOW.minusSeconds(20)));
        RequestedCallback booked = new RequestedCallback("kept-1", "13900001111", "hotline", NOW.minusSeconds(40),
                NOW.minusSeconds(30));

        List<Map<String, Object>> rows = KeptPlaces.merge(live, List.of(booked), Map.of("hotline", "供电服务热线"), NOW);

        assertThat(rows).extracting(r -> r.get("callId")).containsExactly("live-1", "kept-1", "live-2");
        assertThat(rows).extracting(r -> r.get("position")).containsExactly(1, 2, 3);
        assertThat(rows).extracting(r -> r.get("callback")).containsExactly(false, true, false);
        Map<String, Object> kept = rows.get(1);
        assertThat(kept.get("waitSeconds")).isEqualTo(40L);
        assertThat(kept.get("queueName")).isEqualTo("供电服务热线");
        assertThat((String) kept.get("number")).doesNotContain("0000111").contains("*");
    }

    @Test
    void aCallerStillOnTheLineWhoseCallBookedOneIsFlaggedOnce() {
        List<Map<String, Object>> live = List.of(onLine("live-1", "gas", NOW.minusSeconds(60)));
        RequestedCallback booked = new RequestedCallback("live-1", "13900001111", "gas", NOW.minusSeconds(60), NOW);

        List<Map<String, Object>> rows = KeptPlaces.merge(live, List.of(booked), Map.of(), NOW);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("callback")).isEqualTo(true);
        assertThat(rows.get(0).get("name")).isEqualTo("张三");
    }

    @Test
    void positionsAreCountedPerQueue() {
        List<Map<String, Object>> live = List.of(onLine("a", "hotline", NOW.minusSeconds(60)),
                onLine("b", "gas", NOW.minusSeconds(50)));
        List<Map<String, Object>> rows = KeptPlaces.merge(live, List.of(new RequestedCallback("c", "13900001111",
                "gas", NOW.minusSeconds(55), NOW)), Map.of(), NOW);
        assertThat(rows).extracting(r -> r.get("callId") + "#" + r.get("position"))
                .containsExactly("a#1", "c#1", "b#2");
    }

    @Test
    void theBookedCallbacksAreReadOncePerMaxAgeAndAFailingReadKeepsTheLastOnes() {
        AtomicInteger reads = new AtomicInteger();
        KeptPlaces places = new KeptPlaces(() -> {
            if (reads.incrementAndGet() > 1) {
                throw new IllegalStateException("database down");
            }
            return List.of(new RequestedCallback("c", "13900001111", "gas", NOW, NOW));
        });
        assertThat(places.current()).hasSize(1);
        assertThat(places.current()).hasSize(1);
        assertThat(reads.get()).isEqualTo(1);
    }
}
