package org.hotline.cti.ami.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cti.ami.AmiConnectionState.AUTHENTICATING;
import static org.hotline.cti.ami.AmiConnectionState.AUTH_FAILED;
import static org.hotline.cti.ami.AmiConnectionState.CONNECTED;
import static org.hotline.cti.ami.AmiConnectionState.CONNECTING;
import static org.hotline.cti.ami.AmiConnectionState.DISCONNECTED;
import static org.hotline.cti.ami.AmiConnectionState.RESYNCING;
import static org.hotline.cti.ami.AmiConnectionState.STOPPED;
import static org.hotline.cti.ami.internal.ConnectionStates.next;

import org.hotline.cti.ami.AmiConnectionState;
import org.hotline.cti.ami.internal.ConnectionStates.Signal;
import org.junit.jupiter.api.Test;

class ConnectionStatesTests {

    @Test
    void aSuccessfulSessionGoesThroughEveryStepToConnected() {
        AmiConnectionState s = DISCONNECTED;
        s = next(s, Signal.CONNECT_STARTED);
        assertThat(s).isEqualTo(CONNECTING);
        s = next(s, Signal.BANNER_ACCEPTED);
        assertThat(s).isEqualTo(AUTHENTICATING);
        s = next(s, Signal.LOGIN_ACCEPTED);
        assertThat(s).isEqualTo(RESYNCING);
        s = next(s, Signal.RESYNC_FINISHED);
        assertThat(s).isEqualTo(CONNECTED);
        assertThat(next(s, Signal.CONNECTION_LOST)).isEqualTo(DISCONNECTED);
    }

    @Test
    void authFailedHoldsThroughRetriesUntilALoginIsAccepted() {
        AmiConnectionState s = next(AUTHENTICATING, Signal.LOGIN_REJECTED);
        assertThat(s).isEqualTo(AUTH_FAILED);
        for (Signal retry : new Signal[] {Signal.CONNECTION_LOST, Signal.CONNECT_STARTED, Signal.BANNER_ACCEPTED,
                Signal.LOGIN_REJECTED}) {
            s = next(s, retry);
            assertThat(s).as("after %s", retry).isEqualTo(AUTH_FAILED);
        }
        assertThat(next(s, Signal.LOGIN_ACCEPTED)).isEqualTo(RESYNCING);
    }

    @Test
    void stoppedIsFinal() {
        for (AmiConnectionState from : AmiConnectionState.values()) {
            assertThat(next(from, Signal.STOP)).isEqualTo(STOPPED);
        }
        for (Signal signal : Signal.values()) {
            assertThat(next(STOPPED, signal)).isEqualTo(STOPPED);
        }
    }

    @Test
    void signalsOutOfTurnLeaveTheStateAlone() {
        assertThat(next(CONNECTED, Signal.BANNER_ACCEPTED)).isEqualTo(CONNECTED);
        assertThat(next(CONNECTED, Signal.LOGIN_REJECTED)).isEqualTo(CONNECTED);
        assertThat(next(CONNECTING, Signal.RESYNC_FINISHED)).isEqualTo(CONNECTING);
        assertThat(next(RESYNCING, Signal.LOGIN_ACCEPTED)).isEqualTo(RESYNCING);
    }

    @Test
    void onlyResyncingAndConnectedCountAsLoggedIn() {
        for (AmiConnectionState s : AmiConnectionState.values()) {
            assertThat(s.isLoggedIn()).as("%s", s).isEqualTo(s == RESYNCING || s == CONNECTED);
        }
    }
}
