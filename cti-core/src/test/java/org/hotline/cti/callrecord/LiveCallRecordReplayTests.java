package org.hotline.cti.callrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cti.callrecord.CallAssemblerTests.replay;

import java.time.Duration;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.testing.AmiFixtures;
import org.junit.jupiter.api.Test;

/** Call records of real Asterisk 22 traffic (testdata/ami/live): outcome, direction, who ended, both talk times. */
class LiveCallRecordReplayTests {

    /** Asterisk's own TalkTime of the capture's AgentComplete (queue_log COMPLETEAGENT/COMPLETECALLER say the same). */
    private static long asteriskTalkTime(String capture) {
        return AmiFixtures.messages(capture).stream().filter(m -> "AgentComplete".equals(m.eventName()))
                .map((AmiMessage m) -> Long.parseLong(m.get("TalkTime"))).findFirst().orElseThrow();
    }

    @Test
    void aTimedOutQueueCallIsRecordedAsTimeoutEndedByTheSystem() {
        CallRecord r = replay("live/queue-timeout.ami.txt").get(0);

        assertThat(r.outcome()).isEqualTo(CallOutcome.TIMEOUT);
        assertThat(r.outcome().code()).isEqualTo("timeout");
        assertThat(r.queue()).isEqualTo("hotline");
        assertThat(r.endedBy()).isEqualTo(CallEnded.EndedBy.SYSTEM);
        assertThat(r.queueWait().toSeconds()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void holdCountsInAsterisksTalkTimeButNotInOurs() {
        String capture = "live/hold-agent-hangup.ami.txt";
        CallRecord r = replay(capture).get(0);

        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(r.endedBy()).isEqualTo(CallEnded.EndedBy.AGENT);
        assertThat(r.hold()).isGreaterThan(Duration.ofSeconds(1));
        assertThat(r.talkWithHold().toSeconds()).isEqualTo(asteriskTalkTime(capture));
        assertThat(r.talk()).isEqualTo(Duration.between(r.answeredAt(), r.endedAt()).minus(r.hold()));
    }

    @Test
    void anAnsweredCallsTalkTimeWithHoldIsAsterisksTalkTime() {
        String capture = "live/answered-agent-hangup.ami.txt";
        CallRecord r = replay(capture).get(0);

        assertThat(r.hold()).isZero();
        assertThat(r.talkWithHold().toSeconds()).isEqualTo(asteriskTalkTime(capture));
        assertThat(r.talk()).isEqualTo(Duration.between(r.answeredAt(), r.endedAt()));
        assertThat(r.endedBy()).isEqualTo(CallEnded.EndedBy.AGENT);
    }

    @Test
    void anAttendedTransferIsTransferredWithTheConsultationHoldEnded() {
        CallRecord r = replay("live/atxfer-completed.ami.txt").get(0);

        assertThat(r.outcome()).isEqualTo(CallOutcome.TRANSFERRED);
        assertThat(r.agent()).isEqualTo(new AgentInterface("Local/1001@agents"));
        // the consultation lasted from the Atxfer (Hold) to the transfer, not to the end of the call
        assertThat(r.hold().toSeconds()).isBetween(4L, 6L);
        assertThat(r.endedBy()).isEqualTo(CallEnded.EndedBy.CALLER);
    }

    @Test
    void clickToDialIsRecordedOutboundWithTheDialledNumber() {
        CallRecord answered = replay("live/c2d-answered.ami.txt").get(0);
        CallRecord busy = replay("live/c2d-busy.ami.txt").get(0);
        CallRecord unanswered = replay("live/c2d-noanswer.ami.txt").get(0);

        assertThat(answered.direction()).isEqualTo("outbound");
        assertThat(answered.caller().number()).isEqualTo("13900000001");
        assertThat(answered.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(answered.agent()).isEqualTo(new AgentInterface("Local/1001@agents"));
        assertThat(answered.talk().toSeconds()).isEqualTo(2);
        assertThat(busy.direction()).isEqualTo("outbound");
        assertThat(busy.caller().number()).isEqualTo("13900000001");
        assertThat(busy.outcome()).isEqualTo(CallOutcome.UNANSWERED);
        assertThat(busy.endedBy()).isEqualTo(CallEnded.EndedBy.SYSTEM);
        assertThat(unanswered.outcome()).isEqualTo(CallOutcome.UNANSWERED);
        assertThat(unanswered.endedBy()).isEqualTo(CallEnded.EndedBy.AGENT);
    }
}
