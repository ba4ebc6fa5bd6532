package org.hotline.desktop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentRinging;
import org.hotline.cti.call.CallAnswered;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.Caller;
import org.junit.jupiter.api.Test;

class AgentCallsTests {

    private static final AgentInterface PHONE = new AgentInterface("Local/1001@agents");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final AgentCalls calls = new AgentCalls(clock);

    private void ring(String callId, AgentInterface phone) {
        calls.onEvent(new AgentRinging(new CallId(callId), phone, "Agent", "hotline", new Caller("13800138000", "张三"),
                Duration.ZERO, Map.of(), clock.instant()));
    }

    @Test
    void aCallThatRangTheAgentsPhoneIsFoundWithItsCallerNumber() {
        ring("1.1", PHONE);

        assertThat(calls.find(List.of("Local/1001@agents"), "1.1")).get()
                .extracting(AgentCalls.RecentCall::callerNumber).isEqualTo("13800138000");
    }

    @Test
    void aCallOnAnotherPhoneIsNotTheAgentsCall() {
        ring("1.2", new AgentInterface("Local/1002@agents"));

        assertThat(calls.find(List.of("Local/1001@agents"), "1.2")).isEmpty();
    }

    @Test
    void anAnsweredDirectCallCountsToo() {
        calls.onEvent(new CallAnswered(new CallId("1.3"), PHONE, "Agent", null, new Caller("057187001234", ""),
                Duration.ZERO, clock.instant()));

        assertThat(calls.find(List.of("Local/1001@agents/n"), "1.3")).isPresent();
    }

    @Test
    void callsOlderThanTheKeepTimeAreForgotten() {
        ring("1.4", PHONE);
        clock.advance(AgentCalls.KEPT.plusSeconds(1));

        assertThat(calls.find(List.of("Local/1001@agents"), "1.4")).isEmpty();
    }

    @Test
    void onlyTheLastCallsPerPhoneAreKept() {
        for (int i = 0; i <= AgentCalls.PER_INTERFACE; i++) {
            ring("2." + i, PHONE);
        }

        assertThat(calls.find(List.of("Local/1001@agents"), "2.0")).isEmpty();
        assertThat(calls.find(List.of("Local/1001@agents"), "2.1")).isPresent();
        assertThat(calls.find(List.of("Local/1001@agents"), "2." + AgentCalls.PER_INTERFACE)).isPresent();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
