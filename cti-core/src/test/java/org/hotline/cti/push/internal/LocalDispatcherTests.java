package org.hotline.cti.push.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotline.cti.push.PushMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalDispatcherTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LocalDispatcher dispatcher = new LocalDispatcher("test-push", 2);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        release.countDown();
        dispatcher.close();
    }

    @Test
    void fullQueueDropsMessagesAndSignalsAGapOnceTheHandlerCatchesUp() throws InterruptedException {
        dispatcher.subscribe(m -> true, this::blockOnFirst, () -> seen.add("gap"));
        dispatcher.deliver(message(1));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        for (int i = 2; i <= 6; i++) {
            dispatcher.deliver(message(i));
        }
        release.countDown();

        await().atMost(WAIT).untilAsserted(() -> assertThat(seen).containsExactly("1", "2", "3", "gap"));
    }

    @Test
    void gapRunsAfterTheMessagesQueuedBeforeIt() throws InterruptedException {
        dispatcher.subscribe(m -> true, this::blockOnFirst, () -> seen.add("gap"));
        dispatcher.deliver(message(1));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        dispatcher.deliver(message(2));
        dispatcher.signalGap();
        release.countDown();

        await().atMost(WAIT).untilAsserted(() -> assertThat(seen).containsExactly("1", "2", "gap"));
    }

    @Test
    void slowSubscriberDoesNotHoldUpAnother() throws InterruptedException {
        List<String> fast = new CopyOnWriteArrayList<>();
        dispatcher.subscribe(m -> true, this::blockOnFirst, () -> { });
        dispatcher.subscribe(m -> true, m -> fast.add(m.payload()), () -> { });

        dispatcher.deliver(message(1));
        dispatcher.deliver(message(2));

        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(fast).containsExactly("1", "2"));
        assertThat(seen).containsExactly("1");
    }

    @Test
    void closedSubscriptionIsForgotten() {
        var s = dispatcher.subscribe(m -> true, m -> { }, () -> { });

        s.close();
        s.close();

        assertThat(dispatcher.subscriberCount()).isZero();
    }

    private void blockOnFirst(PushMessage m) {
        seen.add(m.payload());
        if (m.sequence() == 1) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static PushMessage message(long sequence) {
        return new PushMessage("1001", "pop", Long.toString(sequence), "a", sequence);
    }
}
