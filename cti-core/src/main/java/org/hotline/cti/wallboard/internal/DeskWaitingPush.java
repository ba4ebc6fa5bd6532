package org.hotline.cti.wallboard.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;

/**
 * Pushes the callers waiting to every desk ({@code {"total": n, "calls": [the longest waits]}}) when who waits changes, at most once an {@code interval} (the page counts
 * the seconds, so the frame's {@code waitSeconds} is left out and does not make a push a second), and at every full
 * frame; one per wallboard.
 */
public final class DeskWaitingPush {

    /** The push type the desks listen for (js/desk-waiting.js). */
    public static final String TYPE = PushMessage.TYPE_QUEUE_WAITING;

    /** The longest waits a desk is sent (the frame's list is longest first); the total is sent beside them. */
    public static final int MAX_CALLS = 20;

    private final PushBus bus;
    private final ObjectMapper json;
    private final Duration interval;
    private String last = "";
    private Instant lastPush = Instant.EPOCH;

    /** Pushes on {@code bus}, writing with {@code json}, a change at most once an {@code interval}. */
    public DeskWaitingPush(PushBus bus, ObjectMapper json, Duration interval) {
        this.bus = bus;
        this.json = json;
        this.interval = interval;
    }

    /**
     * Pushes the frame's {@code waitingCalls} when {@code full}, or when they changed since the last push and the
     * interval has passed since it (a change within the interval goes out at the first beat after it).
     */
    public void publish(Map<String, Object> frame, boolean full, Instant now) {
        if (!full && Duration.between(lastPush, now).compareTo(interval) < 0) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> waiting = (List<Map<String, Object>>) frame.getOrDefault("waitingCalls", List.of());
        // the longest waits only: every desk gets this, and 300 callers to 2,000 desks are 100 MB a push (issue #11)
        List<Map<String, Object>> calls = waiting.stream().limit(MAX_CALLS).map(w -> {
            Map<String, Object> row = new LinkedHashMap<>(w);
            row.remove("waitSeconds");
            return row;
        }).toList();
        Map<String, Object> forDesks = new LinkedHashMap<>();
        forDesks.put("total", waiting.size());
        forDesks.put("calls", calls);
        String body;
        try {
            body = json.writeValueAsString(forDesks);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("waiting callers not serializable", ex);
        }
        if (full || !body.equals(last)) {
            last = body;
            lastPush = now;
            bus.publish(PushMessage.AGENTS, TYPE, body);
        }
    }
}
