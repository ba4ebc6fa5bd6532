package org.hotline.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.asterisklab.LabAmi;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.presence.DeskState;
import org.hotline.cti.presence.DeskStatus;
import org.hotline.cti.presence.MemberResync;
import org.hotline.cti.wallboard.WallboardService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Queue members and desk presence against the real Asterisk: what the desk does shows in Asterisk's own QueueStatus,
 * what is done on the PBX (QueuePause, queue reload members) reaches the desk, and the wallboard agrees with
 * Asterisk's QueueSummary. Uses the gas queue's agents 2001–2003 and agent 1003 (hotline and gas), which no other
 * live class uses.
 */
class QueueMemberLiveIntegrationTests extends LiveAsteriskTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String[] EXTENSIONS = {"2001", "2002", "2003", "1003"};
    private static final String[] QUEUES = {"hotline", "gas", "water"};

    @Autowired
    private MemberResync memberResync;

    @Autowired
    private WallboardService wallboard;

    @Autowired
    private CallTracker tracker;

    private String originalQueuesConf;

    private static String member(String ext) {
        return "Local/" + ext + "@agents/n";
    }

    private Path queuesConf() {
        return pbx.asterisk().runDirectory().resolve("etc/queues.conf");
    }

    @BeforeEach
    void phonesIdleAndNoMembers() throws IOException {
        originalQueuesConf = Files.readString(queuesConf());
        // the demo queues were created after the wallboard first read the directory
        wallboard.loadDirectory();
        for (String ext : EXTENSIONS) {
            pbx.phoneIdle(ext);
        }
        removeEveryMember();
    }

    @AfterEach
    void restore() throws IOException {
        if (!Files.readString(queuesConf()).equals(originalQueuesConf)) {
            Files.writeString(queuesConf(), originalQueuesConf);
            pbx.asterisk().cli("queue reload all");
        }
        removeEveryMember();
        memberResync.resyncNow();
        for (String ext : EXTENSIONS) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(desk(ext).state())
                    .as("desk of agent%s: %s; tracker %s", ext, desk(ext), tracker.agents())
                    .isEqualTo(DeskState.LOGGED_OUT));
        }
    }

    private void removeEveryMember() {
        for (String ext : EXTENSIONS) {
            for (String queue : QUEUES) {
                pbx.ami().actionAnyResponse("QueueRemove", "Queue", queue, "Interface", member(ext));
                pbx.ami().actionAnyResponse("QueueRemove", "Queue", queue, "Interface", "Local/" + ext + "@agents");
            }
        }
    }

    /** Asterisk's rows of this extension's members in {@code queue} (any interface spelling). */
    private Map<String, LabAmi.Message> rowsOf(String queue, String ext) {
        Map<String, LabAmi.Message> rows = new java.util.LinkedHashMap<>();
        pbx.members(queue).forEach((location, row) -> {
            if (location.startsWith("Local/" + ext + "@agents")) {
                rows.put(location, row);
            }
        });
        return rows;
    }

    private DeskStatus desk(String ext) {
        return presence.status("agent" + ext);
    }

    private void pauseOnThePbx(String ext, String queue, boolean paused, String reason) {
        if (queue == null) {
            pbx.ami().action("QueuePause", "Interface", member(ext), "Paused", Boolean.toString(paused), "Reason",
                    reason);
        } else {
            pbx.ami().action("QueuePause", "Queue", queue, "Interface", member(ext), "Paused",
                    Boolean.toString(paused), "Reason", reason);
        }
    }

    /** The wallboard's counts for {@code queue} match Asterisk's QueueSummary: logged in, and available (ready). */
    private void wallboardAgreesWithAsterisk(String queue) {
        await().atMost(WAIT).untilAsserted(() -> {
            LabAmi.Message summary = pbx.queueSummary(queue);
            JsonNode row = null;
            for (JsonNode q : new ObjectMapper().readTree(wallboard.frame()).get("queues")) {
                if (q.get("name").asText().equals(queue)) {
                    row = q;
                }
            }
            assertThat(row).as("wallboard row of " + queue).isNotNull();
            JsonNode agents = row.get("agents");
            int all = 0;
            for (JsonNode n : agents) {
                all += n.asInt();
            }
            assertThat(all - agents.get("loggedOut").asInt()).as("logged in to " + queue)
                    .isEqualTo(Integer.parseInt(summary.get("LoggedIn")));
            assertThat(agents.get("ready").asInt()).as("available in " + queue)
                    .isEqualTo(Integer.parseInt(summary.get("Available")));
        });
    }

    @Test
    void logInAddsOneMemberWithTheExactInterfaceAndLogOutReallyRemovesIt() {
        presence.login("agent2001");
        Map<String, LabAmi.Message> rows = rowsOf("gas", "2001");
        assertThat(rows).containsOnlyKeys(member("2001"));
        assertThat(rows.get(member("2001")).get("StateInterface")).isEqualTo("hint:2001@agents");
        assertThat(rows.get(member("2001")).get("Paused")).isEqualTo("0");
        await().atMost(WAIT).until(() -> desk("2001").state() == DeskState.READY);
        wallboardAgreesWithAsterisk("gas");

        presence.login("agent2001");
        assertThat(rowsOf("gas", "2001")).hasSize(1);

        assertThat(presence.logout("agent2001").state()).isEqualTo(DeskState.LOGGED_OUT);
        assertThat(rowsOf("gas", "2001")).isEmpty();
        wallboardAgreesWithAsterisk("gas");
    }

    @Test
    void logInOfAnAgentThePbxAlreadyHasAddsNoSecondMember() {
        pbx.ami().action("QueueAdd", "Queue", "gas", "Interface", member("2002"), "MemberName", "Agent 2002",
                "StateInterface", "hint:2002@agents");
        await().atMost(WAIT).until(() -> desk("2002").state() == DeskState.READY);

        presence.login("agent2002");

        assertThat(rowsOf("gas", "2002")).containsOnlyKeys(member("2002"));
    }

    @Test
    void pauseAndUnpauseFromTheDeskShowInAsterisksQueueStatusWithTheReason() {
        presence.login("agent2001");

        assertThat(presence.pause("agent2001", "lunch").state()).isEqualTo(DeskState.PAUSED);
        LabAmi.Message paused = rowsOf("gas", "2001").get(member("2001"));
        assertThat(paused.get("Paused")).isEqualTo("1");
        assertThat(paused.get("PausedReason")).isEqualTo("lunch");
        wallboardAgreesWithAsterisk("gas");

        assertThat(presence.ready("agent2001").state()).isEqualTo(DeskState.READY);
        assertThat(rowsOf("gas", "2001").get(member("2001")).get("Paused")).isEqualTo("0");
        await().atMost(WAIT).until(() -> desk("2001").state() == DeskState.READY && desk("2001").pausedQueues()
                .isEmpty());
        wallboardAgreesWithAsterisk("gas");
    }

    @Test
    void pauseAndUnpauseOnThePbxReachTheDesk() {
        presence.login("agent2001");

        pauseOnThePbx("2001", null, true, "lunch");
        await().atMost(WAIT).until(() -> desk("2001").state() == DeskState.PAUSED
                && "lunch".equals(desk("2001").reason()));
        wallboardAgreesWithAsterisk("gas");

        pauseOnThePbx("2001", null, false, "");
        await().atMost(WAIT).until(() -> desk("2001").state() == DeskState.READY);
        wallboardAgreesWithAsterisk("gas");
    }

    @Test
    void anUnpauseOnThePbxInBothQueuesMakesTheDeskOfAnAgentInTwoQueuesReadyAndALaterPauseIsSent() {
        presence.login("agent1003");
        assertThat(rowsOf("hotline", "1003")).containsOnlyKeys(member("1003"));
        assertThat(rowsOf("gas", "1003")).containsOnlyKeys(member("1003"));
        pauseOnThePbx("1003", null, true, "lunch");
        await().atMost(WAIT).until(() -> desk("1003").state() == DeskState.PAUSED);

        pauseOnThePbx("1003", null, false, "");
        await().atMost(WAIT).until(() -> desk("1003").state() == DeskState.READY
                && desk("1003").pausedQueues().isEmpty());

        presence.pause("agent1003", "rest");
        for (String queue : new String[] {"hotline", "gas"}) {
            LabAmi.Message row = rowsOf(queue, "1003").get(member("1003"));
            assertThat(row.get("Paused")).as(queue).isEqualTo("1");
            assertThat(row.get("PausedReason")).as(queue).isEqualTo("rest");
        }
        await().atMost(WAIT).until(() -> desk("1003").state() == DeskState.PAUSED
                && desk("1003").pausedQueues().size() == 2);
    }

    @Test
    void anAgentInThreeQueuesPausedInOneIsReadyAndShownPausedInThatQueueOnly() throws IOException {
        Files.writeString(queuesConf(), originalQueuesConf + "\n[water](hotline-queue-defaults)\n");
        assertThat(pbx.asterisk().cli("queue reload all") + pbx.asterisk().cli("queue show water"))
                .contains("water has 0 calls");
        presence.login("agent1003");
        pbx.ami().action("QueueAdd", "Queue", "water", "Interface", member("1003"), "MemberName", "Agent 1003",
                "StateInterface", "hint:1003@agents");
        await().atMost(WAIT).until(() -> desk("1003").queues().contains("water"));

        pauseOnThePbx("1003", "gas", true, "meeting");

        await().atMost(WAIT).until(() -> desk("1003").partlyPaused());
        assertThat(desk("1003").state()).isEqualTo(DeskState.READY);
        assertThat(desk("1003").pausedQueues()).containsExactly(Map.entry("gas", "meeting"));
        assertThat(presence.statusJson("agent1003")).contains("\"partlyPaused\":true");
        wallboardAgreesWithAsterisk("gas");
        assertThat(pbx.queueSummary("gas").get("Available")).isEqualTo("0");
        assertThat(pbx.queueSummary("water").get("Available")).isEqualTo("1");

        // pausing from the desk is not swallowed because the desk already shows a pause somewhere
        presence.pause("agent1003", "meeting");
        for (String queue : QUEUES) {
            assertThat(rowsOf(queue, "1003").get(member("1003")).get("Paused")).as(queue).isEqualTo("1");
        }
        await().atMost(WAIT).until(() -> desk("1003").state() == DeskState.PAUSED && !desk("1003").partlyPaused());
    }

    @Test
    void aMembersReloadThatSendsNoEventIsSeenByTheNextMemberResync() throws IOException {
        Files.writeString(queuesConf(), originalQueuesConf.replace("[gas](hotline-queue-defaults)",
                "[gas](hotline-queue-defaults)\nmember => " + member("2003") + ",0,Agent 2003,hint:2003@agents"));
        pbx.asterisk().cli("queue reload members");
        assertThat(rowsOf("gas", "2003")).containsOnlyKeys(member("2003"));
        assertThat(desk("2003").state()).isEqualTo(DeskState.LOGGED_OUT);

        assertThat(memberResync.resyncNow()).isTrue();
        await().atMost(WAIT).until(() -> desk("2003").state() == DeskState.READY);
        wallboardAgreesWithAsterisk("gas");

        Files.writeString(queuesConf(), originalQueuesConf);
        pbx.asterisk().cli("queue reload members");
        assertThat(rowsOf("gas", "2003")).isEmpty();
        assertThat(memberResync.resyncNow()).isTrue();
        await().atMost(WAIT).until(() -> desk("2003").state() == DeskState.LOGGED_OUT);
        wallboardAgreesWithAsterisk("gas");
    }
}
