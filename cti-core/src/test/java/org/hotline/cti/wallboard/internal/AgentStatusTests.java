package org.hotline.cti.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.cti.call.AgentState;
import org.junit.jupiter.api.Test;

/** The desktop's wrap-up and lagged pauses show as their own states; other pauses stay pauses. */
class AgentStatusTests {

    @Test
    void pauseReasonsWrapupAndLaggedBecomeStates() {
        assertThat(AgentStatus.of(AgentState.PAUSED, "wrapup")).isEqualTo("wrapup");
        assertThat(AgentStatus.of(AgentState.PAUSED, " Lagged ")).isEqualTo("lagged");
        assertThat(AgentStatus.of(AgentState.PAUSED, "午休")).isEqualTo("paused");
        assertThat(AgentStatus.of(AgentState.PAUSED, null)).isEqualTo("paused");
    }

    @Test
    void pbxStatesMapOneToOne() {
        assertThat(AgentStatus.of(AgentState.READY, null)).isEqualTo("ready");
        assertThat(AgentStatus.of(AgentState.RINGING, null)).isEqualTo("ringing");
        assertThat(AgentStatus.of(AgentState.IN_CALL, null)).isEqualTo("talking");
        assertThat(AgentStatus.of(AgentState.LOGGED_OUT, null)).isEqualTo("loggedOut");
        assertThat(AgentStatus.of(AgentState.UNAVAILABLE, null)).isEqualTo("unavailable");
    }
}
