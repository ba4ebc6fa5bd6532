package org.hotline.cti.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentInterfaceTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Local/1001@agents/n, Local/1001@agents",
        "Local/1001@agents-00000001;1, Local/1001@agents",
        "Local/1001@agents-00000b23;2, Local/1001@agents",
        "Local/1001@agents, Local/1001@agents",
        "PJSIP/1001-0000000a, PJSIP/1001",
        "PJSIP/1001, PJSIP/1001",
        "PJSIP/trunk-cn-unicom, PJSIP/trunk-cn-unicom",
        "SIP/agent-7, SIP/agent-7",
    })
    void memberInterfacesAndChannelNamesNormaliseToTheSameInterface(String raw, String expected) {
        assertThat(AgentInterface.of(raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PJSIP/1001;x", "<b>Local/1004@agents/n</b>;;==", "Local/x;1"})
    void semicolonWithoutChannelSequenceIsKeptInsteadOfFailing(String raw) {
        assertThat(AgentInterface.of(raw).value()).contains("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "", "   "})
    void valueWithoutTechnologyIsRejected(String raw) {
        assertThatThrownBy(() -> AgentInterface.of(raw)).isInstanceOf(IllegalArgumentException.class);
    }
}
