package org.hotline.cti.callrecord.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.Caller;
import org.hotline.cti.callrecord.AgentInterval;
import org.hotline.cti.callrecord.CallOutcome;
import org.hotline.cti.callrecord.CallRecord;
import org.hotline.cti.callrecord.CallSegment;
import org.hotline.cti.callrecord.CallSegments;
import org.hotline.cti.callrecord.RecoveredCall;
import org.hotline.cti.callrecord.WrapUp;
import org.junit.jupiter.api.Test;

/** Every kind of journal entry reads back as what was written, to the tracker's microsecond. */
class JournalCodecTests {

    static final Instant T0 = Instant.parse("2026-12-07T02:00:00.123456Z");
    static final AgentInterface A1001 = new AgentInterface("Local/1001@agents");

    @Test
    void everyEntryKindReadsBackAsWritten() throws IOException {
        CallRecord call = new CallRecord(new CallId("1765100000.42"), "inbound", new Caller("13800138000", "张三"),
                "hotline", A1001, "Agent 1001", T0, T0.plusSeconds(3), T0.plusMillis(7_250), T0.plusSeconds(90),
                Duration.ofSeconds(12), Duration.ofMillis(70_750), Duration.ofMillis(82_750), CallOutcome.TRANSFERRED,
                16, CallEnded.EndedBy.AGENT);
        CallRecord unanswered = new CallRecord(new CallId("1765100001.1"), "inbound", Caller.UNKNOWN, null, null,
                null, T0, null, null, T0.plusSeconds(4), Duration.ZERO, Duration.ZERO, CallOutcome.IVR_ONLY, 0);
        for (Object item : List.of(call, unanswered, new RecoveredCall(call, "queue_log"),
                new WrapUp(call.callId(), "hotline", A1001, Duration.ofSeconds(20), T0.plusSeconds(110)),
                new AgentInterval(A1001, "paused", "lunch", T0, T0.plusSeconds(1800)),
                new org.hotline.cti.callrecord.CallDisposition(call.callId(), "hotline", A1001, "solved",
                        T0.plusSeconds(110)),
                new org.hotline.cti.callrecord.CallDisposition(call.callId(), "hotline", A1001, "none",
                        T0.plusSeconds(111)),
                new AgentInterval(A1001, "ready", null, T0, T0.plusSeconds(1)),
                new CallSegments(call.callId(), List.of(new CallSegment("queue", "hotline", null, T0, T0.plusSeconds(7),
                        "answered"), new CallSegment("talk", "hotline", A1001, T0.plusSeconds(7), T0.plusSeconds(90),
                        "transferred"))))) {
            assertThat(JournalCodec.decode(JournalCodec.encode(item))).isEqualTo(item);
        }
    }

    @Test
    void anEntryOfAnUnknownKindIsRefused() {
        assertThatThrownBy(() -> JournalCodec.decode("{\"t\":\"future\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown journal entry type 'future'");
    }
}
