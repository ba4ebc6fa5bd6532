package org.hotline.cti.spy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.ami.AmiConnectionState;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.ami.ScriptedAmiPeer;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.control.AmiCommands;
import org.hotline.cti.control.ControlException;
import org.hotline.cti.control.ControlResult;
import org.hotline.cti.control.ControlTesting;
import org.hotline.cti.push.PushBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listen, whisper and barge against a scripted PBX that answers the Originate as Asterisk 22 does and then sends (or
 * withholds) OriginateResponse and ChanSpyStart: done only when ChanSpyStart names the agent's channel.
 */
class CallSupervisionTests {

    private static final String AGENT = ControlTesting.AGENT_CHANNEL;
    private static final String SPY = "Local/1900@agents-0000000a;1";

    private ScriptedAmiPeer peer;
    private AmiConnection connection;
    private final CallTracker tracker = ControlTesting.trackerWithBridgedCall();
    private final PushBus bus = mock(PushBus.class);
    private CallSupervision supervision;

    @BeforeEach
    void start() throws Exception {
        peer = new ScriptedAmiPeer();
        connection = new AmiConnection(ControlTesting.ami(peer.port()), m -> { });
        connection.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);
        supervision = supervision(true, Duration.ofSeconds(3));
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        peer.close();
    }

    private CallSupervision supervision(boolean tell, Duration ring) {
        return new CallSupervision(new SpyProperties("hotline-spy", tell, ring), directory(),
                new AmiCommands(() -> connection, Duration.ofSeconds(2)), () -> tracker, bus);
    }

    private static AgentDirectory directory() {
        AgentDirectory d = ControlTesting.directory();
        AgentAccount sup = new AgentAccount(9, "sup9", "值班长 林海", AgentAccount.Role.SUPERVISOR, true,
                List.of("Local/1900@agents/n", "PJSIP/1900"), List.of());
        when(d.findByUsername("sup9")).thenReturn(Optional.of(sup));
        return d;
    }

    /** Answers Originate with Success, then sends these events; {@code $ID} stands for the action's ActionID. */
    private void originateThen(String[]... events) {
        peer.on("Originate", (a, c) -> {
            StringBuilder sb = new StringBuilder(ScriptedAmiPeer.response(a, "Success", "Message",
                    "Originate successfully queued"));
            for (String[] e : events) {
                for (int i = 0; i + 1 < e.length; i += 2) {
                    sb.append(e[i]).append(": ").append("$ID".equals(e[i + 1]) ? a.actionId() : e[i + 1])
                            .append("\r\n");
                }
                sb.append("\r\n");
            }
            c.write(sb.toString());
        });
    }

    private static String[] answered() {
        return new String[] {"Event", "OriginateResponse", "ActionID", "$ID", "Response", "Success", "Channel", SPY,
            "Context", "hotline-spy", "Exten", "listen", "Reason", "4"};
    }

    private static String[] spyStart(String spyer, String spyee) {
        return new String[] {"Event", "ChanSpyStart", "SpyerChannel", spyer, "SpyeeChannel", spyee};
    }

    private AmiMessage originate() {
        assertThat(peer.actions("Originate")).hasSize(1);
        return peer.actions("Originate").get(0);
    }

    private static Consumer<ControlException> failure(String code, ControlException.Outcome outcome) {
        return e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.outcome()).isEqualTo(outcome);
        };
    }

    @Test
    void listenRingsTheSupervisorsPhoneIntoTheSpyContextAndIsDoneOnChanSpyStartOfTheAgentsChannel() {
        originateThen(answered(), spyStart(SPY, AGENT));

        ControlResult r = supervision.spy("sup9", "agent1001", SpyMode.LISTEN);

        assertThat(r.code()).isEqualTo("listening");
        assertThat(r.confirmedBy()).isEqualTo("ChanSpyStart " + SPY + " on " + AGENT);
        AmiMessage o = originate();
        assertThat(o.get("Channel")).isEqualTo("Local/1900@agents/n");
        assertThat(o.get("Context")).isEqualTo("hotline-spy");
        assertThat(o.get("Exten")).isEqualTo("listen");
        assertThat(o.get("Async")).isEqualTo("true");
        assertThat(o.getAll("Variable")).contains("HOTLINE_SPY_TARGET=" + AGENT, "HOTLINE_AGENT=sup9");
        verify(bus).publish(eq("agent1001"), eq(CallSupervision.TYPE_SUPERVISOR_ON_CALL),
                contains("\"mode\":\"listen\""));
    }

    @Test
    void whisperAndBargeGoToTheirOwnExtensionsOfTheSpyContext() {
        originateThen(answered(), spyStart(SPY, AGENT));
        assertThat(supervision.spy("sup9", "agent1001", SpyMode.BARGE).code()).isEqualTo("barging");

        assertThat(originate().get("Exten")).isEqualTo("barge");
        assertThat(SpyMode.WHISPER.chanSpyOptions()).contains("w").contains("q");
        assertThat(SpyMode.BARGE.chanSpyOptions()).contains("B");
        assertThat(SpyMode.of(" Whisper ")).isEqualTo(SpyMode.WHISPER);
        assertThat(SpyMode.of("eavesdrop")).isNull();
    }

    @Test
    void aChanSpyStartOnAnotherAgentsChannelDoesNotConfirmAndTheCommandTimesOut() {
        originateThen(answered(), spyStart(SPY, "Local/1002@agents-00000009;1"));
        CallSupervision quick = supervision(true, Duration.ofMillis(300));

        assertThatThrownBy(() -> quick.spy("sup9", "agent1001", SpyMode.LISTEN)).isInstanceOfSatisfying(
                ControlException.class, failure("pbx-no-response", ControlException.Outcome.TIMED_OUT));
        verify(bus, never()).publish(anyString(), anyString(), anyString());
    }

    @Test
    void aBusySupervisorPhoneIsRefusedAsBusyAndTheAgentIsNotTold() {
        originateThen(new String[] {"Event", "OriginateResponse", "ActionID", "$ID", "Response", "Failure",
            "Channel", "Local/1900@agents/n", "Reason", "5"});

        assertThatThrownBy(() -> supervision.spy("sup9", "agent1001", SpyMode.LISTEN)).isInstanceOfSatisfying(
                ControlException.class, failure("phone-busy", ControlException.Outcome.REFUSED));
        verify(bus, never()).publish(anyString(), anyString(), anyString());
    }

    @Test
    void theSpyChannelHangingUpBeforeChanSpyStartFailsAsTheCallGone() {
        originateThen(answered(), new String[] {"Event", "Hangup", "Channel", SPY, "Cause", "16"});

        assertThatThrownBy(() -> supervision.spy("sup9", "agent1001", SpyMode.WHISPER)).isInstanceOfSatisfying(
                ControlException.class, failure("spy-ended", ControlException.Outcome.FAILED));
    }

    @Test
    void theAgentIsToldOnlyWhereTheCompanySaysSo() {
        originateThen(answered(), spyStart(SPY, AGENT));

        supervision(false, Duration.ofSeconds(3)).spy("sup9", "agent1001", SpyMode.LISTEN);

        verify(bus, never()).publish(anyString(), anyString(), anyString());
    }

    @Test
    void aSupervisorWithoutAPhoneAndAnAgentWithoutACallAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> supervision.spy("sup1", "agent1001", SpyMode.LISTEN)).isInstanceOfSatisfying(
                ControlException.class, failure("spy-no-phone", ControlException.Outcome.REFUSED));
        assertThatThrownBy(() -> supervision.spy("sup9", "agent1002", SpyMode.LISTEN)).isInstanceOfSatisfying(
                ControlException.class, failure("agent-not-talking", ControlException.Outcome.REFUSED));
        assertThat(peer.actions("Originate")).isEmpty();
    }
}
