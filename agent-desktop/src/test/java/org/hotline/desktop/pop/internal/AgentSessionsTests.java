package org.hotline.desktop.pop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.TextMessage;

/** The frames a desk is sent. */
class AgentSessionsTests {

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
