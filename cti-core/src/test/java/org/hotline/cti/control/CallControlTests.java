package org.hotline.cti.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.ami.AmiConnectionState;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.ami.ScriptedAmiPeer;
import org.hotline.cti.call.CallTracker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Call controls against a scripted PBX that answers each action as Asterisk 22 does, then sends (or withholds) the
 * events that confirm it: a command is done only on its confirming event.
 */
class CallControlTests {

    private static final String AGENT = ControlTesting.AGENT_CHANNEL;
    private static final String CALLER = ControlTesting.CALLER_CHANNEL;
    private static final Duration SHORT = Duration.ofMillis(700);

    private ScriptedAmiPeer peer;
    private AmiConnection connection;
    private CallControl control;
    private final CallTracker tracker = ControlTesting.trackerWithBridgedCall();

    @BeforeEach
    void start() throws Exception {
        peer = new ScriptedAmiPeer();
        for (String action : new String[] {"Hangup", "BlindTransfer", "Atxfer", "Redirect", "Bridge", "Originate",
                "Setvar", "ShowDialPlan"}) {
            peer.on(action, (a, c) -> c.write(ScriptedAmiPeer.response(a, "Success", "Message", "ok")));
        }
        connection = new AmiConnection(ControlTesting.ami(peer.port()), m -> { });
        connection.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);
        control = control(Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        peer.close();
    }

    private CallControl control(Duration commandTimeout, Duration ringAgent) {
        ControlProperties d = ControlProperties.defaults();
        ControlProperties p = new ControlProperties(d.dialContext(), d.transferContext(), d.holdContext(),
                d.numberPattern(), ringAgent, commandTimeout);
        return new CallControl(p, ControlTesting.directory(), new AmiCommands(() -> connection, commandTimeout),
                () -> tracker);
    }

    /** Answers {@code action} with Success, then sends these events (each given as alternating names and values). */
    private void successThen(String action, String[]... events) {
        peer.on(action, (a, c) -> {
            StringBuilder sb = new StringBuilder(ScriptedAmiPeer.response(a, "Success", "Message", "ok"));
            for (String[] e : events) {
                sb.append(frame(a, e));
            }
            c.write(sb.toString());
        });
    }

    /** An event frame; a value {@code $ID} is replaced by the action's ActionID. */
    private static String frame(AmiMessage action, String... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            String v = "$ID".equals(fields[i + 1]) ? action.actionId() : fields[i + 1];
            sb.append(fields[i]).append(": ").append(v).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    private static String[] event(String... fields) {
        return fields;
    }

    private AmiMessage only(String action) {
        assertThat(peer.actions(action)).hasSize(1);
        return peer.actions(action).get(0);
    }

    private static Consumer<ControlException> failure(ControlException.Kind kind, String code,
                                                      ControlException.Outcome outcome) {
        return e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.outcome()).isEqualTo(outcome);
        };
    }

    private List<String> actionNames() {
        return peer.actions().stream().map(a -> a.get("Action")).filter(n -> !n.equalsIgnoreCase("Login")
                && !n.equalsIgnoreCase("CoreShowChannels") && !n.equalsIgnoreCase("QueueStatus")
                && !n.equalsIgnoreCase("Ping")).toList();
    }

    @Test
    void hangupIsDoneOnlyWhenAsteriskReportsTheHangupOfTheAgentsOwnLeg() {
        successThen("Hangup", event("Event", "Hangup", "Channel", CALLER, "Cause", "16"),
                event("Event", "Hangup", "Channel", AGENT, "Cause", "16"));
        ControlResult r = control.hangup("agent1001", ControlTesting.CALL);
        assertThat(r.code()).isEqualTo("hung-up");
        assertThat(r.confirmedBy()).isEqualTo("Hangup " + AGENT);
        AmiMessage a = only("Hangup");
        assertThat(a.get("Channel")).isEqualTo(AGENT);
        assertThat(a.get("Cause")).isEqualTo("16");
    }

    @Test
    void aHangupAsteriskAcceptsButNeverReportsTimesOutInsteadOfBeingDone() {
        control = control(SHORT, Duration.ofSeconds(30));
        successThen("Hangup", event("Event", "Hangup", "Channel", "Local/1002@agents-00000009;1", "Cause", "16"));
        assertThatThrownBy(() -> control.hangup("agent1001", ControlTesting.CALL))
                .isInstanceOfSatisfying(ControlException.class, failure(ControlException.Kind.TIMED_OUT,
                        "not-confirmed", ControlException.Outcome.TIMED_OUT));
    }

    @Test
    void anotherAgentMayNotActOnTheCallAndNothingIsSent() {
        assertThatThrownBy(() -> control.hangup("agent1002", ControlTesting.CALL))
                .isInstanceOfSatisfying(ControlException.class, failure(ControlException.Kind.NOT_YOUR_CALL,
                        "not-your-call", ControlException.Outcome.REFUSED));
        assertThat(peer.actions("Hangup")).isEmpty();
    }

    @Test
    void anUnknownCallIsNoSuchCall() {
        assertThatThrownBy(() -> control.hangup("agent1001", "1.999"))
                .isInstanceOfSatisfying(ControlException.class,
                        e -> assertThat(e.kind()).isEqualTo(ControlException.Kind.NO_SUCH_CALL));
    }

    @Test
    void blindTransferToAQueueIsDoneOnBlindTransferResultSuccessOfTheAgentsLeg() {
        successThen("BlindTransfer", event("Event", "Unhold", "Channel", AGENT),
                event("Event", "BlindTransfer", "Result", "Success", "TransfererChannel", AGENT,
                        "TransfereeChannel", CALLER, "Extension", "q-gas", "Context", "hotline-transfer"));
        ControlResult r = control.transfer("agent1001", ControlTesting.CALL,
                new TransferTarget(TransferTarget.Type.QUEUE, "gas"), TransferKind.BLIND);
        assertThat(r.code()).isEqualTo("transferred");
        assertThat(r.confirmedBy()).contains("Result=Success");
        AmiMessage a = only("BlindTransfer");
        assertThat(a.get("Channel")).isEqualTo(AGENT);
        assertThat(a.get("Exten")).isEqualTo("q-gas");
        assertThat(a.get("Context")).isEqualTo("hotline-transfer");
    }

    @Test
    void aBlindTransferAsteriskReportsAsFailedIsNotDone() {
        successThen("BlindTransfer", event("Event", "BlindTransfer", "Result", "Fail", "TransfererChannel", AGENT,
                "Extension", "1002"));
        assertThatThrownBy(() -> control.transfer("agent1001", ControlTesting.CALL,
                new TransferTarget(TransferTarget.Type.AGENT, "1002"), TransferKind.BLIND))
                .isInstanceOfSatisfying(ControlException.class, failure(ControlException.Kind.REJECTED,
                        "transfer-failed", ControlException.Outcome.REFUSED))
                .hasMessageContaining("Result=Fail");
    }

    @Test
    void aBlindTransferAsteriskDoesNotPermitIsRefusedWithItsReason() {
        peer.on("BlindTransfer", (a, c) -> c.write(ScriptedAmiPeer.response(a, "Error", "Message",
                "Transfer not permitted")));
        assertThatThrownBy(() -> control.transfer("agent1001", ControlTesting.CALL,
                new TransferTarget(TransferTarget.Type.AGENT, "1002"), TransferKind.BLIND))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.code()).isEqualTo("transfer-not-allowed");
                    assertThat(e.detail()).isEqualTo("Transfer not permitted");
                });
    }

    @Test
    void attendedTransferNamesTheTargetInTransferExtenAndIsDoneWhenTheConsultationLegAppears() {
        successThen("Atxfer", event("Event", "Hold", "Channel", AGENT),
                event("Event", "Newchannel", "Channel", "Local/1002@hotline-transfer-00000004;1",
                        "Context", "hotline-transfer", "Exten", "1002"),
                event("Event", "MusicOnHoldStart", "Channel", CALLER),
                event("Event", "BridgeLeave", "Channel", AGENT, "BridgeUniqueid", "b-1"),
                event("Event", "BridgeEnter", "Channel", AGENT, "BridgeUniqueid", "b-consult"));
        ControlResult r = control.transfer("agent1001", ControlTesting.CALL,
                new TransferTarget(TransferTarget.Type.AGENT, "agent1002"), TransferKind.ATTENDED);
        assertThat(r.code()).isEqualTo("consulting");
        assertThat(r.confirmedBy()).isEqualTo("BridgeLeave " + AGENT + ", MusicOnHoldStart " + CALLER);
        AmiMessage a = only("Atxfer");
        assertThat(a.get("Exten")).isEqualTo("1002");
        assertThat(a.get("Channel")).isEqualTo(AGENT);
        List<AmiMessage> setvars = peer.actions("Setvar");
        assertThat(setvars).hasSize(2);
        assertThat(setvars.get(0).get("Variable")).isEqualTo("TRANSFER_EXTEN");
        assertThat(setvars.get(0).get("Value")).isEqualTo("1002");
        assertThat(setvars.get(0).get("Channel")).isEqualTo(AGENT);
        // cleared once the consultation runs, so a later *2 on the phone asks for its own target
        assertThat(setvars.get(1).get("Value")).isEmpty();
        assertThat(actionNames()).containsExactly("ShowDialPlan", "Setvar", "Atxfer", "Setvar");
        assertThat(only("ShowDialPlan").get("Extension")).isEqualTo("1002");
    }

    @Test
    void aTransferToAnExtensionTheTransferContextLacksIsInvalidAndNotSent() {
        // Asterisk would answer a BlindTransfer there with Result=Success and then hang the customer up
        peer.on("ShowDialPlan", (a, c) -> c.write(ScriptedAmiPeer.response(a, "Error", "Message",
                "Did not find extension 9999@hotline-transfer")));
        assertThatThrownBy(() -> control.transfer("agent1001", ControlTesting.CALL,
                new TransferTarget(TransferTarget.Type.AGENT, "9999"), TransferKind.BLIND))
                .isInstanceOfSatisfying(ControlException.class, failure(ControlException.Kind.INVALID,
                        "no-such-target", ControlException.Outcome.REFUSED));
        assertThat(only("ShowDialPlan").get("Context")).isEqualTo("hotline-transfer");
        assertThat(peer.actions("BlindTransfer")).isEmpty();
    }

    @Test
    void anAttendedTransferAsteriskAcceptsButNeverStartsIsRefusedAsNotAllowedNotReportedDone() {
        control = control(SHORT, Duration.ofSeconds(30));
        // a call without option t: Success, then silence (Asterisk only logs a warning)
        assertThatThrownBy(() -> control.transfer("agent1001", ControlTesting.CALL,
                new TransferTarget(TransferTarget.Type.AGENT, "1002"), TransferKind.ATTENDED))
                .isInstanceOfSatisfying(ControlException.class, failure(ControlException.Kind.CONFLICT,
                        "transfer-not-allowed", ControlException.Outcome.REFUSED))
                .hasMessageContaining("does not allow transfers");
    }

    @Test
    void anAttendedTransferAsteriskGivesUpBeforeConsultingIsRefused() {
        // what Asterisk 22 sends when it cannot collect the target: hold and unhold, music on and off, no bridge change
        successThen("Atxfer", event("Event", "Hold", "Channel", AGENT), event("Event", "Unhold", "Channel", AGENT),
                event("Event", "MusicOnHoldStart", "Channel", CALLER),
                event("Event", "MusicOnHoldStop", "Channel", CALLER));
        assertThatThrownBy(() -> control.transfer("agent1001", ControlTesting.CALL,
                new TransferTarget(TransferTarget.Type.NUMBER, "95598123"), TransferKind.ATTENDED))
                .isInstanceOfSatisfying(ControlException.class, failure(ControlException.Kind.REJECTED,
                        "transfer-aborted", ControlException.Outcome.REFUSED));
    }

    @Test
    void holdGivesEachLegTheOtherAsHeldPeerBeforeOneRedirectAndIsDoneWhenTheCustomerHearsMusic() {
        successThen("Redirect",
                event("Event", "BridgeLeave", "Channel", AGENT, "Context", "hotline-hold", "Exten", "wait"),
                event("Event", "BridgeLeave", "Channel", CALLER, "Context", "hotline-hold", "Exten", "moh"),
                event("Event", "MusicOnHoldStart", "Channel", CALLER, "Context", "hotline-hold", "Exten", "moh"));
        ControlResult r = control.hold("agent1001", ControlTesting.CALL);
        assertThat(r.code()).isEqualTo("held");
        assertThat(actionNames()).containsExactly("Setvar", "Setvar", "Redirect");
        List<AmiMessage> setvars = peer.actions("Setvar");
        assertThat(setvars).allSatisfy(s -> assertThat(s.get("Variable")).isEqualTo("HOTLINE_HELD_PEER"));
        assertThat(setvars.get(0).get("Channel")).isEqualTo(CALLER);
        assertThat(setvars.get(0).get("Value")).isEqualTo(AGENT);
        assertThat(setvars.get(1).get("Channel")).isEqualTo(AGENT);
        assertThat(setvars.get(1).get("Value")).isEqualTo(CALLER);
        AmiMessage a = only("Redirect");
        assertThat(a.get("Channel")).isEqualTo(CALLER);
        assertThat(a.get("Context")).isEqualTo("hotline-hold");
        assertThat(a.get("Exten")).isEqualTo("moh");
        assertThat(a.get("ExtraChannel")).isEqualTo(AGENT);
        assertThat(a.get("ExtraExten")).isEqualTo("wait");
    }

    @Test
    void musicOutsideTheHoldContextDoesNotConfirmAHold() {
        control = control(SHORT, Duration.ofSeconds(30));
        successThen("Redirect",
                event("Event", "BridgeLeave", "Channel", AGENT, "Context", "hotline-hold", "Exten", "wait"),
                event("Event", "MusicOnHoldStart", "Channel", CALLER, "Context", "hotline-queue", "Exten", "gas"));
        assertThatThrownBy(() -> control.hold("agent1001", ControlTesting.CALL))
                .isInstanceOfSatisfying(ControlException.class,
                        e -> assertThat(e.kind()).isEqualTo(ControlException.Kind.TIMED_OUT));
    }

    @Test
    void aCustomerWhoHangsUpWhileBeingPutOnHoldFailsTheHoldAndTheHeldPeersAreCleared() {
        successThen("Redirect", event("Event", "Hangup", "Channel", CALLER, "Cause", "16"));
        assertThatThrownBy(() -> control.hold("agent1001", ControlTesting.CALL))
                .isInstanceOfSatisfying(ControlException.class, failure(ControlException.Kind.NO_SUCH_CALL,
                        "call-ended", ControlException.Outcome.FAILED));
        List<AmiMessage> setvars = peer.actions("Setvar");
        assertThat(setvars).hasSize(4);
        assertThat(setvars.subList(2, 4)).allSatisfy(s -> assertThat(s.get("Value")).isEmpty());
    }

    @Test
    void aHoldOfALegAsteriskNoLongerHasIsNoSuchCallAndNoRedirectIsSent() {
        peer.on("Setvar", (a, c) -> c.write(ScriptedAmiPeer.response(a, "Error", "Message", "No such channel")));
        assertThatThrownBy(() -> control.hold("agent1001", ControlTesting.CALL))
                .isInstanceOfSatisfying(ControlException.class, failure(ControlException.Kind.NO_SUCH_CALL,
                        "call-gone", ControlException.Outcome.REFUSED));
        assertThat(peer.actions("Redirect")).isEmpty();
    }

    @Test
    void aHoldWhoseAgentLegVanishedAfterTheCustomersSetvarClearsTheCustomersHeldPeerAgain() {
        peer.on("Setvar", (a, c) -> c.write(AGENT.equals(a.get("Channel"))
                ? ScriptedAmiPeer.response(a, "Error", "Message", "No such channel")
                : ScriptedAmiPeer.response(a, "Success", "Message", "Variable Set")));
        assertThatThrownBy(() -> control.hold("agent1001", ControlTesting.CALL))
                .isInstanceOfSatisfying(ControlException.class,
                        e -> assertThat(e.kind()).isEqualTo(ControlException.Kind.NO_SUCH_CALL));
        List<AmiMessage> toCustomer = peer.actions("Setvar").stream()
                .filter(s -> CALLER.equals(s.get("Channel"))).toList();
        assertThat(toCustomer).extracting(s -> s.get("Value")).containsExactly(AGENT, "");
        assertThat(peer.actions("Redirect")).isEmpty();
    }

    @Test
    void unholdClearsTheHeldPeersFirstAndIsDoneWhenBothLegsEnterTheSameBridge() {
        successThen("Bridge", event("Event", "BridgeCreate", "BridgeUniqueid", "b-2"),
                event("Event", "BridgeEnter", "Channel", AGENT, "BridgeUniqueid", "b-2"),
                event("Event", "MusicOnHoldStop", "Channel", CALLER),
                event("Event", "BridgeEnter", "Channel", CALLER, "BridgeUniqueid", "b-2"));
        ControlResult r = control.unhold("agent1001", ControlTesting.CALL);
        assertThat(r.code()).isEqualTo("resumed");
        assertThat(actionNames()).containsExactly("Setvar", "Setvar", "Bridge");
        assertThat(peer.actions("Setvar")).allSatisfy(s -> {
            assertThat(s.get("Variable")).isEqualTo("HOTLINE_HELD_PEER");
            assertThat(s.get("Value")).isEmpty();
        });
        AmiMessage a = only("Bridge");
        assertThat(a.get("Channel1")).isEqualTo(AGENT);
        assertThat(a.get("Channel2")).isEqualTo(CALLER);
    }

    @Test
    void anUnholdAfterTheCustomerHungUpSaysSoAndHangsUpTheAgentsWaitingLeg() {
        peer.on("Bridge", (a, c) -> c.write(ScriptedAmiPeer.response(a, "Error", "Message",
                "Channel2 does not exist: " + CALLER)));
        assertThatThrownBy(() -> control.unhold("agent1001", ControlTesting.CALL))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ControlException.Kind.NO_SUCH_CALL);
                    assertThat(e.detail()).contains("Channel2 does not exist");
                });
        assertThat(only("Hangup").get("Channel")).isEqualTo(AGENT);
    }

    @Test
    void dialIsDoneWhenItsOwnOriginateResponseSaysTheAgentAnswered() {
        successThen("Originate",
                event("Event", "OriginateResponse", "ActionID", "other-1", "Response", "Failure", "Reason", "5"),
                event("Event", "OriginateResponse", "ActionID", "$ID", "Response", "Success", "Reason", "4",
                        "Channel", "Local/1002@agents-00000010;1"));
        ControlResult r = control.dial("agent1002", "138 0013 8000");
        assertThat(r.code()).isEqualTo("dialled");
        AmiMessage a = only("Originate");
        assertThat(a.get("Channel")).isEqualTo("Local/1002@agents");
        assertThat(a.get("Context")).isEqualTo("hotline-dial");
        assertThat(a.get("Exten")).isEqualTo("13800138000");
        assertThat(a.get("Async")).isEqualTo("true");
        assertThat(a.getAll("Variable")).contains("HOTLINE_AGENT=agent1002");
    }

    @Test
    void dialToABusyPhoneIsRefusedAsBusy() {
        successThen("Originate", event("Event", "OriginateResponse", "ActionID", "$ID", "Response", "Failure",
                "Reason", "5", "Channel", "Local/1002@agents"));
        assertThatThrownBy(() -> control.dial("agent1002", "13800138000"))
                .isInstanceOfSatisfying(ControlException.class, failure(ControlException.Kind.CONFLICT,
                        "phone-busy", ControlException.Outcome.REFUSED))
                .satisfies(e -> assertThat(((ControlException) e).detail()).isEqualTo(
                        "OriginateResponse Failure Reason=5"));
    }

    @Test
    void dialToAPhoneNobodyAnswersIsRefusedAsUnanswered() {
        successThen("Originate", event("Event", "OriginateResponse", "ActionID", "$ID", "Response", "Failure",
                "Reason", "3"));
        assertThatThrownBy(() -> control.dial("agent1002", "13800138000"))
                .isInstanceOfSatisfying(ControlException.class, e -> assertThat(e.code()).isEqualTo("phone-no-answer"));
    }

    @Test
    void dialToAPhoneThatCannotBeReachedIsRefusedAsOffline() {
        successThen("Originate", event("Event", "OriginateResponse", "ActionID", "$ID", "Response", "Failure",
                "Reason", "0"));
        assertThatThrownBy(() -> control.dial("agent1002", "13800138000"))
                .isInstanceOfSatisfying(ControlException.class, e -> assertThat(e.code()).isEqualTo("phone-offline"));
    }

    @Test
    void anOriginateErrorSaysThePhoneIsOffline() {
        peer.on("Originate", (a, c) -> c.write(ScriptedAmiPeer.response(a, "Error", "Message", "Originate failed")));
        assertThatThrownBy(() -> control.dial("agent1002", "13800138000"))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ControlException.Kind.CONFLICT);
                    assertThat(e.code()).isEqualTo("phone-offline");
                    assertThat(e.getMessage()).contains("offline");
                });
    }

    @Test
    void aDialWhoseOriginateResponseNeverComesTimesOutAfterTheRingTimeAndTheCommandTimeout() {
        control = control(Duration.ofMillis(300), Duration.ofMillis(400));
        long start = System.nanoTime();
        assertThatThrownBy(() -> control.dial("agent1002", "13800138000"))
                .isInstanceOfSatisfying(ControlException.class, failure(ControlException.Kind.TIMED_OUT,
                        "not-confirmed", ControlException.Outcome.TIMED_OUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void aPbxErrorResponseIsRefusedWithThePbxsOwnMessage() {
        peer.on("Redirect", (a, c) -> c.write(ScriptedAmiPeer.response(a, "Error", "Message",
                "Dual Redirect failed")));
        assertThatThrownBy(() -> control.hold("agent1001", ControlTesting.CALL))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ControlException.Kind.REJECTED);
                    assertThat(e.code()).isEqualTo("pbx-refused");
                    assertThat(e.outcome()).isEqualTo(ControlException.Outcome.REFUSED);
                    assertThat(e.detail()).isEqualTo("Dual Redirect failed");
                });
    }

    @Test
    void aResponseThatIsNeitherSuccessNorErrorIsAFailureNotDone() {
        peer.on("Hangup", (a, c) -> c.write(ScriptedAmiPeer.response(a, "Follows", "Message", "Command output")));
        assertThatThrownBy(() -> control.hangup("agent1001", ControlTesting.CALL))
                .isInstanceOfSatisfying(ControlException.class, failure(ControlException.Kind.REJECTED,
                        "pbx-unexpected", ControlException.Outcome.FAILED))
                .satisfies(e -> assertThat(((ControlException) e).detail()).startsWith("Follows"));
    }

    @Test
    void aPbxThatNeverAnswersTheActionTimesOut() {
        control = control(SHORT, Duration.ofSeconds(30));
        peer.on("Hangup", null);
        assertThatThrownBy(() -> control.hangup("agent1001", ControlTesting.CALL))
                .isInstanceOfSatisfying(ControlException.class, failure(ControlException.Kind.TIMED_OUT,
                        "pbx-no-response", ControlException.Outcome.TIMED_OUT));
    }

    @Test
    void aHangupOfAChannelAsteriskNoLongerHasIsNoSuchCall() {
        peer.on("Hangup", (a, c) -> c.write(ScriptedAmiPeer.response(a, "Error", "Message", "No such channel")));
        assertThatThrownBy(() -> control.hangup("agent1001", ControlTesting.CALL))
                .isInstanceOfSatisfying(ControlException.class, failure(ControlException.Kind.NO_SUCH_CALL,
                        "call-gone", ControlException.Outcome.REFUSED));
    }

    @Test
    void withTheAmiConnectionDownEveryCommandIsUnavailable() {
        connection.close();
        assertThatThrownBy(() -> control.hangup("agent1001", ControlTesting.CALL))
                .isInstanceOfSatisfying(ControlException.class, failure(ControlException.Kind.UNAVAILABLE,
                        "pbx-unavailable", ControlException.Outcome.FAILED));
    }

    @Test
    void aDialWhileTheAgentIsOnACallIsRefused() {
        assertThatThrownBy(() -> control.dial("agent1001", "13800138000"))
                .isInstanceOfSatisfying(ControlException.class,
                        e -> assertThat(e.kind()).isEqualTo(ControlException.Kind.CONFLICT));
        assertThat(peer.actions("Originate")).isEmpty();
    }
}
