package org.hotline.cti.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hotline.cti.testing.AmiFixtures;
import org.junit.jupiter.api.Test;

/** Captures 00–03: no calls, an answered queue call, two abandons, a ring without answer then an answer. */
class QueueCallReplayTests {

    @Test
    void versionAndListCommandsCaptureMakesNoCallsAndNoEvents() {
        Replay r = Replay.of("00-version-listcommands.ami.txt");

        assertThat(r.events).isEmpty();
        assertThat(r.tracker.calls()).isEmpty();
        assertThat(r.tracker.agents()).isEmpty();
        TrackerStats stats = r.tracker.stats();
        assertThat(stats.messages()).isEqualTo(10);
        assertThat(stats.responses()).isEqualTo(7);
        assertThat(stats.events()).isEqualTo(2);
        assertThat(stats.unknown()).isZero();
    }

    @Test
    void answeredQueueCallIsQueuedRungAnsweredAndEndedWithCause16() {
        Replay r = Replay.of("01-answered-completed.ami.txt");

        assertThat(r.lines()).containsExactly(
                "CallerIdentified 1795434946.0 13800138000",
                "CallQueued 1795434946.0 hotline 13800138000 '张三' pos=1",
                "AgentRinging 1795434946.0 Local/1001@agents queue=hotline caller=13800138000 waited=0s",
                "AgentStateChanged Local/1001@agents RINGING queues=[hotline]",
                "AgentStateChanged Local/1001@agents IN_CALL queues=[hotline]",
                "CallAnswered 1795434946.0 Local/1001@agents queue=hotline caller=13800138000 hold=3s",
                "AgentStateChanged Local/1001@agents READY queues=[hotline]",
                "CallEnded 1795434946.0 13800138000 cause=16");
        assertThat(r.tracker.calls()).isEmpty();
        assertThat(r.tracker.agents()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AgentState.READY);
            assertThat(a.memberName()).isEqualTo("Agent 1001");
            assertThat(a.call()).isNull();
        });
    }

    @Test
    void answeredQueueCallCarriesTheQueueCallersNumberNameAndTimestamps() {
        Replay r = Replay.of("01-answered-completed.ami.txt");

        AgentRinging ringing = r.events(AgentRinging.class).get(0);
        assertThat(ringing.caller()).isEqualTo(new Caller("13800138000", "张三"));
        assertThat(ringing.memberName()).isEqualTo("Agent 1001");
        assertThat(ringing.at()).isEqualTo(Instant.parse("2026-11-23T11:55:47.109721Z"));
        assertThat(ringing.waited()).isEqualTo(Duration.ofNanos(106_000));
        assertThat(ringing.variables()).containsOnly(
                Map.entry("IVR_ACCOUNT", ""), Map.entry("IVR_CHOICE", ""));
        CallEnded ended = r.events(CallEnded.class).get(0);
        assertThat(ended.caller()).isEqualTo(new Caller("13800138000", "张三"));
        assertThat(ended.causeText()).isEqualTo("Normal Clearing");
        assertThat(ended.at()).isEqualTo(Instant.parse("2026-11-23T11:55:56.619079Z"));
    }

    @Test
    void callIsTalkingWithTheAgentBetweenAgentConnectAndHangup() {
        Replay r = new Replay();
        for (var m : AmiFixtures.messages("01-answered-completed.ami.txt")) {
            r.apply(m);
            if ("BridgeEnter".equals(m.eventName())) {
                break;
            }
        }

        assertThat(r.tracker.calls()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(CallState.TALKING);
            assertThat(c.agent()).isEqualTo(new AgentInterface("Local/1001@agents"));
            assertThat(c.memberName()).isEqualTo("Agent 1001");
            assertThat(c.queue()).isEqualTo("hotline");
            assertThat(c.ringing()).isEmpty();
            assertThat(c.answeredAt()).isEqualTo(Instant.parse("2026-11-23T11:55:50.115153Z"));
            assertThat(c.queuedAt()).isEqualTo(Instant.parse("2026-11-23T11:55:47.109615Z"));
            assertThat(c.startedAt()).isEqualTo(Instant.parse("2026-11-23T11:55:46.607262Z"));
        });
        assertThat(r.tracker.call(new CallId("1795434946.0"))).isPresent();
        assertThat(r.tracker.agents()).singleElement().extracting(AgentView::call)
                .isEqualTo(new CallId("1795434946.0"));
    }

    @Test
    void abandonsReportHoldTimeAndPositionsAndEndWithCause0() {
        Replay r = Replay.of("02-abandon.ami.txt");

        assertThat(r.lines(e -> e instanceof CallEvent)).containsExactly(
                "CallerIdentified 1795434964.4 02788886666",
                "CallQueued 1795434964.4 hotline 02788886666 '' pos=1",
                "CallAbandoned 1795434964.4 hotline pos=1/1 hold=8s",
                "CallEnded 1795434964.4 02788886666 cause=0",
                "CallerIdentified 1795434972.6 +8613912345678",
                "CallQueued 1795434972.6 hotline +8613912345678 '' pos=1",
                "AgentRinging 1795434972.6 Local/1004@agents queue=hotline caller=+8613912345678 waited=0s",
                "AgentRingStopped 1795434972.6 Local/1004@agents CANCELLED ring=6500ms",
                "CallAbandoned 1795434972.6 hotline pos=1/1 hold=7s",
                "CallEnded 1795434972.6 +8613912345678 cause=0");
        assertThat(r.tracker.calls()).isEmpty();
    }

    @Test
    void abandonWhileRingingStopsTheRingOnceDespiteTwoDialEndCancels() {
        Replay r = Replay.of("02-abandon.ami.txt");

        assertThat(r.events(AgentRingStopped.class)).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(AgentRingStopped.Reason.CANCELLED);
            assertThat(s.queue()).isEqualTo("hotline");
        });
    }

    @Test
    void agentsPausedForAMeetingArePausedWithTheReasonUntilUnpaused() {
        Replay r = Replay.of("02-abandon.ami.txt");

        assertThat(r.lines(e -> e instanceof AgentStateChanged)).containsExactly(
                "AgentStateChanged Local/1001@agents PAUSED reason=meeting queues=[hotline]",
                "AgentStateChanged Local/1002@agents PAUSED reason=meeting queues=[hotline]",
                "AgentStateChanged Local/1003@agents PAUSED reason=meeting queues=[hotline]",
                "AgentStateChanged Local/1004@agents PAUSED reason=meeting queues=[hotline]",
                "AgentStateChanged Local/1004@agents READY queues=[hotline]",
                "AgentStateChanged Local/1004@agents RINGING queues=[hotline]",
                "AgentStateChanged Local/1004@agents READY queues=[hotline]",
                "AgentStateChanged Local/1001@agents READY queues=[hotline]",
                "AgentStateChanged Local/1002@agents READY queues=[hotline]",
                "AgentStateChanged Local/1003@agents READY queues=[hotline]");
        assertThat(r.tracker.agents()).extracting(AgentView::state).containsOnly(AgentState.READY);
    }

    @Test
    void ringNoAnswerStopsAgent1004WithRingTimeInMillisecondsThen1002Answers() {
        Replay r = Replay.of("03-ringnoanswer-then-answered.ami.txt");

        assertThat(r.lines(e -> e instanceof CallEvent)).containsExactly(
                "CallerIdentified 1795434986.10 95598",
                "CallQueued 1795434986.10 hotline 95598 '' pos=1",
                "AgentRinging 1795434986.10 Local/1004@agents queue=hotline caller=95598 waited=0s",
                "AgentRingStopped 1795434986.10 Local/1004@agents NO_ANSWER ring=15000ms",
                "AgentRinging 1795434986.10 Local/1002@agents queue=hotline caller=95598 waited=20s",
                "CallAnswered 1795434986.10 Local/1002@agents queue=hotline caller=95598 hold=22s",
                "CallEnded 1795434986.10 95598 cause=16");
        assertThat(r.tracker.calls()).isEmpty();
    }

    @Test
    void callWaitsQueuedAgainAfterTheRingWithoutAnswer() {
        Replay r = new Replay();
        for (var m : AmiFixtures.messages("03-ringnoanswer-then-answered.ami.txt")) {
            r.apply(m);
            if ("AgentRingNoAnswer".equals(m.eventName())) {
                break;
            }
        }

        assertThat(r.tracker.calls()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(CallState.QUEUED);
            assertThat(c.ringing()).isEmpty();
        });
    }
}
