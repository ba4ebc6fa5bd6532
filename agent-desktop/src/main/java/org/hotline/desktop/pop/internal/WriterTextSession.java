package org.hotline.desktop.pop.internal;

import jakarta.websocket.Session;
import java.io.IOException;
import java.io.Writer;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * Sends text frames through the container's writer: Tomcat encodes a {@code String} sent whole one character at a
 * time (its UTF-8 encoder's path for buffers without an array), which made the Chinese pops and the desks'
 * broadcasts half of the server's CPU under load (issue #11); the writer hands it arrays.
 */
final class WriterTextSession extends WebSocketSessionDecorator {

    WriterTextSession(WebSocketSession delegate) {
        super(delegate);
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        Session nativeSession = message instanceof TextMessage ? nativeSession() : null;
        if (nativeSession == null) {
            super.sendMessage(message);
            return;
        }
        try (Writer writer = nativeSession.getBasicRemote().getSendWriter()) {
            writer.write(((TextMessage) message).getPayload());
        }
    }

    private Session nativeSession() {
        WebSocketSession last = getLastSession();
        return last instanceof org.springframework.web.socket.adapter.NativeWebSocketSession n
                ? n.getNativeSession(Session.class) : null;
    }
}
