package org.hotline.cti.presence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.presence.DeskCall;
import org.hotline.cti.presence.DeskRules;
import org.hotline.cti.presence.DeskState;
import org.hotline.cti.presence.DeskStatus;
import org.hotline.cti.presence.DispositionRecorded;
import org.hotline.cti.presence.PresenceProperties;
import org.junit.jupiter.api.Test;

class DeskDispositionTests {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private static final DeskCall HOTLINE_CALL = new DeskCall("1795434946.0", "13800138000", "张三", "hotline");
    private static final DeskCall GAS_CALL = new DeskCall("1795434947.0", "13800138001", "李四", "gas");
    private static final AgentInterface AGENT = AgentInterface.of("PJSIP/1001");

    private final DeskRules base = DeskRules.of(PresenceProperties.defaults());
    private final DeskRules rules = new DeskRules(base.defaults(), Map.of(), base.reasons(), List.of(
            new DeskRules.Disposition("solved", "已解决", "Solved", Set.of(), true),
            new DeskRules.Disposition("order-made", "已派工单", "Work order made", Set.of("hotline"), true),
            new DeskRules.Disposition("old", "旧结果", "Old outcome", Set.of(), false)),
            Set.of("hotline"));
    private final DeskMachine machine = new DeskMachine(rules);

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private DeskStatus talking(DeskCall call) {
        DeskStatus ready = machine.next(DeskStatus.loggedOut(T0), new DeskInput.Login(List.of("gas", "hotline"), T0))
                .status();
        DeskStatus ringing = machine.next(ready, new DeskInput.Ringing(call, t(1))).status();
        return machine.next(ringing, new DeskInput.Answered(call, t(3))).status();
    }

    private DeskStatus wrapUp(DeskCall call) {
        return machine.next(talking(call), new DeskInput.Ended(call.callId(), t(60))).status();
    }

    @Test
    void aCallWithoutAQueueIsOfferedTheOutcomesForEveryQueueOnly() {
        // a click-to-dial or direct call: no queue, and a queue-bound outcome must not break the desk (it threw)
        assertThat(rules.dispositionsFor(null)).extracting(DeskRules.Disposition::code).containsExactly("solved");
        assertThat(rules.dispositionRequired(null)).isFalse();
    }

    @Test
    void aQueueThatRequiresAnOutcomeRefusesTheEndOfWrapUpWithoutOne() {
        DeskStatus wrap = wrapUp(HOTLINE_CALL);
        assertThat(wrap.state()).isEqualTo(DeskState.WRAP_UP);
        assertThat(machine.next(wrap, new DeskInput.FinishWrapUp(t(70))).refusal())
                .isEqualTo(DeskMachine.OUTCOME_FIRST);
        assertThat(machine.next(wrap, new DeskInput.Ready(t(70))).refusal()).isEqualTo(DeskMachine.OUTCOME_FIRST);
    }

    @Test
    void aChosenOutcomeLetsTheWrapUpEnd() {
        DeskStatus chosen = machine.next(wrapUp(HOTLINE_CALL), new DeskInput.ChooseDisposition("order-made", t(65)))
                .status();
        assertThat(chosen.disposition()).isEqualTo("order-made");
        DeskTransition done = machine.next(chosen, new DeskInput.FinishWrapUp(t(70)));
        assertThat(done.refused()).isFalse();
        assertThat(done.status().state()).isEqualTo(DeskState.READY);
    }

    @Test
    void aQueueThatDoesNotRequireAnOutcomeEndsWrapUpWithoutOne() {
        DeskTransition done = machine.next(wrapUp(GAS_CALL), new DeskInput.FinishWrapUp(t(70)));
        assertThat(done.refused()).isFalse();
        assertThat(done.status().state()).isEqualTo(DeskState.READY);
    }

    @Test
    void theWrapUpTimerEndsAWrapUpWithoutAnOutcomeEvenWhereOneIsRequired() {
        DeskStatus wrap = wrapUp(HOTLINE_CALL);
        DeskTransition timer = machine.next(wrap, new DeskInput.WrapUpTimer(wrap.wrapUpEndsAt()));
        assertThat(timer.status().state()).isEqualTo(DeskState.READY);
        assertThat(DispositionWatch.finished(wrap, timer.status(), rules, "agent1001", AGENT, t(90)))
                .get().extracting(DispositionRecorded::code).isEqualTo(DeskRules.NONE_CHOSEN);
    }

    @Test
    void aRetiredUnknownOrOtherQueuesOutcomeIsRefused() {
        DeskStatus wrap = wrapUp(GAS_CALL);
        assertThat(machine.next(wrap, new DeskInput.ChooseDisposition("old", t(61))).refusal()).contains("retired");
        assertThat(machine.next(wrap, new DeskInput.ChooseDisposition("nonsense", t(61))).refusal())
                .contains("unknown call outcome");
        assertThat(machine.next(wrap, new DeskInput.ChooseDisposition("order-made", t(61))).refusal())
                .contains("not for queue gas");
        assertThat(machine.next(wrap, new DeskInput.ChooseDisposition("solved", t(61))).refused()).isFalse();
    }

    @Test
    void anOutcomeChosenWhileTalkingIsCarriedIntoTheWrapUp() {
        DeskStatus talking = machine.next(talking(HOTLINE_CALL), new DeskInput.ChooseDisposition("solved", t(10)))
                .status();
        DeskStatus wrap = machine.next(talking, new DeskInput.Ended(HOTLINE_CALL.callId(), t(60))).status();
        assertThat(wrap.disposition()).isEqualTo("solved");
        assertThat(machine.next(wrap, new DeskInput.Ready(t(61))).status().state()).isEqualTo(DeskState.READY);
        assertThat(DispositionWatch.finished(talking, wrap, rules, "agent1001", AGENT, t(60))).isEmpty();
    }

    @Test
    void noOutcomeCanBeChosenWithoutACall() {
        DeskStatus ready = machine.next(DeskStatus.loggedOut(T0), new DeskInput.Login(List.of("hotline"), T0))
                .status();
        assertThat(machine.next(ready, new DeskInput.ChooseDisposition("solved", t(1))).refusal())
                .contains("no call");
    }

    @Test
    void theEndOfAWrapUpRecordsTheChosenOutcomeForTheCallAndAgent() {
        DeskStatus chosen = machine.next(wrapUp(HOTLINE_CALL), new DeskInput.ChooseDisposition("solved", t(65)))
                .status();
        DeskStatus after = machine.next(chosen, new DeskInput.FinishWrapUp(t(70))).status();
        DispositionRecorded r = DispositionWatch.finished(chosen, after, rules, "agent1001", AGENT, t(70))
                .orElseThrow();
        assertThat(r).isEqualTo(new DispositionRecorded(HOTLINE_CALL.callId(), "hotline", "agent1001", AGENT,
                "solved", t(70)));
    }

    @Test
    void aQueueWithoutOutcomesRecordsNothing() {
        DeskRules none = new DeskRules(base.defaults(), Map.of(), base.reasons());
        DeskMachine plain = new DeskMachine(none);
        DeskStatus wrap = plain.next(machine.next(talking(GAS_CALL), new DeskInput.Ended(GAS_CALL.callId(), t(60)))
                .status(), new DeskInput.FinishWrapUp(t(61))).status();
        assertThat(wrap.state()).isEqualTo(DeskState.READY);
        assertThat(DispositionWatch.finished(wrapUp(GAS_CALL), wrap, none, "agent1001", AGENT, t(61))).isEmpty();
    }

    @Test
    void aReadyReportFromBeforeTheWrapUpPauseWentThroughKeepsTheWrapUpItsCallAndOutcome() {
        DeskStatus chosen = machine.next(wrapUp(HOTLINE_CALL), new DeskInput.ChooseDisposition("solved", t(61)))
                .status();
        DeskStatus after = machine.next(chosen, new DeskInput.Pbx(org.hotline.cti.call.AgentState.READY, null,
                List.of("gas", "hotline"), Map.of(), t(61))).status();
        assertThat(after.state()).isEqualTo(DeskState.WRAP_UP);
        assertThat(after.wrapped()).isEqualTo(HOTLINE_CALL);
        assertThat(after.disposition()).isEqualTo("solved");
        DeskStatus confirmed = machine.next(after, new DeskInput.Pbx(org.hotline.cti.call.AgentState.PAUSED,
                "wrapup", List.of("gas", "hotline"), Map.of("gas", "wrapup", "hotline", "wrapup"), t(62))).status();
        DeskStatus unpausedOnThePbx = machine.next(confirmed, new DeskInput.Pbx(org.hotline.cti.call.AgentState.READY,
                null, List.of("gas", "hotline"), Map.of(), t(63))).status();
        assertThat(unpausedOnThePbx.state()).isEqualTo(DeskState.READY);
    }

    @Test
    void anOutcomeCodeNamedNoneIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new DeskRules.Disposition("none", "无", "None", Set.of(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 'none'");
    }
}
