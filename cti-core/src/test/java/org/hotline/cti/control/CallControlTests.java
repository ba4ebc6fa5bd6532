package org.hotline.cti.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.ami.AmiConnectionState;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.ami.ScriptedAmiPeer;
import org.hotline.cti.call.CallTracker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallControlTests {

    private ScriptedAmiPeer peer;
    private AmiConnection connection;
    private CallControl control;
    private final CallTracker tracker = ControlTesting.trackerWithBridgedCall();

    @BeforeEach
    void start() throws Exception {
        peer = new ScriptedAmiPeer();
        for (String action : new String[] {"Hangup", "BlindTransfer", "Atxfer", "Redirect", "Bridge", "Originate"}) {
            peer.on(action, (a, c) -> c.write(ScriptedAmiPeer.response(a, "Success", "Message", "ok")));
        }
        connection = new AmiConnection(ControlTesting.ami(peer.port()), m -> { });
        connection.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);
        control = new CallControl(ControlProperties.defaults(), ControlTesting.directory(),
                new AmiCommands(() -> connection, Duration.ofSeconds(3)), () -> tracker);
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        peer.close();
    }

    private AmiMessage only(String action) {
        assertThat(peer.actions(action)).hasSize(1);
        return peer.actions(action).get(0);
    }

    @Test
    void hangupHangsUpTheAgentsOwnBridgedLeg() {
        control.hangup("agent1001", ControlTesting.CALL);
        AmiMessage a = only("Hangup");
        assertThat(a.get("Channel")).isEqualTo(ControlTesting.AGENT_CHANNEL);
        assertThat(a.get("Cause")).isEqualTo("16");
    }

    @Test
    void anotherAgentMayNotActOnTheCallAndNothingIsSent() {
        assertThatThrownBy(() -> control.hangup("agent1002", ControlTesting.CALL))
                .isInstanceOfSatisfying(ControlException.class,
                        e -> assertThat(e.kind()).isEqualTo(ControlException.Kind.NOT_YOUR_CALL));
        assertThat(peer.actions("Hangup")).isEmpty();
    }

    @Test
    void anUnknownCallIsNoSuchCall() {
        assertThatThrownBy(() -> control.hangup("agent1001", "1.999"))
                .isInstanceOfSatisfying(ControlException.class,
                        e -> assertThat(e.kind()).isEqualTo(ControlException.Kind.NO_SUCH_CALL));
    }

    @Test
    void blindTransferToAQueueIsBlindTransferOfTheAgentLegToItsQueueExtension() {
        control.transfer("agent1001", ControlTesting.CALL, new TransferTarget(TransferTarget.Type.QUEUE, "gas"),
                TransferKind.BLIND);
        AmiMessage a = only("BlindTransfer");
        assertThat(a.get("Channel")).isEqualTo(ControlTesting.AGENT_CHANNEL);
        assertThat(a.get("Exten")).isEqualTo("q-gas");
        assertThat(a.get("Context")).isEqualTo("hotline-transfer");
    }

    @Test
    void attendedTransferToAnAgentByUsernameIsAtxferToTheAgentsExtension() {
        control.transfer("agent1001", ControlTesting.CALL, new TransferTarget(TransferTarget.Type.AGENT, "agent1002"),
                TransferKind.ATTENDED);
        AmiMessage a = only("Atxfer");
        assertThat(a.get("Exten")).isEqualTo("1002");
        assertThat(a.get("Channel")).isEqualTo(ControlTesting.AGENT_CHANNEL);
    }

    @Test
    void aTransferToSomethingThatIsNotANumberIsInvalidAndNotSent() {
        assertThatThrownBy(() -> control.transfer("agent1001", ControlTesting.CALL,
                new TransferTarget(TransferTarget.Type.NUMBER, "12;Hangup"), TransferKind.BLIND))
                .isInstanceOfSatisfying(ControlException.class,
                        e -> assertThat(e.kind()).isEqualTo(ControlException.Kind.INVALID));
        assertThat(peer.actions("BlindTransfer")).isEmpty();
    }

    @Test
    void holdRedirectsTheCustomerToMusicAndTheAgentToTheWaitExtension() {
        control.hold("agent1001", ControlTesting.CALL);
        AmiMessage a = only("Redirect");
        assertThat(a.get("Channel")).isEqualTo(ControlTesting.CALLER_CHANNEL);
        assertThat(a.get("Context")).isEqualTo("hotline-hold");
        assertThat(a.get("Exten")).isEqualTo("moh");
        assertThat(a.get("ExtraChannel")).isEqualTo(ControlTesting.AGENT_CHANNEL);
        assertThat(a.get("ExtraExten")).isEqualTo("wait");
    }

    @Test
    void unholdBridgesTheAgentAndTheCustomerAgain() {
        control.unhold("agent1001", ControlTesting.CALL);
        AmiMessage a = only("Bridge");
        assertThat(a.get("Channel1")).isEqualTo(ControlTesting.AGENT_CHANNEL);
        assertThat(a.get("Channel2")).isEqualTo(ControlTesting.CALLER_CHANNEL);
    }

    @Test
    void dialOriginatesFromTheAgentsPhoneToTheNumberCarryingTheAgent() {
        control.dial("agent1002", "138 0013 8000");
        AmiMessage a = only("Originate");
        assertThat(a.get("Channel")).isEqualTo("Local/1002@agents");
        assertThat(a.get("Context")).isEqualTo("hotline-dial");
        assertThat(a.get("Exten")).isEqualTo("13800138000");
        assertThat(a.get("Async")).isEqualTo("true");
        assertThat(a.getAll("Variable")).contains("HOTLINE_AGENT=agent1002");
    }

    @Test
    void anOriginateErrorSaysThePhoneIsOffline() {
        peer.on("Originate", (a, c) -> c.write(ScriptedAmiPeer.response(a, "Error", "Message", "Originate failed")));
        assertThatThrownBy(() -> control.dial("agent1002", "13800138000"))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ControlException.Kind.CONFLICT);
                    assertThat(e.getMessage()).contains("offline");
                });
    }

    @Test
    void aHangupOfAChannelAsteriskNoLongerHasIsNoSuchCall() {
        peer.on("Hangup", (a, c) -> c.write(ScriptedAmiPeer.response(a, "Error", "Message", "No such channel")));
        assertThatThrownBy(() -> control.hangup("agent1001", ControlTesting.CALL))
                .isInstanceOfSatisfying(ControlException.class,
                        e -> assertThat(e.kind()).isEqualTo(ControlException.Kind.NO_SUCH_CALL));
    }

    @Test
    void withTheAmiConnectionDownEveryCommandIsUnavailable() {
        connection.close();
        assertThatThrownBy(() -> control.hangup("agent1001", ControlTesting.CALL))
                .isInstanceOfSatisfying(ControlException.class,
                        e -> assertThat(e.kind()).isEqualTo(ControlException.Kind.UNAVAILABLE));
    }

    @Test
    void aDialWhileTheAgentIsOnACallIsRefused() {
        assertThatThrownBy(() -> control.dial("agent1001", "13800138000"))
                .isInstanceOfSatisfying(ControlException.class,
                        e -> assertThat(e.kind()).isEqualTo(ControlException.Kind.CONFLICT));
        assertThat(peer.actions("Originate")).isEmpty();
    }
}
