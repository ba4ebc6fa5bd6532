package org.hotline.cti.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.ami.AmiConnectionState;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.ami.ScriptedAmiPeer;
import org.hotline.cti.call.AgentState;
import org.hotline.cti.call.AgentStateChanged;
import org.hotline.cti.call.AgentView;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.call.TelephonyEvent;
import org.hotline.cti.control.ControlTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The periodic member re-sync over a real AMI connection: what changed on the PBX without an event is seen. */
class MemberResyncTests {

    private ScriptedAmiPeer peer;
    private AmiConnection connection;
    private CallTracker tracker;
    private MemberResync resync;
    private final List<TelephonyEvent> events = new CopyOnWriteArrayList<>();
    private volatile boolean member2003 = true;

    @BeforeEach
    void start() throws Exception {
        peer = new ScriptedAmiPeer();
        // Asterisk 22's QueueStatus: response, QueueParams per queue, a QueueMember row per member, Complete
        peer.on("QueueStatus", (a, c) -> {
            String id = a.actionId();
            StringBuilder sb = new StringBuilder(ScriptedAmiPeer.response(a, "Success", "EventList", "start",
                    "Message", "Queue status will follow"));
            sb.append("Event: QueueParams\r\nQueue: gas\r\nStrategy: rrmemory\r\nActionID: ").append(id)
                    .append("\r\n\r\n");
            if (member2003) {
                sb.append("Event: QueueMember\r\nQueue: gas\r\nName: Agent 2003\r\nLocation: Local/2003@agents/n\r\n"
                        + "StateInterface: hint:2003@agents\r\nMembership: static\r\nPenalty: 0\r\nStatus: 1\r\n"
                        + "Paused: 0\r\nPausedReason: \r\nActionID: ").append(id).append("\r\n\r\n");
            }
            sb.append("Event: QueueStatusComplete\r\nActionID: ").append(id)
                    .append("\r\nEventList: Complete\r\nListItems: ").append(member2003 ? 2 : 1).append("\r\n\r\n");
            c.write(sb.toString());
        });
        tracker = new CallTracker(events::add);
        connection = new AmiConnection(ControlTesting.ami(peer.port()), tracker);
        connection.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.state() == AmiConnectionState.CONNECTED);
        resync = new MemberResync(Duration.ofMinutes(10), () -> connection, () -> tracker);
    }

    @AfterEach
    void stop() throws Exception {
        resync.close();
        connection.close();
        peer.close();
    }

    private AgentState state2003() {
        return tracker.agents().stream().filter(v -> v.agent().value().equals("Local/2003@agents"))
                .map(AgentView::state).findFirst().orElse(AgentState.LOGGED_OUT);
    }

    @Test
    void aMemberRemovedWithoutAnEventIsLoggedOutByTheNextRound() {
        await().atMost(Duration.ofSeconds(5)).until(() -> state2003() == AgentState.READY);
        member2003 = false;

        assertThat(resync.resyncNow()).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> state2003() == AgentState.LOGGED_OUT);
        assertThat(events).filteredOn(e -> e instanceof AgentStateChanged).last()
                .satisfies(e -> assertThat(((AgentStateChanged) e).state()).isEqualTo(AgentState.LOGGED_OUT));
        // unfiltered, so that a queue it no longer names is known to be gone
        AmiMessage sent = peer.actions("QueueStatus").get(peer.actions("QueueStatus").size() - 1);
        assertThat(sent.get("Queue")).isNull();
        assertThat(sent.get("Member")).isNull();
    }

    @Test
    void aRoundWhileAmiIsDownAsksNothing() throws Exception {
        connection.close();

        assertThat(resync.resyncNow()).isFalse();
    }
}
