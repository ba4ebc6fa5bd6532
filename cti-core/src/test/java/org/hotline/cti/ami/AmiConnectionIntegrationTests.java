package org.hotline.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Login, resync ordering, reconnect, actions and close against a scripted AMI peer over real TCP. */
class AmiConnectionIntegrationTests extends ScriptedPeerTestSupport {

    @Test
    void loginThenResyncListsArriveBeforeTheEventsHeldMeanwhile() {
        peer.on("CoreShowChannels", (a, c) -> c.write("Event: Newchannel\r\nChannel: live-1\r\n\r\n"
                + ScriptedAmiPeer.recordedList("resync-coreshowchannels", a.actionId())
                + "Event: Hangup\r\nChannel: live-2\r\n\r\n"));
        start(AmiTesting.properties(peer.port()));

        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);

        List<String> labels = listener.labels();
        int started = labels.indexOf(RecordingListener.RESYNC_STARTED);
        int finished = labels.indexOf(RecordingListener.RESYNC_FINISHED);
        assertThat(labels.subList(0, started)).containsExactly("F:Banner", "R:Success");
        assertThat(listener.frames().get(0).get("Banner")).isEqualTo("Asterisk Call Manager/13.0.0");
        // Between the callbacks: only the two lists, each a Response, its items and its Complete event.
        List<AmiMessage> between = framesBetween(started, finished);
        assertThat(between).allSatisfy(m -> assertThat(m.actionId()).startsWith("resync-"));
        assertThat(between).extracting(AmiMessage::eventName)
                .contains("CoreShowChannel", "CoreShowChannelsComplete", "QueueParams", "QueueMember",
                        "QueueEntry", "QueueStatusComplete");
        assertThat(between).filteredOn(m -> "CoreShowChannel".equals(m.eventName())).hasSize(32);
        // The events that arrived during the resync come after it, in arrival order.
        assertThat(labels.subList(finished + 1, labels.size()))
                .containsExactly("E:FullyBooted", "E:Newchannel", "E:Hangup");
        assertThat(peer.actions()).extracting(a -> a.get("Action"))
                .containsExactly("Login", "CoreShowChannels", "QueueStatus");
        AmiMessage login = peer.actions("Login").get(0);
        assertThat(login.get("Username")).isEqualTo("hotline");
        assertThat(login.get("Events")).isEqualTo("on");
        assertThat(listener.threadName()).isEqualTo("hotline-ami-listener");
        assertThat(connection.stats().logins()).isEqualTo(1);
        assertThat(connection.lastError()).isNull();
    }

    @Test
    void resyncFinishesWhenAListFails() {
        peer.on("QueueStatus", (a, c) -> c.write(ScriptedAmiPeer.response(a, "Error", "Message", "Permission denied")));
        start(AmiTesting.properties(peer.port()));

        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);
        List<String> labels = listener.labels();
        assertThat(labels.indexOf(RecordingListener.RESYNC_FINISHED))
                .isGreaterThan(labels.indexOf("E:CoreShowChannelsComplete"))
                .isLessThan(labels.indexOf("E:FullyBooted"));
        assertThat(labels).contains("R:Error");
    }

    @Test
    void resyncFinishesAfterItsTimeoutWhenAListNeverCompletes() {
        peer.on("QueueStatus", null);
        start(AmiTesting.properties(peer.port()).withTimings(Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofMillis(300)));

        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);
        List<String> labels = listener.labels();
        assertThat(labels.subList(labels.indexOf(RecordingListener.RESYNC_FINISHED), labels.size()))
                .containsExactly(RecordingListener.RESYNC_FINISHED, "E:FullyBooted");
    }

    @Test
    void reconnectsAfterThePeerDropsTheConnectionAndResyncsAgain() {
        start(AmiTesting.properties(peer.port()));
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);

        peer.dropConnections();

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.count(RecordingListener.DISCONNECTED) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.stats().logins() == 2
                && connection.state() == AmiConnectionState.CONNECTED);
        assertThat(peer.connections()).isEqualTo(2);
        assertThat(peer.actions("CoreShowChannels")).hasSize(2);
        List<String> callbacks = listener.labels().stream().filter(l -> l.startsWith("on")).toList();
        assertThat(callbacks).containsExactly(RecordingListener.RESYNC_STARTED, RecordingListener.RESYNC_FINISHED,
                RecordingListener.DISCONNECTED, RecordingListener.RESYNC_STARTED, RecordingListener.RESYNC_FINISHED);
    }

    @Test
    void sendActionCompletesWithTheResponseCarryingItsActionId() throws Exception {
        peer.on("QueuePause", (a, c) -> c.write("Event: QueueMemberPause\r\nQueue: hotline\r\n\r\n"
                + ScriptedAmiPeer.response(a, "Success", "Message", "Interface paused successfully")));
        start(AmiTesting.properties(peer.port()));
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Interface", "Local/1001@agents/n");
        fields.put("Paused", "true");
        fields.put("Reason", "午休");
        AmiMessage response = connection.sendAction("QueuePause", fields).get(5, TimeUnit.SECONDS);

        assertThat(response.responseStatus()).isEqualTo("Success");
        assertThat(response.get("Message")).isEqualTo("Interface paused successfully");
        AmiMessage sent = peer.actions("QueuePause").get(0);
        assertThat(sent.actionId()).isEqualTo(response.actionId()).startsWith("queuepause-");
        assertThat(sent.get("Reason")).isEqualTo("午休");
        assertThat(sent.get("Interface")).isEqualTo("Local/1001@agents/n");
        // The response and the event are delivered to the listener too, in wire order.
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.labels().contains("E:QueueMemberPause"));
        List<String> labels = listener.labels();
        assertThat(labels.subList(labels.indexOf("E:QueueMemberPause"), labels.size()))
                .containsExactly("E:QueueMemberPause", "R:Success");
    }

    @Test
    void concurrentActionsEachGetTheirOwnResponse() throws Exception {
        peer.on("Command", (a, c) -> c.write(ScriptedAmiPeer.response(a, "Success", "Output", a.get("Command"))));
        start(AmiTesting.properties(peer.port()));
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);

        List<CompletableFuture<AmiMessage>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(connection.sendAction(AmiAction.of("Command").with("Command", "echo " + i)));
        }
        for (int i = 0; i < 50; i++) {
            assertThat(futures.get(i).get(5, TimeUnit.SECONDS).get("Output")).isEqualTo("echo " + i);
        }
    }

    @Test
    void sendActionFailsAtOnceWhenNotConnected() {
        connection = new AmiConnection(AmiTesting.properties(peer.port()), listener);

        CompletableFuture<AmiMessage> f = connection.sendAction("QueuePause", Map.of("Interface", "x"));

        assertThat(f).isCompletedExceptionally();
        assertThatThrownBy(f::join).hasCauseInstanceOf(AmiNotConnectedException.class)
                .hasMessageContaining("state DISCONNECTED");
    }

    @Test
    void sendActionTimesOutWhenNoResponseComes() {
        peer.on("Originate", null);
        start(AmiTesting.properties(peer.port()).withTimings(Duration.ofSeconds(30), Duration.ofMillis(300),
                Duration.ofSeconds(5)));
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);

        CompletableFuture<AmiMessage> f = connection.sendAction(AmiAction.of("Originate")
                .with("Channel", "Local/s@callers").with("Variable", "A=1").with("Variable", "B=2"));

        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TimeoutException.class)
                .hasMessageContaining("AMI action Originate").hasMessageContaining("no response within PT0.3S");
        assertThat(peer.actions("Originate").get(0).getAll("Variable")).containsExactly("A=1", "B=2");
        assertThat(connection.state()).isEqualTo(AmiConnectionState.CONNECTED);
    }

    @Test
    void pendingActionsFailWhenTheConnectionDrops() {
        peer.on("Originate", null);
        start(AmiTesting.properties(peer.port()));
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);
        CompletableFuture<AmiMessage> f = connection.sendAction(AmiAction.of("Originate").with("Channel", "x"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !peer.actions("Originate").isEmpty());

        peer.dropConnections();

        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(AmiNotConnectedException.class)
                .hasMessageContaining("connection lost");
    }

    @Test
    void closeLogsOffAndStopsReconnecting() {
        start(AmiTesting.properties(peer.port()));
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);

        connection.close();

        assertThat(peer.actions("Logoff")).hasSize(1);
        assertThat(connection.state()).isEqualTo(AmiConnectionState.STOPPED);
        assertThat(listener.count(RecordingListener.DISCONNECTED)).isEqualTo(1);
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> peer.connections() == 1);
        assertThat(connection.sendAction(AmiAction.of("Ping"))).isCompletedExceptionally();
    }

    private List<AmiMessage> framesBetween(int from, int to) {
        List<AmiMessage> out = new ArrayList<>();
        List<Object> entries = listener.entries();
        for (int i = from + 1; i < to; i++) {
            if (entries.get(i) instanceof AmiMessage m) {
                out.add(m);
            }
        }
        return out;
    }
}
