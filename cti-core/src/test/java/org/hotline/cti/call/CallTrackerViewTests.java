package org.hotline.cti.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The whole-model views ({@code agents()}, {@code calls()}): taken by the thread that applies the events while they
 * flow, so no reader holds the lock the events wait for (issue #11); taken by the reader when the PBX is quiet.
 */
class CallTrackerViewTests {

    private static final String TS = "1765000000.000000";

    @Test
    void whileEventsFlowTheAgentsViewIsTakenRightAfterTheNextEventByTheThreadApplyingIt() throws Exception {
        // a hand-off wait no test outlasts: the reader can only be answered by the applying thread
        CallTracker tracker = new CallTracker(e -> { }, Replay.CLOCK, Duration.ofHours(1));
        tracker.onMessage(Frames.member(TS, "Local/1001@agents", "hotline", 1));
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Collection<AgentView>> view = CompletableFuture.supplyAsync(tracker::agents, reader);
            // the reader has queued its view when the next apply finds it; until then it waits
            awaitQueued(tracker);
            assertThat(view).isNotDone();

            tracker.onMessage(Frames.member(TS, "Local/1000@agents", "hotline", 1));

            assertThat(view.get(10, TimeUnit.SECONDS)).extracting(v -> v.agent().value())
                    .as("taken after the event that woke it, sorted by interface outside the lock")
                    .containsExactly("Local/1000@agents", "Local/1001@agents");
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void whenThePbxIsQuietTheReaderTakesTheViewItselfAfterTheHandOffWait() {
        CallTracker tracker = new CallTracker(e -> { }, Replay.CLOCK, Duration.ofMillis(1));
        tracker.onMessage(Frames.member(TS, "Local/1002@agents", "gas", 1));
        tracker.onMessage(Frames.newChannel(TS, "PJSIP/trunk-00000001", "1.1", "1.1", "13800000001"));

        assertThat(tracker.agents()).extracting(v -> v.agent().value()).containsExactly("Local/1002@agents");
        assertThat(tracker.calls()).extracting(c -> c.callId().value()).containsExactly("1.1");
    }

    @Test
    void aSinkOnTheApplyingThreadGetsItsViewWithoutWaitingForAnEventThatCannotCome() {
        List<Integer> seen = new ArrayList<>();
        CallTracker[] tracker = new CallTracker[1];
        // an hour's hand-off would hang this thread if it waited for itself
        tracker[0] = new CallTracker(e -> seen.add(tracker[0].agents().size()), Replay.CLOCK, Duration.ofHours(1));

        tracker[0].onMessage(Frames.member(TS, "Local/1003@agents", "hotline", 1));

        assertThat(seen).isNotEmpty().allSatisfy(n -> assertThat(n).isEqualTo(1));
    }

    @Test
    void aReaderWhoseThreadIsInterruptedStillGetsTheViewAndKeepsItsInterrupt() throws Exception {
        CallTracker tracker = new CallTracker(e -> { }, Replay.CLOCK, Duration.ofHours(1));
        tracker.onMessage(Frames.member(TS, "Local/1004@agents", "hotline", 1));
        CompletableFuture<Boolean> keptInterrupt = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            Thread.currentThread().interrupt();
            Collection<AgentView> agents = tracker.agents();
            keptInterrupt.complete(agents.size() == 1 && Thread.currentThread().isInterrupted());
        });
        reader.start();

        assertThat(keptInterrupt.get(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Waits until a reader's view is queued for the next apply (no sleep: the queue is polled). */
    private static void awaitQueued(CallTracker tracker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!tracker.viewsWaiting() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        assertThat(tracker.viewsWaiting()).as("the reader's view queued").isTrue();
    }
}
