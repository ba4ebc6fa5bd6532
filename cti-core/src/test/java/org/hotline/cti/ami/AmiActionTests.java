package org.hotline.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmiActionTests {

    @Test
    void wireFormKeepsFieldOrderAndRepeats() {
        AmiAction a = AmiAction.of("Originate").with("Channel", "Local/s@callers").with("Variable", "A=1")
                .with("Variable", "B=");
        assertThat(a.toWire("originate-7")).isEqualTo("Action: Originate\r\nActionID: originate-7\r\n"
                + "Channel: Local/s@callers\r\nVariable: A=1\r\nVariable: B=\r\n\r\n");
    }

    @Test
    void mapFieldsFollowTheMapOrder() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Queue", "hotline");
        m.put("Interface", "Local/1001@agents/n");
        assertThat(AmiAction.of("QueueRemove", m).fields()).extracting(AmiAction.Field::name)
                .containsExactly("Queue", "Interface");
    }

    @Test
    void lineEndsCannotInjectAnotherAction() {
        assertThatThrownBy(() -> AmiAction.of("QueuePause").with("Reason", "lunch\r\n\r\nAction: Hangup"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value of Reason: contains a line end at 5 (expected: none, it would end the AMI frame)");
        assertThatThrownBy(() -> AmiAction.of("Ping\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actionIdIsReservedForTheConnection() {
        assertThatThrownBy(() -> AmiAction.of("Ping").with("ActionID", "mine"))
                .hasMessageContaining("not Action or ActionID");
    }
}
