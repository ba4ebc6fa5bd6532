package org.hotline.cti.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.cti.ami.AmiMessage;
import org.junit.jupiter.api.Test;

/**
 * Queue members as real Asterisk 22 reports them (fields and order observed on the lab's Asterisk): exact member
 * interfaces with Local's {@code /n}, one QueueMemberPause per queue, and the periodic member re-sync.
 */
class MemberTrackingTests {

    private static final String MEMBER = "Local/1003@agents/n";
    private static final AgentInterface AGENT = AgentInterface.of(MEMBER);

    private final List<TelephonyEvent> events = new ArrayList<>();
    private final CallTracker tracker = new CallTracker(events::add,
            Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));

    private static AmiMessage memberEvent(String name, String queue, String iface, boolean paused, String reason) {
        return Frames.event(name, "Timestamp", "1796587471.933531", "Queue", queue, "MemberName", "Agent 1003",
                "Interface", iface, "StateInterface", "hint:1003@agents", "Membership", "dynamic", "Penalty", "0",
                "Status", "1", "Paused", paused ? "1" : "0", "PausedReason", reason, "Ringinuse", "0");
    }

    private void feed(AmiMessage... frames) {
        for (AmiMessage m : frames) {
            tracker.onMessage(m);
        }
    }

    private List<AgentStateChanged> changes() {
        return events.stream().filter(e -> e instanceof AgentStateChanged).map(e -> (AgentStateChanged) e).toList();
    }

    private AgentView view() {
        return tracker.agents().stream().filter(v -> v.agent().equals(AGENT)).findFirst().orElseThrow();
    }

    private void memberOf(String... queues) {
        for (String q : queues) {
            feed(memberEvent("QueueMemberAdded", q, MEMBER, false, ""));
        }
    }

    @Test
    void aSnapshotKeepsAnUnchangedAgentsViewAndRebuildsItWhenAPauseOrItsReasonChanges() {
        memberOf("hotline", "gas");
        AgentView first = view();
        assertThat(view()).isSameAs(first);

        feed(memberEvent("QueueMemberPause", "gas", MEMBER, true, "lunch"));
        AgentView paused = view();
        assertThat(paused).isNotSameAs(first);
        assertThat(paused.pauseReasons()).containsExactly(Map.entry("gas", "lunch"));

        feed(memberEvent("QueueMemberPause", "gas", MEMBER, true, "meeting"));
        assertThat(view().pauseReasons()).containsExactly(Map.entry("gas", "meeting"));

        feed(memberEvent("QueueMemberPause", "gas", MEMBER, false, ""));
        assertThat(view().pausedQueues()).isEmpty();
        assertThat(view()).isEqualTo(first);
    }

    @Test
    void theMembersExactInterfaceIsKeptBesideTheNormalizedKey() {
        memberOf("hotline");

        assertThat(view().agent().value()).isEqualTo("Local/1003@agents");
        assertThat(view().memberInterface()).isEqualTo(MEMBER);
    }

    @Test
    void theLastQueueOfAnUnpauseEverywhereIsItsOwnStateChange() {
        memberOf("hotline", "gas");
        feed(memberEvent("QueueMemberPause", "hotline", MEMBER, true, "lunch"),
                memberEvent("QueueMemberPause", "gas", MEMBER, true, "lunch"));
        events.clear();

        feed(memberEvent("QueueMemberPause", "hotline", MEMBER, false, ""),
                memberEvent("QueueMemberPause", "gas", MEMBER, false, ""));

        // both READY: before, the second was dropped as "no change" and a paused desk never heard of it
        assertThat(changes()).extracting(AgentStateChanged::state).containsExactly(AgentState.READY, AgentState.READY);
        assertThat(changes().get(0).pausedQueues()).containsExactly(Map.entry("gas", "lunch"));
        assertThat(changes().get(1).pausedQueues()).isEmpty();
    }

    @Test
    void aPauseInOneOfThreeQueuesIsReadyWithThatQueuePaused() {
        memberOf("hotline", "gas", "water");
        events.clear();

        feed(memberEvent("QueueMemberPause", "gas", MEMBER, true, "meeting"));

        assertThat(changes()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(AgentState.READY);
            assertThat(c.pausedReason()).isNull();
            assertThat(c.pausedQueues()).containsExactly(Map.entry("gas", "meeting"));
        });
        assertThat(view().pausedQueues()).containsExactly("gas");
        assertThat(view().pauseReasons()).containsExactly(Map.entry("gas", "meeting"));
    }

    private static AmiMessage row(String id, String queue, String location, boolean paused, String reason) {
        return Frames.event("QueueMember", "Queue", queue, "Name", "Agent", "Location", location, "StateInterface",
                "hint:x@agents", "Membership", "static", "Penalty", "0", "Status", "1", "Paused", paused ? "1" : "0",
                "PausedReason", reason, "ActionID", id);
    }

    private static AmiMessage params(String id, String queue) {
        return Frames.event("QueueParams", "Queue", queue, "Strategy", "rrmemory", "ActionID", id);
    }

    private static AmiMessage response(String id) {
        return AmiMessage.of("Response", "Success", "ActionID", id, "EventList", "start", "Message",
                "Queue status will follow");
    }

    private static AmiMessage complete(String id) {
        return Frames.event("QueueStatusComplete", "ActionID", id, "EventList", "Complete", "ListItems", "3");
    }

    @Test
    void aMemberListReconcilesAddedRemovedAndPausedMembersOfTheQueuesItCovers() {
        memberOf("hotline", "gas");
        feed(memberEvent("QueueMemberAdded", "hotline", "Local/1004@agents/n", false, ""));
        events.clear();
        tracker.expectMemberList();

        // queue reload members sent no event: 1004 left hotline, 2002 joined gas statically, 1003 paused in gas
        feed(response("queuestatus-7"), params("queuestatus-7", "hotline"),
                row("queuestatus-7", "hotline", MEMBER, false, ""), params("queuestatus-7", "gas"),
                row("queuestatus-7", "gas", MEMBER, true, "lunch"),
                row("queuestatus-7", "gas", "Local/2002@agents/n", false, ""), complete("queuestatus-7"));

        assertThat(changes()).extracting(c -> c.agent().value() + " " + c.state() + " " + c.pausedQueues().keySet())
                .containsExactlyInAnyOrder("Local/1004@agents LOGGED_OUT []", "Local/1003@agents READY [gas]",
                        "Local/2002@agents READY []");
        assertThat(tracker.agents()).filteredOn(v -> v.agent().value().equals("Local/2002@agents")).singleElement()
                .satisfies(v -> assertThat(v.memberInterface()).isEqualTo("Local/2002@agents/n"));
    }

    @Test
    void aQueueTheMemberListNoLongerNamesIsGoneWithItsMemberships() {
        memberOf("hotline", "gas", "water");
        events.clear();
        tracker.expectMemberList();

        // queues.conf lost its [water] section and `queue reload all` deleted the queue: no event at all
        feed(response("queuestatus-8"), params("queuestatus-8", "hotline"),
                row("queuestatus-8", "hotline", MEMBER, false, ""), params("queuestatus-8", "gas"),
                row("queuestatus-8", "gas", MEMBER, false, ""), complete("queuestatus-8"));

        assertThat(changes()).singleElement().satisfies(c -> assertThat(c.queues())
                .containsExactlyInAnyOrder("hotline", "gas"));
        assertThat(view().queues()).containsExactlyInAnyOrder("hotline", "gas");
    }

    @Test
    void aQueueStatusHotlineDidNotAnnounceOnlyAddsFactsAndRemovesNobody() {
        memberOf("hotline");
        feed(memberEvent("QueueMemberAdded", "hotline", "Local/1004@agents/n", false, ""));
        events.clear();

        feed(response("queuestatus-9"), params("queuestatus-9", "hotline"),
                row("queuestatus-9", "hotline", MEMBER, true, "rest"), complete("queuestatus-9"));

        assertThat(changes()).extracting(c -> c.agent().value() + " " + c.state())
                .containsExactly("Local/1003@agents PAUSED");
        assertThat(tracker.agents()).extracting(v -> v.agent().value() + " " + v.state())
                .contains("Local/1004@agents READY");
    }

    @Test
    void theQueuesOfTheLastCompleteMemberListAreThePbxsQueues() {
        assertThat(tracker.pbxQueues()).as("unknown before any list").isEmpty();
        tracker.expectMemberList();
        feed(response("queuestatus-10"), params("queuestatus-10", "hotline"), params("queuestatus-10", "gas"),
                params("queuestatus-10", "water"), complete("queuestatus-10"));
        assertThat(tracker.pbxQueues()).containsExactlyInAnyOrder("hotline", "gas", "water");

        tracker.expectMemberList();
        feed(response("queuestatus-11"), params("queuestatus-11", "hotline"), params("queuestatus-11", "gas"));
        assertThat(tracker.pbxQueues()).as("a list still coming changes nothing yet").contains("water");
        feed(complete("queuestatus-11"));
        assertThat(tracker.pbxQueues()).as("water's section was deleted").containsExactlyInAnyOrder("hotline", "gas");
    }

    @Test
    void aPenaltyChangeOnThePbxShowsInTheMembershipsAtOnce() {
        memberOf("hotline", "gas");
        feed(Frames.event("QueueMemberPenalty", "Queue", "gas", "MemberName", "Agent 1003", "Interface", MEMBER,
                "StateInterface", "hint:1003@agents", "Membership", "dynamic", "Penalty", "3", "Status", "1",
                "Paused", "0", "PausedReason", "", "Ringinuse", "0"));
        assertThat(tracker.memberships()).extracting(m -> m.queue() + " " + m.penalty())
                .containsExactly("gas 3", "hotline 0");
    }
}
