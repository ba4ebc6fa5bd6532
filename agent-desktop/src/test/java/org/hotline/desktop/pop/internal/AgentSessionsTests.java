package org.hotline.desktop.pop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/** The frames a desk is sent. */
class AgentSessionsTests {

    @Test
    void aFrameForEveryDeskReachesEachSessionOnceAcrossTheSlicesItIsSentIn() throws Exception {
        AgentSessions sessions = new AgentSessions();
        List<WebSocketSession> all = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            WebSocketSession session = mock(WebSocketSession.class);
            all.add(session);
            // two sessions for some agents: a second browser tab gets its copy too
            sessions.add("agent" + (i % 200), session);
        }
        TextMessage frame = AgentSessions.frame("{\"type\":\"queue-waiting\",\"data\":{\"total\":3}}");

        sessions.sendToAll(frame, 100, 1);

        for (WebSocketSession session : all) {
            verify(session, times(1)).sendMessage(frame);
        }
    }

    @Test
    void aFrameIsEncodedOnceHowEverOftenItsLengthIsAsked() {
        String json = "{\"type\":\"queue-waiting\",\"data\":{\"name\":\"张三\"}}";

        TextMessage frame = AgentSessions.frame(json);

        // the session decorator asks twice per session: the same bytes, not a new encoding each time
        assertThat(frame.asBytes()).isSameAs(frame.asBytes());
        assertThat(frame.getPayloadLength()).isEqualTo(json.getBytes(StandardCharsets.UTF_8).length);
        assertThat(frame.getPayload()).isEqualTo(json);
    }
}
