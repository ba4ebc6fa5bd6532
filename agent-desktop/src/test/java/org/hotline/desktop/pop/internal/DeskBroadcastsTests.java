package org.hotline.desktop.pop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotline.cti.push.PushMessage;
import org.junit.jupiter.api.Test;

/** The desks' broadcasts go out on their own thread, and a whole state still waiting is replaced by a newer one. */
class DeskBroadcastsTests {

    @Test
    void whileOneBroadcastIsSentOnlyTheNewestWaitingListFollowsButEveryRevisitDoes() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> sent = new CopyOnWriteArrayList<>();
        try (DeskBroadcasts broadcasts = new DeskBroadcasts(m -> {
            sending.countDown();
            awaitQuietly(release);
            sent.add(m.type() + ":" + m.payload());
        })) {
            broadcasts.offer(message(PushMessage.TYPE_QUEUE_WAITING, "[1]"));
            assertThat(sending.await(5, TimeUnit.SECONDS)).isTrue();
            broadcasts.offer(message("revisit", "{\"id\":1}"));
            broadcasts.offer(message(PushMessage.TYPE_QUEUE_WAITING, "[2]"));
            broadcasts.offer(message("revisit", "{\"id\":2}"));
            broadcasts.offer(message(PushMessage.TYPE_QUEUE_WAITING, "[3]"));

            // the caller was never held up by the blocked send
            assertThat(sent).isEmpty();
            release.countDown();

            await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() >= 4);
            assertThat(sent).containsExactly("queue-waiting:[1]", "revisit:{\"id\":1}", "queue-waiting:[3]",
                    "revisit:{\"id\":2}");
        }
    }

    private static PushMessage message(String type, String payload) {
        return new PushMessage(PushMessage.AGENTS, type, payload, "test", 1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
