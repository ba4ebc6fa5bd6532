package org.hotline.cti.call.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.cti.call.AgentState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentStatesTests {

    @ParameterizedTest(name = "queues={0} pausedEverywhere={1} status={2} -> {3}")
    @CsvSource({
        "0, false, 1, LOGGED_OUT",
        "0, true,  2, LOGGED_OUT",
        "1, false, 1, READY",
        "2, false, 1, READY",
        "1, false, 6, RINGING",
        "1, false, 7, RINGING",
        "1, false, 2, IN_CALL",
        "1, false, 3, IN_CALL",
        "1, false, 8, IN_CALL",
        "1, false, 4, UNAVAILABLE",
        "1, false, 5, UNAVAILABLE",
        "1, false, 0, UNAVAILABLE",
        "1, false, 99, UNAVAILABLE",
        "1, true,  1, PAUSED",
        "2, true,  1, PAUSED",
        "1, true,  5, PAUSED",
        "1, true,  0, PAUSED",
        // a pause taken during a call shows once the phone is free
        "1, true,  2, IN_CALL",
        "1, true,  6, RINGING",
    })
    void derivedStateFollowsMembershipPhoneAndPause(int queues, boolean paused, int status, AgentState expected) {
        assertThat(AgentStates.derive(queues, paused, status)).isEqualTo(expected);
    }
}
