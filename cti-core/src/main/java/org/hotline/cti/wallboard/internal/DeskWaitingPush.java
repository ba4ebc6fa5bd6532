package org.hotline.cti.wallboard.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;

/**
 * Pushes the callers waiting to every desk when who waits changes (the page counts the seconds, so the frame's
 * {@code waitSeconds} is left out and does not make a push a second), and at every full frame; one per wallboard.
 */
public final class DeskWaitingPush {

    /** The push type the desks listen for (js/desk-waiting.js). */
    public static final String TYPE = "queue-waiting";

    private final PushBus bus;
    private final ObjectMapper json;
    private String last = "";

    /** Pushes on {@code bus}, writing with {@code json}. */
    public DeskWaitingPush(PushBus bus, ObjectMapper json) {
        this.bus = bus;
        this.json = json;
    }

    /** Pushes the frame's {@code waitingCalls} if they changed since the last push, or when {@code full}. */
    public void publish(Map<String, Object> frame, boolean full) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> waiting = (List<Map<String, Object>>) frame.getOrDefault("waitingCalls", List.of());
        List<Map<String, Object>> forDesks = waiting.stream().map(w -> {
            Map<String, Object> row = new LinkedHashMap<>(w);
            row.remove("waitSeconds");
            return row;
        }).toList();
        String body;
        try {
            body = json.writeValueAsString(forDesks);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("waiting callers not serializable", ex);
        }
        if (full || !body.equals(last)) {
            last = body;
            bus.publish(PushMessage.AGENTS, TYPE, body);
        }
    }
}
