package org.hotline.cti.callrecord.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentRingStopped;
import org.hotline.cti.call.AgentRinging;
import org.hotline.cti.call.CallAbandoned;
import org.hotline.cti.call.CallAnswered;
import org.hotline.cti.call.CallHoldChanged;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallQueued;
import org.hotline.cti.call.CallTransferred;
import org.hotline.cti.call.Caller;
import org.hotline.cti.callrecord.CallSegment;
import org.junit.jupiter.api.Test;

/** A call's segments: queue waits, rings per agent kept apart, talk split by a transfer, holds. */
class SegmentLogTests {

    static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    static final CallId ID = new CallId("1765100000.7");
    static final Caller CALLER = new Caller("13800138000", "");
    static final AgentInterface A = new AgentInterface("PJSIP/1001");
    static final AgentInterface B = new AgentInterface("PJSIP/1002");
    static final AgentInterface C = new AgentInterface("PJSIP/1003");

    @Test
    void aRingAllCallHasOneRingPerPhoneAndTheTransferSplitsTheTalk() {
        SegmentLog log = new SegmentLog();
        log.apply(new CallQueued(ID, "hotline", CALLER, 1, Map.of(), T0));
        log.apply(ring(A, 5));
        log.apply(ring(B, 5));
        log.apply(new AgentRingStopped(ID, B, "hotline", AgentRingStopped.Reason.CANCELLED, Duration.ofSeconds(3),
                T0.plusSeconds(8)));
        log.apply(new CallAnswered(ID, A, "Agent 1001", "hotline", CALLER, Duration.ofSeconds(8), T0.plusSeconds(8)));
        log.apply(new CallHoldChanged(ID, A, true, at(20)));
        log.apply(new CallHoldChanged(ID, A, false, at(50)));
        log.apply(new CallTransferred(ID, CallTransferred.Kind.BLIND, A, "1003", at(68)));
        log.apply(new CallAnswered(ID, C, "Agent 1003", "hotline", CALLER, Duration.ZERO, at(70)));

        List<CallSegment> segments = log.finish(at(130));

        assertThat(segments).containsExactly(
                new CallSegment("ring", "hotline", B, at(5), at(8), "missed"),
                new CallSegment("queue", "hotline", null, T0, at(8), "answered"),
                new CallSegment("ring", "hotline", A, at(5), at(8), "answered"),
                new CallSegment("hold", "hotline", A, at(20), at(50), null),
                new CallSegment("talk", "hotline", A, at(8), at(68), "transferred"),
                new CallSegment("talk", "hotline", C, at(70), at(130), "ended"));
    }

    @Test
    void anAbandonedCallIsAQueueWaitAndTheRingsItMissed() {
        SegmentLog log = new SegmentLog();
        log.apply(new CallQueued(ID, "gas", CALLER, 1, Map.of(), T0));
        log.apply(ring(A, 2));
        log.apply(new CallAbandoned(ID, "gas", 1, 1, Duration.ofSeconds(9), at(9)));

        assertThat(log.finish(at(9))).containsExactly(
                new CallSegment("queue", "gas", null, T0, at(9), "abandoned"),
                new CallSegment("ring", "hotline", A, at(2), at(9), "missed"));
    }

    private static AgentRinging ring(AgentInterface agent, int second) {
        return new AgentRinging(ID, agent, "Agent", "hotline", CALLER, Duration.ofSeconds(second), Map.of(),
                at(second));
    }

    private static Instant at(int second) {
        return T0.plusSeconds(second);
    }
}
