package org.hotline.desktop.pop.internal;

import java.security.Principal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.cti.presence.Presence;
import org.hotline.cti.push.PopJson;
import org.hotline.cti.push.PopStore;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.screenpop.ScreenPop;
import org.hotline.desktop.DesktopProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The agent's WebSocket: on connect a snapshot of the agent's current pops, then every live pop for that agent.
 * Whose pops a session gets comes from the logged-in principal only, never from anything the browser sends.
 */
final class PopSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(PopSocketHandler.class);
    private static final String AGENT = "hotline.agent";
    /** Sessions a broadcast sends to before it lets other threads run: 2,000 desks go out over some 200 ms. */
    private static final int BROADCAST_SLICE = 100;
    private static final long BROADCAST_BREATH_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final AgentSessions sessions;
    private final PopStore store;
    private final DesktopProperties properties;
    private final Presence presence;
    private final DeskBroadcasts broadcasts = new DeskBroadcasts(this::broadcast);

    PopSocketHandler(AgentSessions sessions, PopStore store, DesktopProperties properties, Presence presence) {
        this.sessions = sessions;
        this.store = store;
        this.properties = properties;
        this.presence = presence;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws Exception {
        Principal principal = raw.getPrincipal();
        if (principal == null) {
            raw.close(CloseStatus.POLICY_VIOLATION.withReason("not logged in"));
            return;
        }
        // frames go out through the container's sendText: its writer (used until session 13) allocated a 16 KB buffer
        // per send, a third of what the server allocated under load once frames were small (issue #11)
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw,
                (int) properties.sendTimeLimit().toMillis(), properties.sendBufferLimit(),
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        String agent = principal.getName();
        raw.getAttributes().put(AGENT, session);
        // Register before reading the snapshot: a pop that races it arrives twice, and the page keeps the higher version.
        sessions.add(agent, session);
        // desk state first: reconnecting lifts a lagged pause before the snapshot tells the page it is live (#3)
        sendDeskState(agent, session);
        sendSnapshot(agent, session);
    }

    /** The desk state on connect; a lagged pause ends here (the presence service counts this node's sessions). */
    private void sendDeskState(String agent, WebSocketSession session) {
        if (presence == null) {
            return;
        }
        try {
            String state = presence.desktopConnected(agent);
            if (state != null) {
                AgentSessions.send(session, AgentSessions.frame("{\"type\":\"" + PushMessage.TYPE_AGENT_STATE
                        + "\",\"data\":" + state + "}"));
            }
        } catch (RuntimeException ex) {
            log.warn("no desk state for {}: {}", agent, ex.toString());
        }
    }

    void sendSnapshot(String agent, WebSocketSession session) {
        List<ScreenPop> pops;
        try {
            pops = store.current(agent);
        } catch (RuntimeException ex) {
            log.warn("no snapshot for {}: {}", agent, ex.toString());
            pops = List.of();
        }
        AgentSessions.send(session, AgentSessions.frame("{\"type\":\"snapshot\",\"pops\":" + PopJson.write(pops) + "}"));
    }

    /** Sessions open on this node (the {@code hotline.websocket.sessions} gauge). */
    int sessionCount() {
        return sessions.sessionCount();
    }

    /** Delivers one bus message to this node's sessions of its target. */
    /** Whether {@link #deliver} does anything with {@code message}: all but the supervisors' messages. */
    static boolean wants(PushMessage message) {
        return !PushMessage.SUPERVISORS.equals(message.target());
    }

    void deliver(PushMessage message) {
        if (PushMessage.CONTROL.equals(message.target())) {
            sessions.closeAll(message.sessionsEndedUser());
            return;
        }
        if (PushMessage.TYPE_POP.equals(message.type())) {
            sessions.send(message.target(), "{\"type\":\"pop\",\"pop\":" + message.payload() + "}");
        } else if (message.target().equals(PushMessage.AGENTS)) {
            broadcasts.offer(message);
        } else if (!message.target().equals(PushMessage.SUPERVISORS)) {
            // agent-state and later per-agent types: the page dispatches on type (js/desk.js Hotline.on)
            sessions.send(message.target(), "{\"type\":\"" + message.type() + "\",\"data\":" + message.payload() + "}");
        }
    }

    /** Sends a message for every desk (revisits to call back, the callers waiting) to each session of this node once. */
    private void broadcast(PushMessage message) {
        TextMessage frame = AgentSessions.frame("{\"type\":\"" + message.type() + "\",\"data\":" + message.payload() + "}");
        sessions.sendToAll(frame, BROADCAST_SLICE, BROADCAST_BREATH_NANOS);
    }

    /** Stops the broadcasts' thread. */
    void close() {
        broadcasts.close();
    }

    /** After the bus may have lost messages, every session here gets a fresh snapshot. */
    void resendSnapshots() {
        sessions.forEach(this::sendSnapshot);
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        // The page only sends keep-alives; nothing a browser sends selects whose pops it gets.
        if (message.getPayloadLength() > 1024) {
            log.debug("ignoring {} bytes from {}", message.getPayloadLength(), raw.getId());
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        Object session = raw.getAttributes().get(AGENT);
        if (raw.getPrincipal() != null && session instanceof WebSocketSession s) {
            sessions.remove(raw.getPrincipal().getName(), s);
            if (presence != null) {
                presence.desktopDisconnected(raw.getPrincipal().getName());
            }
        }
    }
}
