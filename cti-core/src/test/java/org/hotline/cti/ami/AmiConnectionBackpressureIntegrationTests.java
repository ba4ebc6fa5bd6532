package org.hotline.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A stalled listener never stalls the socket reader, and nothing is dropped while it waits. */
class AmiConnectionBackpressureIntegrationTests {

    private static final int EVENTS = 100_000;

    /** Also the Ping reply's deadline: long enough for a loaded CI machine, short enough to see several. */
    private static final Duration PING_INTERVAL = Duration.ofMillis(500);

    /** Asterisk writes frame by frame; one 4 MB write would hold a Pong back past its deadline. */
    private static final int EVENTS_PER_WRITE = 400;

    @Test
    void blockedListenerDoesNotStopTheReaderAndGetsEveryEventInOrderWhenReleased() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingListener listener = new RecordingListener().blockOn(release);
        List<byte[]> burst = new ArrayList<>();
        StringBuilder sb = new StringBuilder(EVENTS_PER_WRITE * 40);
        for (int i = 0; i < EVENTS; i++) {
            sb.append("Event: VarSet\r\nVariable: SEQ\r\nValue: ").append(i).append("\r\n\r\n");
            if ((i + 1) % EVENTS_PER_WRITE == 0 || i == EVENTS - 1) {
                burst.add(sb.toString().getBytes(StandardCharsets.US_ASCII));
                sb.setLength(0);
            }
        }
        try (ScriptedAmiPeer peer = new ScriptedAmiPeer().afterLogin(null);
                AmiConnection connection = new AmiConnection(AmiTesting.properties(peer.port()).withResync(false)
                        .withTimings(PING_INTERVAL, Duration.ofSeconds(2), Duration.ofSeconds(5)), listener)) {
            connection.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);

            // ~4 MB is far more than the socket buffers: the write only returns if our reader keeps reading.
            CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
                try {
                    for (byte[] frames : burst) {
                        peer.latest().write(frames);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            written.get(20, java.util.concurrent.TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> connection.stats().framesReceived() >= EVENTS + 2);

            AmiStats lagging = connection.stats();
            assertThat(lagging.queuedFrames()).isGreaterThanOrEqualTo(EVENTS);
            assertThat(lagging.oldestQueuedAge()).isPositive();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> connection.stats().oldestQueuedAge().compareTo(lagging.oldestQueuedAge()) > 0);
            // Pings are still answered while the listener is stuck: the reader is alive.
            int pings = peer.actions("Ping").size();
            await().atMost(Duration.ofSeconds(10)).until(() -> peer.actions("Ping").size() >= pings + 2);
            assertThat(connection.stats().logins()).isEqualTo(1);

            release.countDown();

            await().atMost(Duration.ofSeconds(20)).until(() -> connection.stats().queuedFrames() == 0);
            List<AmiMessage> events = listener.frames().stream().filter(m -> "VarSet".equals(m.eventName())).toList();
            assertThat(events).hasSize(EVENTS);
            for (int i = 0; i < EVENTS; i++) {
                if (!String.valueOf(i).equals(events.get(i).get("Value"))) {
                    throw new AssertionError("event " + i + " out of order: Value " + events.get(i).get("Value"));
                }
            }
            assertThat(connection.stats().oldestQueuedAge()).isZero();
            assertThat(connection.stats().framesDelivered()).isEqualTo(connection.stats().framesReceived());
        }
    }
}
