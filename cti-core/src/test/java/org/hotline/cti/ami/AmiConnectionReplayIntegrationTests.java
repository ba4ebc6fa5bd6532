package org.hotline.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.hotline.cti.testing.AmiFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every capture, replayed over TCP after a real login, reaches the listener frame for frame. */
class AmiConnectionReplayIntegrationTests {

    @ParameterizedTest
    @ValueSource(strings = {"00-version-listcommands.ami.txt", "01-answered-completed.ami.txt", "02-abandon.ami.txt",
            "03-ringnoanswer-then-answered.ami.txt", "04-pause-unpause-add-remove.ami.txt",
            "05-blind-transfer-redirect.ami.txt", "06-ivr-setvars-queue.ami.txt", "07-burst.ami.txt.gz",
            "08-resync-during-calls.ami.txt"})
    void captureReplayedOverTcpDeliversEveryFrameAsDecoded(String capture) throws Exception {
        List<AmiMessage> expected = AmiFixtures.messages(capture);
        RecordingListener listener = new RecordingListener();
        byte[] bytes = AmiFixtures.bytes(capture);
        String banner = new String(bytes, 0, 200, StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
        try (ScriptedAmiPeer peer = new ScriptedAmiPeer().banner(banner).afterLogin(ScriptedAmiPeer.captureBody(capture));
                AmiConnection connection = new AmiConnection(AmiTesting.properties(peer.port()).withResync(false),
                        listener)) {
            connection.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> listener.size() >= expected.size());

            List<AmiMessage> frames = listener.frames();
            assertThat(frames).hasSameSizeAs(expected);
            assertThat(frames.get(1).responseStatus()).isEqualTo("Success");
            for (int i = 0; i < expected.size(); i++) {
                if (i != 1) { // the login response carries our ActionID, not the capture's
                    assertThat(frames.get(i).toString()).as("frame %d of %s", i, capture)
                            .isEqualTo(expected.get(i).toString());
                }
            }
            assertThat(connection.stats().badInput()).isZero();
            assertThat(connection.stats().framesReceived()).isEqualTo(expected.size());
        }
    }
}
