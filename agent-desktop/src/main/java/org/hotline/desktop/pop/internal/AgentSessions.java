package org.hotline.desktop.pop.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/** The WebSocket sessions this node holds, by agent username: the only place that knows where a browser is. */
final class AgentSessions {

    private static final Logger log = LoggerFactory.getLogger(AgentSessions.class);

    private final Map<String, Set<WebSocketSession>> byAgent = new ConcurrentHashMap<>();

    void add(String agent, WebSocketSession session) {
        byAgent.computeIfAbsent(agent, a -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void remove(String agent, WebSocketSession session) {
        byAgent.computeIfPresent(agent, (a, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    /** Sends one frame to every session of the agent on this node; a session that cannot keep up is closed. */
    void send(String agent, String json) {
        Set<WebSocketSession> sessions = byAgent.get(agent);
        if (sessions == null) {
            return;
        }
        TextMessage frame = frame(json);
        for (WebSocketSession s : List.copyOf(sessions)) {
            send(s, frame);
        }
    }

    /**
     * A text frame that carries its UTF-8 bytes: Spring's session decorator asks every frame's length twice, and a
     * frame made from a {@code String} encodes it again each time (twice per desk for a broadcast to 2,000 desks,
     * half of what the server allocated under load, issue #11).
     */
    static TextMessage frame(String json) {
        return new TextMessage(json.getBytes(StandardCharsets.UTF_8));
    }

    static void send(WebSocketSession session, TextMessage frame) {
        try {
            session.sendMessage(frame);
        } catch (IOException | RuntimeException e) {
            // The decorator throws when the browser is too slow (send time or buffer limit): drop the session, the
            // browser reconnects and gets a fresh snapshot.
            log.warn("closing WebSocket {} of {}: {}", session.getId(), principal(session), e.toString());
            try {
                session.close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    /** Closes every session of the user on this node (disabled, or a new password handed out). */
    void closeAll(String agent) {
        Set<WebSocketSession> sessions = agent == null ? null : byAgent.remove(agent);
        if (sessions != null) {
            for (WebSocketSession s : List.copyOf(sessions)) {
                try {
                    s.close(CloseStatus.POLICY_VIOLATION.withReason("session ended by an administrator"));
                } catch (IOException ignored) {
                    // already gone
                }
            }
        }
    }

    /** Calls {@code action} for every session on this node with its agent. */
    /**
     * Sends {@code frame} to every session here, {@code slice} sessions at a time with {@code breathNanos} between
     * slices: 2,000 sends at once were a burst the pops' threads queued behind (issue #11).
     */
    void sendToAll(TextMessage frame, int slice, long breathNanos) {
        int[] sent = {0};
        forEach((agent, session) -> {
            send(session, frame);
            if (++sent[0] % slice == 0) {
                LockSupport.parkNanos(breathNanos);
            }
        });
    }

    void forEach(BiConsumer<String, WebSocketSession> action) {
        byAgent.forEach((agent, set) -> List.copyOf(set).forEach(s -> action.accept(agent, s)));
    }

    int sessionCount() {
        return byAgent.values().stream().mapToInt(Set::size).sum();
    }

    private static String principal(WebSocketSession s) {
        return s.getPrincipal() == null ? "?" : s.getPrincipal().getName();
    }
}
