package org.hotline.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.cti.ami.internal.AmiHealthIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Wrong credentials, wrong banner, bad input, a silent peer and a refused connection, over real TCP. */
@ExtendWith(OutputCaptureExtension.class)
class AmiConnectionFailureIntegrationTests extends ScriptedPeerTestSupport {

    @Test
    void wrongSecretIsReportedOnceAsAuthFailedAndRetriedUntilAccepted(CapturedOutput output) {
        peer.credentials("hotline", "the-real-secret");
        start(AmiTesting.properties(peer.port()));
        AmiHealthIndicator health = new AmiHealthIndicator(connection);

        await().atMost(Duration.ofSeconds(5)).until(() -> peer.actions("Login").size() >= 3);

        assertThat(connection.state()).isEqualTo(AmiConnectionState.AUTH_FAILED);
        assertThat(connection.lastError()).contains("Authentication failed", "hotline.ami.username",
                "hotline.ami.secret", "HOTLINE_AMI_USERNAME", "HOTLINE_AMI_SECRET");
        Health h = health.health();
        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat(h.getDetails()).containsEntry("state", "AUTH_FAILED");
        assertThat((String) h.getDetails().get("error")).contains("hotline.ami.secret");
        assertThat(count(output.getOut(), "ERROR.*refused the AMI login")).isEqualTo(1);
        assertThat(listener.count(RecordingListener.RESYNC_STARTED)).isZero();

        peer.credentials("hotline", "hotline");

        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void missingCredentialsAreReportedWithoutConnecting() {
        start(AmiTesting.properties(peer.port()).withCredentials(null, null));

        assertThat(connection.state()).isEqualTo(AmiConnectionState.AUTH_FAILED);
        assertThat(connection.lastError()).contains("hotline.ami.username", "HOTLINE_AMI_SECRET");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> peer.connections() == 0);
    }

    @Test
    void wrongBannerClosesAndReconnects() {
        peer.banner("SSH-2.0-OpenSSH_9.2");
        start(AmiTesting.properties(peer.port()));

        await().atMost(Duration.ofSeconds(5)).until(() -> peer.connections() >= 3);
        assertThat(connection.state()).isIn(AmiConnectionState.CONNECTING, AmiConnectionState.DISCONNECTED);
        assertThat(peer.actions("Login")).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> String.valueOf(connection.lastError())
                .contains("banner: 'SSH-2.0-OpenSSH_9.2' (expected: Asterisk Call Manager/x.y.z)"));

        peer.banner("Asterisk Call Manager/13.0.0");

        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);
    }

    @Test
    void oversizedLinesGarbageAndTooManyFieldsAreCountedAndTheConnectionKept() throws Exception {
        start(AmiTesting.properties(peer.port()));
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);
        StringBuilder big = new StringBuilder("Event: Big\r\n");
        for (int i = 0; i < 1500; i++) {
            big.append("F").append(i).append(": v\r\n");
        }

        peer.latest().write("Event: VarSet\r\nValue: " + "x".repeat(1 << 20) + "\r\nUniqueid: 1.1\r\n\r\n"
                + "garbage without a colon\r\n\r\n"
                + "Foo: bar\r\n\r\n"
                + big + "\r\n"
                + "Event: SomethingAsteriskAddsLater\r\nUniqueid: 3.3\r\n\r\n"
                + "Event: Hangup\r\nUniqueid: 2.2\r\n\r\n");

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.labels().contains("E:Hangup"));
        assertThat(connection.stats().badInput()).isEqualTo(4);
        assertThat(listener.labels()).containsSubsequence("E:VarSet", "F:Foo", "E:Big",
                "E:SomethingAsteriskAddsLater", "E:Hangup");
        AmiMessage varSet = listener.frames().stream().filter(m -> "VarSet".equals(m.eventName())).findFirst().get();
        assertThat(varSet.get("Value")).isNull();
        assertThat(varSet.get("Uniqueid")).isEqualTo("1.1");
        AmiMessage bigFrame = listener.frames().stream().filter(m -> "Big".equals(m.eventName())).findFirst().get();
        assertThat(bigFrame.size()).isEqualTo(1024);
        assertThat(connection.state()).isEqualTo(AmiConnectionState.CONNECTED);
        assertThat(peer.connections()).isEqualTo(1);
    }

    @Test
    void badInputFloodIsLoggedAtMostAFewTimes(CapturedOutput output) throws Exception {
        start(AmiTesting.properties(peer.port()));
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);

        peer.latest().write("Event: Flood\r\n" + "no colon here\r\n".repeat(10_000) + "\r\nEvent: Hangup\r\n\r\n");

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.labels().contains("E:Hangup"));
        assertThat(connection.stats().badInput()).isEqualTo(10_000);
        assertThat(count(output.getOut(), "AMI input skipped")).isBetween(1, 5);
    }

    @Test
    void missingPingReplyClosesAndReconnects(CapturedOutput output) {
        peer.on("Ping", null);
        start(AmiTesting.properties(peer.port()).withTimings(Duration.ofMillis(200), Duration.ofSeconds(2),
                Duration.ofSeconds(5)));

        await().atMost(Duration.ofSeconds(5)).until(() -> connection.stats().logins() >= 2);
        assertThat(peer.connections()).isGreaterThanOrEqualTo(2);
        assertThat(listener.count(RecordingListener.DISCONNECTED)).isGreaterThanOrEqualTo(1);
        assertThat(output.getOut()).contains("no Ping reply within PT0.2S (hotline.ami.ping-interval)");
    }

    @Test
    void answeredPingsKeepTheConnection() {
        start(AmiTesting.properties(peer.port()).withTimings(Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofSeconds(5)));

        await().atMost(Duration.ofSeconds(5)).until(() -> peer.actions("Ping").size() >= 5);
        assertThat(connection.stats().logins()).isEqualTo(1);
        assertThat(peer.connections()).isEqualTo(1);
    }

    @Test
    void refusedConnectionIsRetriedAndReportedDown() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            closedPort = s.getLocalPort();
        }
        start(AmiTesting.properties(closedPort));

        await().atMost(Duration.ofSeconds(5)).until(() -> String.valueOf(connection.lastError())
                .contains("cannot connect to 127.0.0.1:" + closedPort));
        assertThat(connection.state()).isIn(AmiConnectionState.DISCONNECTED, AmiConnectionState.CONNECTING);
        assertThat(new AmiHealthIndicator(connection).health().getStatus()).isEqualTo(Status.DOWN);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
