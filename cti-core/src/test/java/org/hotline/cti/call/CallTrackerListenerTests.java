package org.hotline.cti.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.testing.AmiFixtures;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The tracker as an {@link org.hotline.cti.ami.AmiListener}: events reach the sink, failures stay contained. */
class CallTrackerListenerTests {

    @Test
    void onMessageHandsEveryEventToTheSinkInOrder() {
        List<TelephonyEvent> sunk = new ArrayList<>();
        CallTracker tracker = new CallTracker(sunk::add, Replay.CLOCK);

        AmiFixtures.messages("01-answered-completed.ami.txt").forEach(tracker::onMessage);

        assertThat(sunk).extracting(Replay::describe)
                .isEqualTo(Replay.of("01-answered-completed.ami.txt").lines());
    }

    @Test
    void whileTheSinkHandlesACallsEventTheLoggingContextCarriesItsCallId() {
        List<String> seen = new ArrayList<>();
        CallTracker tracker = new CallTracker(e -> {
            String callId = MDC.get(CallTracker.CALL_ID);
            seen.add(e instanceof CallEvent c ? c.callId().value() + "=" + callId : "agent=" + callId);
        }, Replay.CLOCK);

        AmiFixtures.messages("01-answered-completed.ami.txt").forEach(tracker::onMessage);

        assertThat(seen).isNotEmpty().allSatisfy(s -> {
            String[] parts = s.split("=");
            assertThat(parts[1]).isEqualTo(parts[0].equals("agent") ? "null" : parts[0]);
        });
        assertThat(seen).anyMatch(s -> !s.startsWith("agent="));
        assertThat(MDC.get(CallTracker.CALL_ID)).as("removed after the event").isNull();
    }

    @Test
    void failingSinkIsCountedAndTrackingGoesOn() {
        CallTracker tracker = new CallTracker(e -> {
            throw new IllegalStateException("consumer down");
        }, Replay.CLOCK);

        AmiFixtures.messages("01-answered-completed.ami.txt").forEach(tracker::onMessage);

        assertThat(tracker.stats().sinkFailures()).isEqualTo(8);
        assertThat(tracker.calls()).isEmpty();
        assertThat(tracker.agents()).singleElement().extracting(AgentView::state).isEqualTo(AgentState.READY);
    }

    @Test
    void resyncCallbacksDeliverTheResyncEventsToTheSink() {
        List<TelephonyEvent> sunk = new ArrayList<>();
        CallTracker tracker = new CallTracker(sunk::add, Replay.CLOCK);

        tracker.onResyncStarted();
        tracker.onMessage(Frames.event("QueueMember", "Queue", "hotline", "Name", "Agent 1001", "Location",
                "Local/1001@agents/n", "Status", "1", "Paused", "1", "PausedReason", "午休"));
        tracker.onResyncFinished();
        tracker.onDisconnected();

        assertThat(sunk).singleElement().satisfies(e -> {
            AgentStateChanged s = (AgentStateChanged) e;
            assertThat(s.state()).isEqualTo(AgentState.PAUSED);
            assertThat(s.pausedReason()).isEqualTo("午休");
            // no event carried a Timestamp yet: the injected clock stands in
            assertThat(s.at()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        });
        assertThat(tracker.stats().resyncs()).isEqualTo(1);
        assertThat(tracker.agents()).hasSize(1);
    }

    @Test
    void viewsCanBeReadFromAnotherThreadWhileEventsApply() throws Exception {
        List<AmiMessage> messages = AmiFixtures.messages("08-resync-during-calls.ami.txt");
        CallTracker tracker = new CallTracker(e -> { }, Replay.CLOCK);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        CountDownLatch started = new CountDownLatch(1);
        try {
            Future<Integer> reads = reader.submit(() -> {
                started.countDown();
                int n = 0;
                while (tracker.stats().messages() < messages.size()) {
                    n += tracker.calls().size() + tracker.agents().size();
                }
                return n;
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            messages.forEach(tracker::onMessage);

            assertThat(reads.get(10, TimeUnit.SECONDS)).isNotNegative();
        } finally {
            reader.shutdownNow();
        }
        assertThat(tracker.calls()).isEmpty();
    }
}
