package org.hotline.cti.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.testing.AmiFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Capture 07: 60 s of load, 1,476 calls, 300 agents, 154,470 events. Every expected count is derived from the
 * capture itself by a plain scan, and checked against the figures of the fixture's README.
 */
class BurstReplayTests {

    private static List<AmiMessage> messages;
    private static Replay replay;

    @BeforeAll
    static void replay() {
        messages = AmiFixtures.messages("07-burst.ami.txt.gz");
        replay = new Replay().apply(messages);
    }

    private static long count(String event) {
        return messages.stream().filter(m -> event.equals(m.eventName())).count();
    }

    private static Set<String> distinct(String event, String field) {
        Set<String> out = new HashSet<>();
        for (AmiMessage m : messages) {
            if (event.equals(m.eventName())) {
                out.add(m.get(field));
            }
        }
        return out;
    }

    @Test
    void everyEventIsSeenAndNoneIsUnknownMalformedOrAboutAnUnknownChannel() {
        TrackerStats stats = replay.tracker.stats();

        assertThat(stats.events()).isEqualTo(154_470);
        assertThat(stats.handled() + stats.ignored()).isEqualTo(stats.events());
        assertThat(stats.unknown()).isZero();
        assertThat(stats.malformedValues()).isZero();
        assertThat(stats.missingFields()).isZero();
        assertThat(stats.unknownChannels()).isZero();
    }

    @Test
    void oneCallEndedPerLinkedidThatHungUpAndNoCallLeftOpen() {
        Set<String> hungUp = distinct("Hangup", "Linkedid");

        assertThat(hungUp).hasSize(1476);
        assertThat(replay.events(CallEnded.class)).extracting(e -> e.callId().value())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(hungUp);
        assertThat(replay.tracker.calls()).isEmpty();
    }

    @Test
    void queuedAnsweredAbandonedAndRingingCountsMatchTheQueueEvents() {
        assertThat(replay.events(CallQueued.class)).hasSize((int) count("QueueCallerJoin")).hasSize(1474);
        assertThat(replay.events(CallAnswered.class)).hasSize((int) count("AgentConnect")).hasSize(1237);
        assertThat(replay.events(CallAbandoned.class)).hasSize((int) count("QueueCallerAbandon")).hasSize(237);
        assertThat(replay.events(AgentRinging.class)).hasSize((int) count("AgentCalled")).hasSize(1347);
    }

    @Test
    void everyCancelledDialStopsItsRingOnceAndEveryRingEndsAnsweredOrStopped() {
        Set<String> cancelledDials = new HashSet<>();
        for (AmiMessage m : messages) {
            if ("DialEnd".equals(m.eventName()) && "CANCEL".equals(m.get("DialStatus"))) {
                cancelledDials.add(m.get("DestUniqueid"));
            }
        }
        List<AgentRingStopped> stopped = replay.events(AgentRingStopped.class);

        assertThat(count("DialEnd")).isGreaterThan(cancelledDials.size() * 2L);
        assertThat(stopped).hasSize(cancelledDials.size()).hasSize(110)
                .allSatisfy(s -> assertThat(s.reason()).isEqualTo(AgentRingStopped.Reason.CANCELLED));
        assertThat(replay.events(AgentRinging.class).size())
                .isEqualTo(replay.events(CallAnswered.class).size() + stopped.size());
    }

    @Test
    void eachCallEndsWithTheCauseOfItsCallerLegsFirstHangup() {
        Map<String, String> callerBase = new HashMap<>();
        Map<String, Integer> firstCallerCause = new HashMap<>();
        for (AmiMessage m : messages) {
            String base = base(m.get("Channel"));
            if ("Newchannel".equals(m.eventName()) && m.get("Uniqueid").equals(m.get("Linkedid"))) {
                callerBase.put(m.get("Linkedid"), base);
            } else if ("Hangup".equals(m.eventName()) && base.equals(callerBase.get(m.get("Linkedid")))) {
                firstCallerCause.putIfAbsent(m.get("Linkedid"), Integer.parseInt(m.get("Cause")));
            }
        }
        Map<String, Integer> ended = new HashMap<>();
        replay.events(CallEnded.class).forEach(e -> ended.put(e.callId().value(), e.cause()));

        assertThat(ended).isEqualTo(firstCallerCause);
        assertThat(ended.values()).contains(0, 16);
    }

    @Test
    void eventsOfEachCallComeInCallOrderAndCallEndedIsLast() {
        Map<String, String> last = new HashMap<>();
        for (TelephonyEvent e : replay.events) {
            if (e instanceof CallEvent ce) {
                String id = ce.callId().value();
                assertThat(last.get(id)).as("event after CallEnded for %s", id).isNotEqualTo("CallEnded");
                if (e instanceof CallAnswered) {
                    assertThat(last.get(id)).isEqualTo("AgentRinging");
                }
                last.put(id, e.getClass().getSimpleName());
            }
        }
        assertThat(last.values()).containsOnly("CallEnded");
    }

    @Test
    void agentStateChangesFollowEveryChangeOfMemberStatusAndAllAgentsEndReady() {
        Map<String, String> status = new HashMap<>();
        int changes = 0;
        for (AmiMessage m : messages) {
            if ("QueueMemberStatus".equals(m.eventName())
                    && !m.get("Status").equals(status.put(m.get("Interface"), m.get("Status")))) {
                changes++;
            }
        }

        assertThat(replay.events(AgentStateChanged.class)).hasSize(changes);
        assertThat(replay.tracker.agents()).hasSize(distinct("QueueMemberStatus", "Interface").size()).hasSize(300)
                .allSatisfy(a -> {
                    assertThat(a.state()).isEqualTo(AgentState.READY);
                    assertThat(a.call()).isNull();
                });
    }

    private static String base(String channel) {
        if (channel == null) {
            return "";
        }
        int semi = channel.lastIndexOf(';');
        return semi < 0 ? channel : channel.substring(0, semi);
    }
}
