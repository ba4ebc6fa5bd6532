package org.hotline.cti.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.ami.AmiConnectionState;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.ami.ScriptedAmiPeer;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentRinging;
import org.hotline.cti.call.AgentState;
import org.hotline.cti.call.AgentStateChanged;
import org.hotline.cti.call.CallAnswered;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.call.Caller;
import org.hotline.cti.presence.DeskState;
import org.hotline.cti.presence.Presence;
import org.hotline.cti.presence.PresenceProperties;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.push.internal.InMemoryPushBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PresenceTests {

    private static final AgentInterface IFACE = AgentInterface.of("Local/1001@agents");
    private static final CallId CALL = new CallId("1795434946.0");
    private static final Caller CALLER = new Caller("13800138000", "张三");

    private ScriptedAmiPeer peer;
    private AmiConnection connection;
    private InMemoryPushBus bus;
    private Presence presence;
    private final List<PushMessage> pushed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        peer = new ScriptedAmiPeer();
        for (String action : new String[] {"QueueAdd", "QueueRemove", "QueuePause"}) {
            peer.on(action, (a, c) -> c.write(ScriptedAmiPeer.response(a, "Success", "Message", "ok")));
        }
        connection = new AmiConnection(ControlTesting.ami(peer.port()), m -> { });
        connection.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);
        bus = new InMemoryPushBus("node-a", 1000);
        bus.subscribe(pushed::add);
        PresenceProperties props = new PresenceProperties(Duration.ofMillis(400), true, Duration.ofSeconds(30),
                Duration.ofMillis(300), Duration.ZERO, null, PresenceProperties.Start.PBX);
        presence = new Presence(props, ControlTesting.directory(),
                new AmiCommands(() -> connection, Duration.ofSeconds(3)), bus, () -> null, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        presence.close();
        connection.close();
        peer.close();
    }

    private List<AmiMessage> pauses(String paused) {
        return peer.actions("QueuePause").stream().filter(a -> paused.equals(a.get("Paused"))).toList();
    }

    @Test
    void loginAddsTheAgentToEachOfTheirQueuesAndPushesTheReadyState() {
        assertThat(presence.login("agent1001").state()).isEqualTo(DeskState.READY);
        assertThat(peer.actions("QueueAdd")).extracting(a -> a.get("Queue")).containsExactly("hotline", "gas");
        assertThat(peer.actions("QueueAdd").get(0).get("MemberName")).isEqualTo("坐席1001");
        await().atMost(Duration.ofSeconds(5)).until(() -> pushed.stream().anyMatch(m -> m.target().equals("agent1001")
                && m.type().equals(PushMessage.TYPE_AGENT_STATE) && m.payload().contains("\"state\":\"READY\"")));
    }

    @Test
    void pauseSendsQueuePauseWithTheReasonAndPushesItsLabels() {
        presence.login("agent1001");
        presence.pause("agent1001", "lunch");
        assertThat(pauses("true")).extracting(a -> a.get("Reason")).containsExactly("lunch");
        await().atMost(Duration.ofSeconds(5)).until(() -> pushed.stream().anyMatch(m -> m.payload().contains("午休")));
    }

    @Test
    void aCommandThePbxRefusesLeavesTheStateAsItWas() {
        presence.login("agent1001");
        peer.on("QueuePause", (a, c) -> c.write(ScriptedAmiPeer.response(a, "Error", "Message",
                "Interface not found")));
        // a member Asterisk does not know is a conflict with the PBX's membership, not "the call is gone" (404)
        assertThatThrownBy(() -> presence.pause("agent1001", "rest")).isInstanceOf(ControlException.class)
                .hasMessageContaining("Local/1001@agents").hasMessageContaining("Interface not found")
                .satisfies(e -> assertThat(((ControlException) e).kind()).isEqualTo(ControlException.Kind.CONFLICT));
        assertThat(presence.status("agent1001").state()).isEqualTo(DeskState.READY);
    }

    @Test
    void aCallEndedStartsAWrapUpPauseThatEndsByItselfAfterTheConfiguredTime() {
        presence.login("agent1001");
        Instant now = Instant.now();
        presence.onEvent(new AgentRinging(CALL, IFACE, "坐席1001", "hotline", CALLER, Duration.ZERO, Map.of(), now));
        presence.onEvent(new CallAnswered(CALL, IFACE, "坐席1001", "hotline", CALLER, Duration.ZERO, now));
        assertThat(presence.status("agent1001").call().name()).isEqualTo("张三");
        presence.onEvent(new CallEnded(CALL, CALLER, 16, "Normal Clearing", Instant.now()));
        assertThat(presence.status("agent1001").state()).isEqualTo(DeskState.WRAP_UP);
        await().atMost(Duration.ofSeconds(5)).until(() -> pauses("true").stream()
                .anyMatch(a -> "wrapup".equals(a.get("Reason"))));
        await().atMost(Duration.ofSeconds(5)).until(() -> presence.status("agent1001").state() == DeskState.READY);
        await().atMost(Duration.ofSeconds(5)).until(() -> !pauses("false").isEmpty());
    }

    @Test
    void aWrapUpTimerThatFiresBeforeTheClockReachesTheEndStillEndsTheWrapUp() {
        presence.close();
        // a clock that stands still: when the timer fires the wall clock has not reached the wrap-up end yet
        presence = new Presence(new PresenceProperties(Duration.ofMillis(400), true, Duration.ofSeconds(30),
                Duration.ofMillis(300), Duration.ZERO, null, PresenceProperties.Start.PBX), ControlTesting.directory(),
                new AmiCommands(() -> connection, Duration.ofSeconds(3)), bus, () -> null,
                Clock.fixed(Instant.now(), java.time.ZoneOffset.UTC));
        presence.login("agent1001");
        Instant now = Instant.now();
        presence.onEvent(new AgentRinging(CALL, IFACE, "坐席1001", "hotline", CALLER, Duration.ZERO, Map.of(), now));
        presence.onEvent(new CallAnswered(CALL, IFACE, "坐席1001", "hotline", CALLER, Duration.ZERO, now));
        presence.onEvent(new CallEnded(CALL, CALLER, 16, "Normal Clearing", now));
        assertThat(presence.status("agent1001").state()).isEqualTo(DeskState.WRAP_UP);
        await().atMost(Duration.ofSeconds(5)).until(() -> presence.status("agent1001").state() == DeskState.READY);
    }

    @Test
    void aReadyAgentWhoseLastDesktopIsGoneLongerThanTheGraceIsPausedLaggedAndRestoredOnReconnect() {
        presence.login("agent1001");
        presence.desktopConnected("agent1001");
        presence.desktopDisconnected("agent1001");
        await().atMost(Duration.ofSeconds(5)).until(() -> presence.status("agent1001").state() == DeskState.LAGGED);
        await().atMost(Duration.ofSeconds(5)).until(() -> pauses("true").stream()
                .anyMatch(a -> "lagged".equals(a.get("Reason"))));
        String payload = presence.desktopConnected("agent1001");
        assertThat(payload).contains("\"state\":\"READY\"");
        await().atMost(Duration.ofSeconds(5)).until(() -> !pauses("false").isEmpty());
    }

    @Test
    void aDesktopBackWithinTheGraceKeepsTheAgentReady() {
        presence.login("agent1001");
        presence.desktopConnected("agent1001");
        presence.desktopDisconnected("agent1001");
        presence.desktopConnected("agent1001");
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .until(() -> presence.status("agent1001").state() == DeskState.READY);
        assertThat(pauses("true")).isEmpty();
    }

    @Test
    void aPauseSetFromElsewhereShowsOnTheDesk() {
        presence.login("agent1001");
        presence.onEvent(new AgentStateChanged(IFACE, "坐席1001", AgentState.PAUSED, "meeting",
                Set.of("hotline", "gas"), Instant.now()));
        assertThat(presence.status("agent1001").state()).isEqualTo(DeskState.PAUSED);
        assertThat(presence.status("agent1001").reason()).isEqualTo("meeting");
    }

    @Test
    void aSupervisorsReadyForADeskLeftDuringWrapUpHoldsWhenThePbxConfirmsIt() {
        presence.login("agent1001");
        presence.desktopConnected("agent1001");
        Instant now = Instant.now();
        presence.onEvent(new AgentRinging(CALL, IFACE, "坐席1001", "hotline", CALLER, Duration.ZERO, Map.of(), now));
        presence.onEvent(new CallAnswered(CALL, IFACE, "坐席1001", "hotline", CALLER, Duration.ZERO, now));
        presence.onEvent(new CallEnded(CALL, CALLER, 16, "Normal Clearing", Instant.now()));
        presence.desktopDisconnected("agent1001");
        await().atMost(Duration.ofSeconds(5)).until(() -> presence.status("agent1001").state() == DeskState.LAGGED);

        presence.ready("agent1001");
        presence.onEvent(new AgentStateChanged(IFACE, "坐席1001", AgentState.READY, null, Set.of("hotline", "gas"),
                Instant.now()));
        assertThat(presence.status("agent1001").state()).isEqualTo(DeskState.READY);
    }

    @Test
    void theDesksRefusalsCarryCodesThePagesWordInTheUsersLanguage() {
        assertThatThrownBy(() -> presence.ready("agent1001")).isInstanceOf(ControlException.class)
                .satisfies(e -> assertThat(((ControlException) e).code()).isEqualTo("log-in-first"));
        presence.login("agent1001");
        assertThatThrownBy(() -> presence.finishWrapUp("agent1001")).isInstanceOf(ControlException.class)
                .satisfies(e -> assertThat(((ControlException) e).code()).isEqualTo("not-in-wrap-up"));
    }

    @Test
    void logoutRemovesTheAgentFromTheirQueues() {
        presence.login("agent1001");
        presence.logout("agent1001");
        assertThat(peer.actions("QueueRemove")).extracting(a -> a.get("Queue")).containsExactly("hotline", "gas");
        assertThat(presence.status("agent1001").state()).isEqualTo(DeskState.LOGGED_OUT);
    }

    @Test
    void aUserWithoutAPhoneHasNoDesk() {
        assertThat(presence.desktopConnected("sup1")).isNull();
        assertThatThrownBy(() -> presence.login("sup1")).isInstanceOf(ControlException.class);
    }

    @Test
    void anAgentWhoNeverOpenedTheDeskGetsNoWrapUpAndNoLaggedPause() {
        Instant now = Instant.now();
        AgentInterface other = AgentInterface.of("Local/1002@agents");
        presence.onEvent(new CallAnswered(CALL, other, "坐席1002", "hotline", CALLER, Duration.ZERO, now));
        presence.onEvent(new CallEnded(CALL, CALLER, 16, "Normal Clearing", now));
        assertThat(presence.status("agent1002").state()).isEqualTo(DeskState.LOGGED_OUT);
        presence.onEvent(new AgentStateChanged(other, "坐席1002", AgentState.READY, null, Set.of("hotline"), now));
        presence.onEvent(new CallAnswered(CALL, other, "坐席1002", "hotline", CALLER, Duration.ZERO, now));
        presence.onEvent(new CallEnded(CALL, CALLER, 16, "Normal Clearing", now));
        assertThat(presence.status("agent1002").state()).isEqualTo(DeskState.READY);
        assertThat(peer.actions("QueuePause")).isEmpty();
    }

    @Test
    void anAgentWhoOnlyOpenedTheDeskAndLeftIsPausedLagged() {
        Instant now = Instant.now();
        AgentInterface other = AgentInterface.of("Local/1002@agents");
        presence.onEvent(new AgentStateChanged(other, "坐席1002", AgentState.READY, null, Set.of("hotline"), now));
        presence.desktopConnected("agent1002");
        presence.desktopDisconnected("agent1002");
        await().atMost(Duration.ofSeconds(5)).until(() -> presence.status("agent1002").state() == DeskState.LAGGED);
        await().atMost(Duration.ofSeconds(5)).until(() -> pauses("true").stream()
                .anyMatch(a -> "lagged".equals(a.get("Reason"))));
    }

    @Test
    void anAgentWhoClosedTheDeskDuringWrapUpIsPausedLaggedWhenTheWrapUpEnds() {
        presence.login("agent1001");
        presence.desktopConnected("agent1001");
        Instant now = Instant.now();
        presence.onEvent(new AgentRinging(CALL, IFACE, "坐席1001", "hotline", CALLER, Duration.ZERO, Map.of(), now));
        presence.onEvent(new CallAnswered(CALL, IFACE, "坐席1001", "hotline", CALLER, Duration.ZERO, now));
        presence.onEvent(new CallEnded(CALL, CALLER, 16, "Normal Clearing", Instant.now()));
        assertThat(presence.status("agent1001").state()).isEqualTo(DeskState.WRAP_UP);
        presence.desktopDisconnected("agent1001");
        // the grace (300 ms) passes during the wrap-up (400 ms): when it ends, nobody is there to take a call
        await().atMost(Duration.ofSeconds(5)).until(() -> presence.status("agent1001").state() == DeskState.LAGGED);
        await().atMost(Duration.ofSeconds(5)).until(() -> pauses("true").stream()
                .anyMatch(a -> "lagged".equals(a.get("Reason"))));
        assertThat(pauses("false")).isEmpty();
        assertThat(presence.desktopConnected("agent1001")).contains("\"state\":\"READY\"");
    }

    private Presence starting(PresenceProperties.Start start) {
        presence.close();
        presence = new Presence(new PresenceProperties(Duration.ofMillis(400), true, Duration.ofSeconds(30),
                Duration.ofMillis(100), Duration.ZERO, null, start), ControlTesting.directory(),
                new AmiCommands(() -> connection, Duration.ofSeconds(3)), bus, () -> null, Clock.systemUTC());
        return presence;
    }

    @Test
    void anAgentThePbxHasReadyWhoseDeskNobodyOpensIsLoggedOutByDefault() {
        starting(PresenceProperties.Start.LOGGED_OUT).onEvent(new AgentStateChanged(
                AgentInterface.of("Local/1002@agents"), "坐席1002", AgentState.READY, null, Set.of("hotline"),
                Instant.now()));
        assertThat(presence.status("agent1002").state()).isEqualTo(DeskState.READY);
        await().atMost(Duration.ofSeconds(5)).until(() -> presence.status("agent1002").state() == DeskState.LOGGED_OUT);
        await().atMost(Duration.ofSeconds(5)).until(() -> peer.actions("QueueRemove").stream()
                .anyMatch(a -> "hotline".equals(a.get("Queue"))));
    }

    @Test
    void withTheStartSetToPausedSuchAnAgentIsPausedLaggedUntilTheDeskOpens() {
        starting(PresenceProperties.Start.PAUSED).onEvent(new AgentStateChanged(
                AgentInterface.of("Local/1002@agents"), "坐席1002", AgentState.READY, null, Set.of("hotline"),
                Instant.now()));
        await().atMost(Duration.ofSeconds(5)).until(() -> presence.status("agent1002").state() == DeskState.LAGGED);
        await().atMost(Duration.ofSeconds(5)).until(() -> pauses("true").stream()
                .anyMatch(a -> "lagged".equals(a.get("Reason"))));
        assertThat(presence.desktopConnected("agent1002")).contains("\"state\":\"READY\"");
    }

    @Test
    void anAgentWhoseDeskOpensInTimeStaysAsThePbxHasIt() {
        starting(PresenceProperties.Start.LOGGED_OUT).onEvent(new AgentStateChanged(
                AgentInterface.of("Local/1002@agents"), "坐席1002", AgentState.READY, null, Set.of("hotline"),
                Instant.now()));
        presence.desktopConnected("agent1002");
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .until(() -> presence.status("agent1002").state() == DeskState.READY);
        assertThat(peer.actions("QueueRemove")).isEmpty();
    }

    @Test
    void aLaggedPauseConfirmedByThePbxIsLiftedWhenTheDesktopComesBack() {
        presence.login("agent1001");
        presence.ready("agent1001");
        presence.desktopConnected("agent1001");
        presence.desktopDisconnected("agent1001");
        await().atMost(Duration.ofSeconds(5)).until(() -> presence.status("agent1001").state() == DeskState.LAGGED);
        presence.onEvent(new AgentStateChanged(IFACE, "坐席1001", AgentState.PAUSED, "lagged",
                Set.of("hotline", "gas"), Instant.now()));
        assertThat(presence.desktopConnected("agent1001")).contains("\"state\":\"READY\"");
        presence.onEvent(new AgentStateChanged(IFACE, "坐席1001", AgentState.READY, null,
                Set.of("hotline", "gas"), Instant.now()));
        assertThat(presence.status("agent1001").state()).isEqualTo(DeskState.READY);
    }

    private static AmiMessage memberEvent(String name, String queue, boolean paused, String reason) {
        return AmiMessage.of("Event", name, "Queue", queue, "MemberName", "坐席1001", "Interface",
                "Local/1001@agents/n", "StateInterface", "hint:1001@agents", "Status", "1", "Paused",
                paused ? "1" : "0", "PausedReason", reason);
    }

    private CallTracker trackerFeeding(Presence[] target) {
        return new CallTracker(e -> {
            if (target[0] != null) {
                target[0].onEvent(e);
            }
        });
    }

    @Test
    void queueActionsNameTheMemberExactlyAsThePbxListsItNotAsTheAccountDoes() {
        presence.close();
        Presence[] target = new Presence[1];
        CallTracker tracker = trackerFeeding(target);
        presence = new Presence(PresenceProperties.defaults(), ControlTesting.directory(),
                new AmiCommands(() -> connection, Duration.ofSeconds(3)), bus, () -> tracker, Clock.systemUTC());
        target[0] = presence;
        tracker.onMessage(memberEvent("QueueMemberAdded", "hotline", false, ""));
        tracker.onMessage(memberEvent("QueueMemberAdded", "gas", false, ""));

        presence.pause("agent1001", "lunch");
        presence.logout("agent1001");

        // the account says Local/1001@agents; Asterisk matches Local/1001@agents/n only
        assertThat(pauses("true")).extracting(a -> a.get("Interface")).containsExactly("Local/1001@agents/n");
        assertThat(peer.actions("QueueRemove")).extracting(a -> a.get("Interface"))
                .containsOnly("Local/1001@agents/n");
    }

    @Test
    void anUnpauseOnThePbxInBothQueuesMakesThePausedDeskReadyAndALaterPauseIsSent() {
        presence.close();
        Presence[] target = new Presence[1];
        CallTracker tracker = trackerFeeding(target);
        presence = new Presence(PresenceProperties.defaults(), ControlTesting.directory(),
                new AmiCommands(() -> connection, Duration.ofSeconds(3)), bus, () -> tracker, Clock.systemUTC());
        target[0] = presence;
        presence.status("agent1001");
        tracker.onMessage(memberEvent("QueueMemberAdded", "hotline", false, ""));
        tracker.onMessage(memberEvent("QueueMemberAdded", "gas", false, ""));
        tracker.onMessage(memberEvent("QueueMemberPause", "hotline", true, "lunch"));
        tracker.onMessage(memberEvent("QueueMemberPause", "gas", true, "lunch"));
        assertThat(presence.status("agent1001").state()).isEqualTo(DeskState.PAUSED);

        tracker.onMessage(memberEvent("QueueMemberPause", "hotline", false, ""));
        assertThat(presence.status("agent1001").state()).isEqualTo(DeskState.READY);
        assertThat(presence.statusJson("agent1001")).contains("\"partlyPaused\":true", "\"gas\":\"lunch\"");
        tracker.onMessage(memberEvent("QueueMemberPause", "gas", false, ""));
        assertThat(presence.status("agent1001").state()).isEqualTo(DeskState.READY);
        assertThat(presence.status("agent1001").partlyPaused()).isFalse();

        presence.pause("agent1001", "lunch");
        assertThat(pauses("true")).extracting(a -> a.get("Reason")).containsExactly("lunch");
    }
}
