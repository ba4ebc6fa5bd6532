package org.hotline.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Event taps: every event after login reaches a tap in wire order, whatever another tap does, until it is closed. */
class AmiConnectionTapIntegrationTests extends ScriptedPeerTestSupport {

    @Test
    void aTapSeesTheEventsAnActionCausesUntilItIsClosedAndAFailingTapStopsNothing() throws Exception {
        peer.on("Hangup", (a, c) -> c.write(ScriptedAmiPeer.response(a, "Success", "Message", "Channel Hungup")
                + "Event: Hangup\r\nChannel: one\r\n\r\nEvent: Hangup\r\nChannel: two\r\n\r\n"));
        start(AmiTesting.properties(peer.port()));
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);
        List<String> seen = new CopyOnWriteArrayList<>();
        AutoCloseable broken = connection.tap(e -> {
            throw new IllegalStateException("a broken tap");
        });
        AutoCloseable tap = connection.tap(e -> seen.add(e.eventName() + ":" + e.get("Channel")));

        connection.sendAction(AmiAction.of("Hangup")).get();
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
        assertThat(seen).containsExactly("Hangup:one", "Hangup:two");
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.labels().contains("E:Hangup"));

        tap.close();
        broken.close();
        connection.sendAction(AmiAction.of("Hangup")).get();
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.labels().stream()
                .filter("E:Hangup"::equals).count() == 4);
        assertThat(seen).hasSize(2);
    }
}
