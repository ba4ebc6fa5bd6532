package org.hotline.cti.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PushMessageTests {

    @Test
    void blankTargetIsRejectedWithWhatWasExpected() {
        assertThatThrownBy(() -> new PushMessage(" ", "pop", "{}", "a", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target: ' ' (expected: an agent username or a topic)");
    }

    @Test
    void blankTypeAndOriginAreRejected() {
        assertThatThrownBy(() -> new PushMessage("1001", "", "{}", "a", 1)).hasMessageStartingWith("type: ''");
        assertThatThrownBy(() -> new PushMessage("1001", "pop", "{}", "", 1)).hasMessageStartingWith("origin: ''");
    }

    @Test
    void negativeSequenceIsRejected() {
        assertThatThrownBy(() -> new PushMessage("1001", "pop", "{}", "a", -1))
                .hasMessage("sequence: -1 (expected: >= 0)");
    }

    @Test
    void nullPayloadIsRejectedButEmptyIsAllowed() {
        assertThatThrownBy(() -> new PushMessage("1001", "pop", null, "a", 1)).isInstanceOf(NullPointerException.class);
        assertThat(new PushMessage("1001", "pop", "", "a", 1).payload()).isEmpty();
    }
}
