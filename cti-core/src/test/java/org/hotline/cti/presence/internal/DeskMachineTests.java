package org.hotline.cti.presence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.cti.call.AgentState;
import org.hotline.cti.presence.DeskCall;
import org.hotline.cti.presence.DeskRules;
import org.hotline.cti.presence.DeskState;
import org.hotline.cti.presence.DeskStatus;
import org.hotline.cti.presence.PresenceProperties;
import org.junit.jupiter.api.Test;

class DeskMachineTests {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final List<String> QUEUES = List.of("gas", "hotline");
    private static final DeskCall CALL = new DeskCall("1795434946.0", "13800138000", "张三", "hotline");

    private final PresenceProperties props = PresenceProperties.defaults();
    private final DeskMachine machine = new DeskMachine(props);

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static Map<String, String> everywhere(String reason) {
        Map<String, String> m = new TreeMap<>();
        QUEUES.forEach(q -> m.put(q, reason));
        return m;
    }

    private DeskStatus ready() {
        return machine.next(DeskStatus.loggedOut(T0), new DeskInput.Login(QUEUES, T0)).status();
    }

    private DeskStatus talking() {
        DeskStatus ringing = machine.next(ready(), new DeskInput.Ringing(CALL, t(1))).status();
        return machine.next(ringing, new DeskInput.Answered(CALL, t(3))).status();
    }

    private DeskStatus wrapUp() {
        return machine.next(talking(), new DeskInput.Ended(CALL.callId(), t(60))).status();
    }

    @Test
    void loginAddsTheAgentToEachQueueUnpausedAndMakesTheDeskReady() {
        DeskTransition t = machine.next(DeskStatus.loggedOut(T0), new DeskInput.Login(QUEUES, t(1)));
        assertThat(t.status().state()).isEqualTo(DeskState.READY);
        assertThat(t.status().since()).isEqualTo(t(1));
        assertThat(t.status().queues()).isEqualTo(QUEUES);
        assertThat(t.effects()).containsExactly(new DeskEffect.AddToQueues(QUEUES));
    }

    @Test
    void loginWithoutQueuesIsRefused() {
        DeskTransition t = machine.next(DeskStatus.loggedOut(T0), new DeskInput.Login(List.of(), t(1)));
        assertThat(t.refused()).isTrue();
        assertThat(t.status().state()).isEqualTo(DeskState.LOGGED_OUT);
    }

    @Test
    void readyBeforeLoginIsRefused() {
        assertThat(machine.next(DeskStatus.loggedOut(T0), new DeskInput.Ready(t(1))).refusal()).contains("log in");
    }

    @Test
    void pauseWithAConfiguredReasonPausesInThePbx() {
        DeskTransition t = machine.next(ready(), new DeskInput.Pause("lunch", t(5)));
        assertThat(t.status().state()).isEqualTo(DeskState.PAUSED);
        assertThat(t.status().reason()).isEqualTo("lunch");
        assertThat(t.effects()).containsExactly(new DeskEffect.Pause("lunch"));
    }

    @Test
    void pauseWithAnUnknownReasonIsRefused() {
        DeskTransition t = machine.next(ready(), new DeskInput.Pause("nap", t(5)));
        assertThat(t.refused()).isTrue();
        assertThat(t.effects()).isEmpty();
    }

    @Test
    void pauseAndLogoutDuringACallAreRefused() {
        assertThat(machine.next(talking(), new DeskInput.Pause("lunch", t(5))).refusal()).contains("call");
        assertThat(machine.next(talking(), new DeskInput.Logout(t(5))).refusal()).contains("call");
    }

    @Test
    void aRingAnsweredMakesTheDeskTalkWithTheCaller() {
        DeskStatus s = talking();
        assertThat(s.state()).isEqualTo(DeskState.TALKING);
        assertThat(s.call()).isEqualTo(CALL);
        assertThat(s.since()).isEqualTo(t(3));
    }

    @Test
    void aRingThatStopsReturnsToReady() {
        DeskStatus ringing = machine.next(ready(), new DeskInput.Ringing(CALL, t(1))).status();
        DeskStatus s = machine.next(ringing, new DeskInput.RingStopped(CALL.callId(), t(16))).status();
        assertThat(s.state()).isEqualTo(DeskState.READY);
        assertThat(s.call()).isNull();
    }

    @Test
    void theEndOfACallStartsAWrapUpPausedWithReasonWrapup() {
        DeskTransition t = machine.next(talking(), new DeskInput.Ended(CALL.callId(), t(60)));
        assertThat(t.status().state()).isEqualTo(DeskState.WRAP_UP);
        assertThat(t.status().reason()).isEqualTo(DeskStatus.WRAPUP);
        assertThat(t.status().wrapUpEndsAt()).isEqualTo(t(90));
        assertThat(t.effects()).containsExactly(new DeskEffect.Pause(DeskStatus.WRAPUP));
    }

    @Test
    void thePhoneFreedByThePbxDuringACallStartsTheWrapUpToo() {
        DeskTransition t = machine.next(talking(),
                new DeskInput.Pbx(AgentState.READY, null, QUEUES, Map.of(), t(60)));
        assertThat(t.status().state()).isEqualTo(DeskState.WRAP_UP);
        assertThat(t.effects()).containsExactly(new DeskEffect.Pause(DeskStatus.WRAPUP));
    }

    @Test
    void theWrapUpTimerBeforeTheEndChangesNothingAndAtTheEndUnpauses() {
        DeskStatus wrap = wrapUp();
        assertThat(machine.next(wrap, new DeskInput.WrapUpTimer(t(89))).status()).isEqualTo(wrap);
        DeskTransition t = machine.next(wrap, new DeskInput.WrapUpTimer(t(90)));
        assertThat(t.status().state()).isEqualTo(DeskState.READY);
        assertThat(t.effects()).containsExactly(new DeskEffect.Unpause());
    }

    @Test
    void theAgentMayFinishTheWrapUpEarly() {
        DeskTransition t = machine.next(wrapUp(), new DeskInput.FinishWrapUp(t(70)));
        assertThat(t.status().state()).isEqualTo(DeskState.READY);
        assertThat(t.effects()).containsExactly(new DeskEffect.Unpause());
    }

    @Test
    void theWrapUpExtendsOnceOnly() {
        DeskStatus once = machine.next(wrapUp(), new DeskInput.ExtendWrapUp(t(70))).status();
        assertThat(once.wrapUpEndsAt()).isEqualTo(t(120));
        assertThat(once.extended()).isTrue();
        assertThat(machine.next(once, new DeskInput.ExtendWrapUp(t(71))).refusal()).contains("once");
    }

    @Test
    void theWrapUpCannotBeExtendedWhenTheSettingForbidsIt() {
        DeskMachine strict = new DeskMachine(new PresenceProperties(Duration.ofSeconds(30), false,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ZERO, null, PresenceProperties.Start.PBX));
        DeskStatus talking = strict.next(strict.next(ready(), new DeskInput.Ringing(CALL, t(1))).status(),
                new DeskInput.Answered(CALL, t(2))).status();
        DeskStatus wrap = strict.next(talking, new DeskInput.Ended(CALL.callId(), t(9))).status();
        assertThat(strict.next(wrap, new DeskInput.ExtendWrapUp(t(10))).refused()).isTrue();
    }

    @Test
    void aPauseSetElsewhereInThePbxShowsWithItsReason() {
        DeskTransition t = machine.next(ready(), new DeskInput.Pbx(AgentState.PAUSED, "meeting", QUEUES, everywhere("meeting"), t(9)));
        assertThat(t.status().state()).isEqualTo(DeskState.PAUSED);
        assertThat(t.status().reason()).isEqualTo("meeting");
        assertThat(t.effects()).isEmpty();
    }

    @Test
    void anUnpauseElsewhereMakesTheDeskReady() {
        DeskStatus paused = machine.next(ready(), new DeskInput.Pause("rest", t(5))).status();
        DeskTransition t = machine.next(paused, new DeskInput.Pbx(AgentState.READY, null, QUEUES, Map.of(), t(9)));
        assertThat(t.status().state()).isEqualTo(DeskState.READY);
    }

    @Test
    void aPartlyPausedReportDuringTheWrapUpKeepsTheWrapUp() {
        DeskStatus wrap = wrapUp();
        DeskTransition t = machine.next(wrap, new DeskInput.Pbx(AgentState.READY, null, QUEUES, Map.of("hotline", "wrapup"), t(61)));
        assertThat(t.status().state()).isEqualTo(DeskState.WRAP_UP);
        assertThat(t.status().wrapUpEndsAt()).isEqualTo(wrap.wrapUpEndsAt());
    }

    @Test
    void removalFromEveryQueueElsewhereLogsTheDeskOut() {
        DeskTransition t = machine.next(ready(), new DeskInput.Pbx(AgentState.LOGGED_OUT, null, List.of(), Map.of(),
                t(9)));
        assertThat(t.status().state()).isEqualTo(DeskState.LOGGED_OUT);
        assertThat(t.status().queues()).isEmpty();
    }

    @Test
    void logoutRemovesTheAgentFromTheQueuesThePbxHasThemIn() {
        DeskStatus moved = machine.next(ready(), new DeskInput.Pbx(AgentState.READY, null, List.of("hotline"), Map.of(),
                t(2))).status();
        DeskTransition t = machine.next(moved, new DeskInput.Logout(t(9)));
        assertThat(t.status().state()).isEqualTo(DeskState.LOGGED_OUT);
        assertThat(t.effects()).containsExactly(new DeskEffect.RemoveFromQueues(List.of("hotline")));
    }

    @Test
    void aLostDesktopPausesAReadyAgentAsLaggedAndItsReturnUnpauses() {
        DeskTransition lost = machine.next(ready(), new DeskInput.SocketLost(t(20)));
        assertThat(lost.status().state()).isEqualTo(DeskState.LAGGED);
        assertThat(lost.effects()).containsExactly(new DeskEffect.Pause(DeskStatus.LAGGED));
        DeskTransition back = machine.next(lost.status(), new DeskInput.SocketBack(t(30)));
        assertThat(back.status().state()).isEqualTo(DeskState.READY);
        assertThat(back.effects()).containsExactly(new DeskEffect.Unpause());
    }

    @Test
    void aLostDesktopLeavesAPausedAgentPaused() {
        DeskStatus paused = machine.next(ready(), new DeskInput.Pause("lunch", t(5))).status();
        DeskTransition t = machine.next(paused, new DeskInput.SocketLost(t(20)));
        assertThat(t.status()).isEqualTo(paused);
        assertThat(t.effects()).isEmpty();
        assertThat(machine.next(paused, new DeskInput.SocketBack(t(25))).status()).isEqualTo(paused);
    }

    @Test
    void aLaggedPauseSeenFromThePbxShowsAsLagged() {
        DeskTransition t = machine.next(ready(), new DeskInput.Pbx(AgentState.PAUSED, "lagged", QUEUES, everywhere("lagged"), t(9)));
        assertThat(t.status().state()).isEqualTo(DeskState.LAGGED);
    }

    @Test
    void aSupervisorPauseTakenDuringTheCallShowsWhenThePhoneIsFreeInsteadOfAWrapUp() {
        DeskTransition t = machine.next(talking(), new DeskInput.Pbx(AgentState.PAUSED, "meeting", QUEUES, everywhere("meeting"),
                t(60)));
        assertThat(t.status().state()).isEqualTo(DeskState.PAUSED);
        assertThat(t.status().reason()).isEqualTo("meeting");
        assertThat(t.effects()).isEmpty();
    }

    @Test
    void theEndOfAnotherCallLeavesTheDeskAsItIs() {
        DeskStatus s = talking();
        assertThat(machine.next(s, new DeskInput.Ended("other.1", t(9))).status()).isEqualTo(s);
    }

    @Test
    void anUnpauseOnThePbxInEveryQueueMakesAPausedDeskReadyOneQueueAtATime() {
        DeskStatus paused = machine.next(ready(), new DeskInput.Pbx(AgentState.PAUSED, "lunch", QUEUES,
                everywhere("lunch"), t(5))).status();
        DeskStatus first = machine.next(paused, new DeskInput.Pbx(AgentState.READY, null, QUEUES,
                Map.of("hotline", "lunch"), t(9))).status();
        DeskStatus second = machine.next(first, new DeskInput.Pbx(AgentState.READY, null, QUEUES, Map.of(), t(9)))
                .status();
        // Asterisk unpauses gas first: the agent gets gas calls at once, so the desk is no longer paused
        assertThat(first.state()).isEqualTo(DeskState.READY);
        assertThat(first.partlyPaused()).isTrue();
        assertThat(first.pausedQueues()).containsExactly(Map.entry("hotline", "lunch"));
        assertThat(second.state()).isEqualTo(DeskState.READY);
        assertThat(second.partlyPaused()).isFalse();
    }

    @Test
    void theDesksOwnPauseGoingThroughTheQueuesOneByOneStaysPaused() {
        DeskStatus paused = machine.next(ready(), new DeskInput.Pause("lunch", t(5))).status();
        DeskTransition t = machine.next(paused, new DeskInput.Pbx(AgentState.READY, null, QUEUES,
                Map.of("gas", "lunch"), t(5)));
        assertThat(t.status().state()).isEqualTo(DeskState.PAUSED);
        assertThat(t.status().reason()).isEqualTo("lunch");
        assertThat(t.effects()).isEmpty();
    }

    @Test
    void aPauseOnThePbxInOneQueueOnlyLeavesTheDeskReadyAndPartlyPaused() {
        DeskTransition t = machine.next(ready(), new DeskInput.Pbx(AgentState.READY, null, QUEUES,
                Map.of("gas", "meeting"), t(9)));
        assertThat(t.status().state()).isEqualTo(DeskState.READY);
        assertThat(t.status().partlyPaused()).isTrue();
        assertThat(t.status().pausedQueues()).containsExactly(Map.entry("gas", "meeting"));
        assertThat(t.effects()).isEmpty();
    }

    @Test
    void pauseAndReadyCommandsAreSentEvenWhenTheDeskAlreadyShowsThatState() {
        DeskStatus paused = machine.next(ready(), new DeskInput.Pause("lunch", t(5))).status();
        assertThat(machine.next(paused, new DeskInput.Pause("lunch", t(6))).effects())
                .containsExactly(new DeskEffect.Pause("lunch"));
        DeskStatus partly = machine.next(ready(), new DeskInput.Pbx(AgentState.READY, null, QUEUES,
                Map.of("gas", "lunch"), t(9))).status();
        assertThat(machine.next(partly, new DeskInput.Ready(t(10))).effects()).containsExactly(new DeskEffect.Unpause());
    }

    @Test
    void logInWhenAlreadyInSomeQueuesAddsOnlyTheMissingOnes() {
        DeskStatus inHotline = machine.next(ready(), new DeskInput.Pbx(AgentState.READY, null, List.of("hotline"),
                Map.of(), t(2))).status();
        DeskTransition t = machine.next(inHotline, new DeskInput.Login(QUEUES, t(3)));
        assertThat(t.effects()).containsExactly(new DeskEffect.AddToQueues(List.of("gas")));
        assertThat(machine.next(ready(), new DeskInput.Login(QUEUES, t(3))).effects()).isEmpty();
    }

    @Test
    void aCallsQueueDecidesItsWrapUpLengthAndExtension() {
        DeskRules rules = new DeskRules(new DeskRules.WrapUp(Duration.ofSeconds(30), Duration.ofSeconds(30)),
                Map.of("hotline", new DeskRules.WrapUp(Duration.ofSeconds(90), null)), List.of());
        DeskMachine perQueue = new DeskMachine(rules);
        DeskStatus ready = perQueue.next(DeskStatus.loggedOut(T0), new DeskInput.Login(QUEUES, T0)).status();
        DeskStatus talking = perQueue.next(perQueue.next(ready, new DeskInput.Ringing(CALL, t(1))).status(),
                new DeskInput.Answered(CALL, t(3))).status();
        DeskStatus wrap = perQueue.next(talking, new DeskInput.Ended(CALL.callId(), t(60))).status();
        assertThat(wrap.wrapUpEndsAt()).isEqualTo(t(150));
        assertThat(perQueue.next(wrap, new DeskInput.ExtendWrapUp(t(70))).refusal())
                .as("hotline's wrap-up has no extension").contains("cannot be extended");

        DeskCall gas = new DeskCall("1795434999.0", "13900000000", "李四", "gas");
        DeskStatus gasTalk = perQueue.next(perQueue.next(ready, new DeskInput.Ringing(gas, t(1))).status(),
                new DeskInput.Answered(gas, t(3))).status();
        DeskStatus gasWrap = perQueue.next(gasTalk, new DeskInput.Ended(gas.callId(), t(60))).status();
        assertThat(gasWrap.wrapUpEndsAt()).as("a queue without its own: the default").isEqualTo(t(90));
        assertThat(perQueue.next(gasWrap, new DeskInput.ExtendWrapUp(t(70))).status().wrapUpEndsAt())
                .isEqualTo(t(120));
    }

    @Test
    void aQueueWithoutWrapUpMakesTheDeskReadyAtTheEndOfTheCall() {
        DeskMachine none = new DeskMachine(new DeskRules(new DeskRules.WrapUp(Duration.ofSeconds(30), null),
                Map.of("hotline", new DeskRules.WrapUp(Duration.ZERO, null)), List.of()));
        DeskStatus ready = none.next(DeskStatus.loggedOut(T0), new DeskInput.Login(QUEUES, T0)).status();
        DeskStatus talking = none.next(none.next(ready, new DeskInput.Ringing(CALL, t(1))).status(),
                new DeskInput.Answered(CALL, t(3))).status();
        DeskTransition ended = none.next(talking, new DeskInput.Ended(CALL.callId(), t(60)));
        assertThat(ended.status().state()).isEqualTo(DeskState.READY);
        assertThat(ended.effects()).as("no wrap-up pause to send").isEmpty();
    }

    @Test
    void aReasonNotInTheRulesIsRefused() {
        DeskMachine onlyLunch = new DeskMachine(new DeskRules(new DeskRules.WrapUp(Duration.ofSeconds(30), null),
                Map.of(), List.of(new DeskRules.Reason("lunch", "午休", "Lunch", java.util.Set.of()))));
        DeskStatus ready = onlyLunch.next(DeskStatus.loggedOut(T0), new DeskInput.Login(QUEUES, T0)).status();
        assertThat(onlyLunch.next(ready, new DeskInput.Pause("training", t(1))).refused()).isTrue();
        assertThat(onlyLunch.next(ready, new DeskInput.Pause("lunch", t(1))).effects())
                .containsExactly(new DeskEffect.Pause("lunch"));
    }
}
