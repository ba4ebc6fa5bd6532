package org.hotline.cti.callrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentState;
import org.hotline.cti.call.AgentStateChanged;
import org.hotline.cti.call.CallAnswered;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.call.CallHoldChanged;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallQueued;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.call.Caller;
import org.hotline.cti.callrecord.internal.CallAssembler;
import org.hotline.cti.testing.AmiFixtures;
import org.junit.jupiter.api.Test;

/** Call records from captured Asterisk traffic and from hand-made events: outcome, times, hold, wrap-up. */
class CallAssemblerTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final AgentInterface A1001 = new AgentInterface("Local/1001@agents");
    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    static List<CallRecord> replay(String... captures) {
        CallAssembler assembler = new CallAssembler();
        List<CallRecord> records = new ArrayList<>();
        CallTracker tracker = new CallTracker(e -> assembler.apply(e).forEach(o -> {
            if (o instanceof CallAssembler.Recorded r) {
                records.add(r.record());
            }
        }), CLOCK);
        for (String capture : captures) {
            AmiFixtures.messages(capture).forEach(tracker::onMessage);
        }
        return records;
    }

    @Test
    void anAnsweredQueueCallHasItsQueueAgentTimesAndTalk() {
        CallRecord r = replay("01-answered-completed.ami.txt").get(0);

        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(r.queue()).isEqualTo("hotline");
        assertThat(r.agent()).isEqualTo(A1001);
        assertThat(r.caller()).isEqualTo(new Caller("13800138000", "张三"));
        assertThat(r.queuedAt()).isEqualTo(Instant.parse("2026-11-23T11:55:47.109615Z"));
        assertThat(r.answeredAt()).isEqualTo(Instant.parse("2026-11-23T11:55:50.115153Z"));
        assertThat(r.queueWait()).isEqualTo(Duration.between(r.queuedAt(), r.answeredAt()));
        assertThat(r.talk().toSeconds()).isEqualTo(6);
        assertThat(r.hangupCause()).isEqualTo(16);
    }

    @Test
    void callersWhoHangUpInTheQueueAreAbandonedWithCauseZero() {
        List<CallRecord> records = replay("02-abandon.ami.txt");

        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(CallOutcome.ABANDONED);
            assertThat(r.agent()).isNull();
            assertThat(r.answeredAt()).isNull();
            assertThat(r.hangupCause()).isZero();
        });
        assertThat(records).extracting(r -> r.queueWait().toSeconds()).containsExactly(7L, 6L);
    }

    @Test
    void aCallRedirectedOrBlindTransferredAfterAnswerIsTransferred() {
        assertThat(replay("05-blind-transfer-redirect.ami.txt")).extracting(CallRecord::outcome)
                .containsExactly(CallOutcome.TRANSFERRED, CallOutcome.TRANSFERRED);
    }

    @Test
    void aCallRedirectedToAnotherQueueStaysWithTheQueueAndAgentThatAnsweredItFirst() {
        CallRecord redirected = replay("05-blind-transfer-redirect.ami.txt").get(0);

        assertThat(redirected.queue()).isEqualTo("hotline");
        assertThat(redirected.agent()).isEqualTo(new AgentInterface("Local/1004@agents"));
    }

    @Test
    void holdIsMeasuredAndTakenOutOfTalk() {
        CallAssembler a = new CallAssembler();
        CallId id = new CallId("1.1");
        Caller caller = new Caller("13800138000", "");
        a.apply(new CallQueued(id, "hotline", caller, 1, Map.of(), T0));
        a.apply(new CallAnswered(id, A1001, "Agent 1001", "hotline", caller, Duration.ofSeconds(5), T0.plusSeconds(5)));
        a.apply(new CallHoldChanged(id, A1001, true, T0.plusSeconds(20)));
        a.apply(new CallHoldChanged(id, A1001, false, T0.plusSeconds(50)));
        Optional<CallAssembler.Output> out = a.apply(new CallEnded(id, caller, 16, "Normal", T0.plusSeconds(105)))
                .stream().findFirst();

        CallRecord r = ((CallAssembler.Recorded) out.orElseThrow()).record();
        assertThat(r.hold()).isEqualTo(Duration.ofSeconds(30));
        assertThat(r.talk()).isEqualTo(Duration.ofSeconds(70));
        assertThat(a.liveCalls()).isZero();
    }

    @Test
    void aQueueCallThatLeavesWithoutAgentOrAbandonIsUnanswered() {
        CallAssembler a = new CallAssembler();
        CallId id = new CallId("1.2");
        a.apply(new CallQueued(id, "gas", Caller.UNKNOWN, 1, Map.of(), T0));
        CallRecord r = ((CallAssembler.Recorded) a.apply(new CallEnded(id, Caller.UNKNOWN, 16, "", T0.plusSeconds(300)))
                .get(0)).record();

        assertThat(r.outcome()).isEqualTo(CallOutcome.UNANSWERED);
        assertThat(r.queueWait()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void aCallThatNeverQueuedIsIvrOnly() {
        CallAssembler a = new CallAssembler();
        CallRecord r = ((CallAssembler.Recorded) a.apply(new CallEnded(new CallId("1.3"), new Caller("95598", ""), 16,
                "", T0)).get(0)).record();

        assertThat(r.outcome()).isEqualTo(CallOutcome.IVR_ONLY);
        assertThat(r.queue()).isNull();
    }

    @Test
    void theWrapupPauseAfterACallIsThatCallsWrapUp() {
        CallAssembler a = new CallAssembler();
        CallId id = new CallId("1.4");
        Caller caller = new Caller("13800138000", "");
        a.apply(new CallQueued(id, "hotline", caller, 1, Map.of(), T0));
        a.apply(new CallAnswered(id, A1001, "Agent 1001", "hotline", caller, Duration.ZERO, T0.plusSeconds(1)));
        a.apply(new CallEnded(id, caller, 16, "", T0.plusSeconds(60)));
        a.apply(agent(AgentState.PAUSED, "wrapup", T0.plusSeconds(61)));
        List<CallAssembler.Output> out = a.apply(agent(AgentState.READY, null, T0.plusSeconds(81)));

        WrapUp w = ((CallAssembler.WrappedUp) out.get(0)).wrapUp();
        assertThat(w).isEqualTo(new WrapUp(id, "hotline", A1001, Duration.ofSeconds(20), T0.plusSeconds(81)));
        assertThat(((CallAssembler.StateEnded) out.get(1)).interval())
                .isEqualTo(new AgentInterval(A1001, "wrapup", null, T0.plusSeconds(61), T0.plusSeconds(81)));
    }

    @Test
    void anOrdinaryPauseIsNoWrapUp() {
        CallAssembler a = new CallAssembler();
        CallId id = new CallId("1.5");
        a.apply(new CallAnswered(id, A1001, "Agent 1001", "hotline", Caller.UNKNOWN, Duration.ZERO, T0));
        a.apply(new CallEnded(id, Caller.UNKNOWN, 16, "", T0.plusSeconds(60)));
        a.apply(agent(AgentState.PAUSED, "lunch", T0.plusSeconds(61)));

        assertThat(a.apply(agent(AgentState.READY, null, T0.plusSeconds(900))))
                .noneMatch(o -> o instanceof CallAssembler.WrappedUp);
    }

    @Test
    void eachStateChangeEndsTheStretchOfThePreviousStateWithItsPauseReason() {
        CallAssembler a = new CallAssembler();
        assertThat(a.apply(agent(AgentState.READY, null, T0))).isEmpty();
        assertThat(a.apply(agent(AgentState.READY, null, T0.plusSeconds(5)))).as("no change").isEmpty();
        List<AgentInterval> stretches = new ArrayList<>();
        for (CallAssembler.Output o : List.of(agent(AgentState.RINGING, null, T0.plusSeconds(30)),
                agent(AgentState.IN_CALL, null, T0.plusSeconds(33)), agent(AgentState.PAUSED, "lunch",
                        T0.plusSeconds(100)), agent(AgentState.PAUSED, "meeting", T0.plusSeconds(1900)),
                agent(AgentState.LOGGED_OUT, null, T0.plusSeconds(2000))).stream()
                .flatMap(e -> a.apply(e).stream()).toList()) {
            stretches.add(((CallAssembler.StateEnded) o).interval());
        }

        assertThat(stretches).containsExactly(
                new AgentInterval(A1001, "ready", null, T0, T0.plusSeconds(30)),
                new AgentInterval(A1001, "ringing", null, T0.plusSeconds(30), T0.plusSeconds(33)),
                new AgentInterval(A1001, "talking", null, T0.plusSeconds(33), T0.plusSeconds(100)),
                new AgentInterval(A1001, "paused", "lunch", T0.plusSeconds(100), T0.plusSeconds(1900)),
                new AgentInterval(A1001, "paused", "meeting", T0.plusSeconds(1900), T0.plusSeconds(2000)));
    }

    static AgentStateChanged agent(AgentState state, String reason, Instant at) {
        return new AgentStateChanged(A1001, "Agent 1001", state, reason, Set.of("hotline"), at);
    }
}
