package org.hotline.desktop.wallboard.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.cti.push.PushMessage;
import org.hotline.desktop.DesktopProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The supervisors' WebSocket: on connect a full frame merged from the frames seen on the bus ({@code
 * {"type":"snapshot","data":frame}}, data null before the first), then every frame as {@code
 * {"type":"wallboard","data":frame}} carrying only the agent rows that changed, heartbeats included (docs/adr/0011), and
 * work-order alarms and changes as {@code {"type":"workorder-alarm","data":alarm}} and {@code
 * {"type":"workorder-changed","data":change}} (ADR 0020). Merging and sending
 * happen under one lock, so a new socket's snapshot and the frames after it never overlap or leave a gap. Nothing the
 * browser sends changes what it gets. Dispatchers' sockets get the work-order messages only (docs/adr/0024).
 */
final class SupervisorSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(SupervisorSocketHandler.class);
    private static final String SESSION = "hotline.supervisor";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PASSED_THROUGH = Set.of(PushMessage.TYPE_WORKORDER_ALARM,
            PushMessage.TYPE_WORKORDER_CHANGED, PushMessage.TYPE_WORKORDER_CREW);

    private final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();
    // dispatchers: the work-order news, never the floor's agents and queues
    private final Set<WebSocketSession> workOrdersOnly = ConcurrentHashMap.newKeySet();
    private final DesktopProperties properties;
    private final Object lock = new Object();
    private final Map<String, JsonNode> agents = new TreeMap<>();
    private ObjectNode head;

    SupervisorSocketHandler(DesktopProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        if (!SupervisorHandshake.mayConnect(raw.getPrincipal())) {
            close(raw, CloseStatus.POLICY_VIOLATION.withReason("supervisors and dispatchers only"));
            return;
        }
        boolean wallboard = SupervisorHandshake.watchesFloor(raw.getPrincipal());
        // frames may be large (every agent of the floor): allow a few seconds' worth in the buffer
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw,
                (int) properties.sendTimeLimit().toMillis(), Math.max(properties.sendBufferLimit(), 8 << 20),
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        raw.getAttributes().put(SESSION, session);
        synchronized (lock) {
            if (wallboard) {
                sessions.add(session);
                send(session, "{\"type\":\"snapshot\",\"data\":" + snapshot() + "}");
            } else {
                workOrdersOnly.add(session);
            }
        }
    }

    private String snapshot() {
        if (head == null) {
            return "null";
        }
        ObjectNode frame = head.deepCopy();
        frame.put("full", true);
        frame.putArray("agents").addAll(agents.values());
        frame.putArray("removed");
        return frame.toString();
    }

    /** One bus message: wallboard frames and work-order news go to every supervisor session on this node. */
    /** Whether {@link #deliver} does anything with {@code message}: the supervisors' messages and ended sessions. */
    static boolean wants(PushMessage message) {
        return PushMessage.SUPERVISORS.equals(message.target()) || message.sessionsEndedUser() != null;
    }

    void deliver(PushMessage message) {
        String ended = message.sessionsEndedUser();
        if (ended != null) {
            // an administrator disabled the user or handed out a new password: the wallboard closes too
            for (Set<WebSocketSession> group : List.of(sessions, workOrdersOnly)) {
                for (WebSocketSession session : group) {
                    if (session.getPrincipal() != null && ended.equals(session.getPrincipal().getName())) {
                        group.remove(session);
                        close(session, CloseStatus.POLICY_VIOLATION.withReason("session ended by an administrator"));
                    }
                }
            }
            return;
        }
        if (PushMessage.SUPERVISORS.equals(message.target()) && PASSED_THROUGH.contains(message.type())) {
            // passed through as is: pages that do not show work orders ignore the type
            TextMessage text = frame("{\"type\":\"" + message.type() + "\",\"data\":" + message.payload() + "}");
            for (WebSocketSession session : sessions) {
                send(session, text);
            }
            for (WebSocketSession session : workOrdersOnly) {
                send(session, text);
            }
            return;
        }
        if (!PushMessage.SUPERVISORS.equals(message.target()) || !PushMessage.TYPE_WALLBOARD.equals(message.type())) {
            return;
        }
        JsonNode frame;
        try {
            frame = JSON.readTree(message.payload());
        } catch (JsonProcessingException ex) {
            log.warn("unreadable wallboard frame from {}: {}", message.origin(), ex.toString());
            return;
        }
        synchronized (lock) {
            // Sessions here already hold every agent row: a full (heartbeat) frame goes out as the rows that differ,
            // so 200 wallboards do not each get the whole floor every heartbeat (issue #3 benchmark).
            ArrayNode changed = JSON.createArrayNode();
            ArrayNode removed = JSON.createArrayNode();
            if (frame.path("full").asBoolean()) {
                Map<String, JsonNode> incoming = new TreeMap<>();
                frame.path("agents").forEach(a -> incoming.put(a.path("interface").asText(), a));
                incoming.forEach((iface, row) -> {
                    if (!row.equals(agents.get(iface))) {
                        changed.add(row);
                    }
                });
                agents.keySet().stream().filter(i -> !incoming.containsKey(i)).forEach(removed::add);
                agents.clear();
                agents.putAll(incoming);
            } else {
                frame.path("agents").forEach(a -> {
                    agents.put(a.path("interface").asText(), a);
                    changed.add(a);
                });
                frame.path("removed").forEach(r -> {
                    agents.remove(r.asText());
                    removed.add(r.asText());
                });
            }
            ObjectNode next = ((ObjectNode) frame).deepCopy();
            next.remove(List.of("agents", "removed", "full"));
            head = next;
            ObjectNode out = next.deepCopy();
            out.put("full", false);
            out.set("agents", changed);
            out.set("removed", removed);
            TextMessage text = frame("{\"type\":\"wallboard\",\"data\":" + out + "}");
            for (WebSocketSession session : sessions) {
                send(session, text);
            }
        }
    }

    /** Sessions open on this node. */
    int sessionCount() {
        return sessions.size() + workOrdersOnly.size();
    }

    private void send(WebSocketSession session, String text) {
        send(session, frame(text));
    }

    // with its UTF-8 bytes: the session decorator asks a frame's length twice per session (issue #11)
    private static TextMessage frame(String json) {
        return new TextMessage(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void send(WebSocketSession session, TextMessage text) {
        try {
            session.sendMessage(text);
        } catch (IOException | RuntimeException ex) {
            // too slow (time or buffer limit) or gone: drop it; the page reconnects and gets a snapshot
            log.warn("closing supervisor WebSocket {}: {}", session.getId(), ex.toString());
            sessions.remove(session);
            workOrdersOnly.remove(session);
            close(session, CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    private static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        if (raw.getAttributes().get(SESSION) instanceof WebSocketSession s) {
            sessions.remove(s);
            workOrdersOnly.remove(s);
        }
    }
}
