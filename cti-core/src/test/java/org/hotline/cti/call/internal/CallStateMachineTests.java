package org.hotline.cti.call.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.hotline.cti.call.CallState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CallStateMachineTests {

    /** The transitions of the live states, ending inputs aside (tested below); unlisted pairs change nothing. */
    private static final String[] TABLE = {
        "DIALPLAN, QUEUE_JOINED, QUEUED",
        "QUEUED, QUEUE_JOINED, QUEUED",
        "RINGING, QUEUE_JOINED, QUEUED",
        "TALKING, QUEUE_JOINED, QUEUED",
        "ON_HOLD, QUEUE_JOINED, QUEUED",
        "QUEUED, QUEUE_LEFT, DIALPLAN",
        "DIALPLAN, RING_STARTED, RINGING",
        "QUEUED, RING_STARTED, RINGING",
        "RINGING, RING_STARTED, RINGING",
        "RINGING, RINGS_STOPPED_QUEUED, QUEUED",
        "RINGING, RINGS_STOPPED_UNQUEUED, DIALPLAN",
        "DIALPLAN, ANSWERED, TALKING",
        "QUEUED, ANSWERED, TALKING",
        "RINGING, ANSWERED, TALKING",
        "ON_HOLD, ANSWERED, TALKING",
        "TALKING, HELD, ON_HOLD",
        "ON_HOLD, UNHELD, TALKING",
        "TALKING, BLIND_TRANSFERRED, DIALPLAN",
        "ON_HOLD, BLIND_TRANSFERRED, DIALPLAN",
        "DIALPLAN, ATTENDED_TRANSFERRED, TALKING",
        "QUEUED, ATTENDED_TRANSFERRED, TALKING",
        "RINGING, ATTENDED_TRANSFERRED, TALKING",
        "ON_HOLD, ATTENDED_TRANSFERRED, TALKING",
        "QUEUED, REDIRECTED, DIALPLAN",
        "RINGING, REDIRECTED, DIALPLAN",
        "TALKING, REDIRECTED, DIALPLAN",
        "ON_HOLD, REDIRECTED, DIALPLAN",
        "QUEUED, QUEUE_TIMED_OUT, DIALPLAN",
        "RINGING, QUEUE_TIMED_OUT, DIALPLAN",
        "TALKING, AGENT_LEFT, DIALPLAN",
        "ON_HOLD, AGENT_LEFT, DIALPLAN",
    };

    private static final Set<CallInput> ENDING =
            EnumSet.of(CallInput.ABANDONED, CallInput.CALLER_LEFT, CallInput.LAST_CHANNEL_GONE);

    static Stream<Arguments> table() {
        return Arrays.stream(TABLE).map(row -> row.split(",\\s*"))
                .map(c -> Arguments.of(CallState.valueOf(c[0]), CallInput.valueOf(c[1]), CallState.valueOf(c[2])));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("table")
    void transitionTableHolds(CallState current, CallInput input, CallState expected) {
        assertThat(CallStateMachine.next(current, input)).isEqualTo(expected);
    }

    @Test
    void everyPairOutsideTheTableLeavesALiveStateUnchanged() {
        Set<String> listed = new HashSet<>();
        table().forEach(a -> listed.add(a.get()[0] + "," + a.get()[1]));
        for (CallState s : CallState.values()) {
            for (CallInput i : CallInput.values()) {
                if (s != CallState.ENDED && !ENDING.contains(i) && !listed.contains(s + "," + i)) {
                    assertThat(CallStateMachine.next(s, i)).as("%s + %s", s, i).isEqualTo(s);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = CallInput.class, names = {"ABANDONED", "CALLER_LEFT", "LAST_CHANNEL_GONE"})
    void callerGoneEndsTheCallFromEveryLiveState(CallInput input) {
        for (CallState s : CallState.values()) {
            assertThat(CallStateMachine.next(s, input)).isEqualTo(CallState.ENDED);
        }
    }

    @ParameterizedTest
    @EnumSource(CallInput.class)
    void endedAbsorbsEveryInput(CallInput input) {
        assertThat(CallStateMachine.next(CallState.ENDED, input)).isEqualTo(CallState.ENDED);
    }

    @Test
    void consultationRingWhileConnectedKeepsTheCallerConnected() {
        assertThat(CallStateMachine.next(CallState.TALKING, CallInput.RING_STARTED)).isEqualTo(CallState.TALKING);
        assertThat(CallStateMachine.next(CallState.ON_HOLD, CallInput.RING_STARTED)).isEqualTo(CallState.ON_HOLD);
    }

    @Test
    void unholdOfACallNeverHeldChangesNothing() {
        assertThat(CallStateMachine.next(CallState.TALKING, CallInput.UNHELD)).isEqualTo(CallState.TALKING);
        assertThat(CallStateMachine.next(CallState.QUEUED, CallInput.HELD)).isEqualTo(CallState.QUEUED);
    }
}
