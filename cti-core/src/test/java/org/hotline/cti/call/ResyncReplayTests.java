package org.hotline.cti.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.testing.AmiFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Capture 08: CoreShowChannels and QueueStatus asked while nine calls are in progress (ActionIDs
 * {@code resync-coreshowchannels} and {@code resync-queuestatus}, see the {@code .sent.txt}).
 */
class ResyncReplayTests {

    private static final Set<String> RESYNC_IDS = Set.of("resync-coreshowchannels", "resync-queuestatus");

    private static List<AmiMessage> before;
    private static List<AmiMessage> lists;
    private static List<AmiMessage> after;

    @BeforeAll
    static void split() {
        List<AmiMessage> all = AmiFixtures.messages("08-resync-during-calls.ami.txt");
        int start = -1;
        int end = -1;
        for (int i = 0; i < all.size(); i++) {
            AmiMessage m = all.get(i);
            if (start < 0 && "resync-coreshowchannels".equals(m.actionId())) {
                start = i;
            }
            if ("QueueStatusComplete".equals(m.eventName()) && "resync-queuestatus".equals(m.actionId())) {
                end = i;
            }
        }
        before = all.subList(0, start);
        lists = new ArrayList<>();
        after = new ArrayList<>();
        for (AmiMessage m : all.subList(start, end + 1)) {
            // what is not part of the two lists is held back until the resync is over, as the connection does
            (RESYNC_IDS.contains(m.actionId()) ? lists : after).add(m);
        }
        after.addAll(all.subList(end + 1, all.size()));
    }

    private static List<TelephonyEvent> resync(CallTracker tracker) {
        tracker.beginResync();
        for (AmiMessage m : lists) {
            assertThat(tracker.apply(m)).isEmpty();
        }
        return tracker.endResync();
    }

    /** What a wallboard shows of a call, independent of how the tracker learnt it. */
    private static List<String> callLines(CallTracker t) {
        return t.calls().stream()
                .map(c -> c.callId().value() + " " + c.state() + " " + c.caller().number() + " " + c.queue() + " "
                        + Replay.agent(c.agent()) + " ringing=" + new TreeSet<>(c.ringing().stream()
                        .map(AgentInterface::value).toList()))
                .sorted().toList();
    }

    private static List<String> agentLines(CallTracker t) {
        return t.agents().stream()
                .map(a -> a.agent().value() + " " + a.memberName() + " " + a.state() + " " + new TreeSet<>(a.queues())
                        + " " + (a.call() == null ? "-" : a.call().value()))
                .toList();
    }

    @Test
    void resyncOfAFreshTrackerRebuildsTheCallsAndAgentsThatTheEventsBuilt() {
        Replay live = new Replay().apply(before);
        CallTracker fresh = new CallTracker(e -> { }, Replay.CLOCK);

        resync(fresh);

        assertThat(callLines(fresh)).isEqualTo(callLines(live.tracker)).containsExactly(
                "1795435220.5994 RINGING 13800138000 hotline - ringing=[Local/1004@agents]",
                "1795435220.5996 TALKING 02788886666 hotline Local/1001@agents ringing=[]",
                "1795435220.6000 TALKING +8613912345678 hotline Local/1002@agents ringing=[]",
                "1795435221.6004 TALKING 95598 hotline Local/1003@agents ringing=[]",
                "1795435221.6008 QUEUED anonymous hotline - ringing=[]",
                "1795435221.6012 QUEUED 13911112222 hotline - ringing=[]",
                "1795435222.6014 TALKING 02787654321 gas Local/2001@agents ringing=[]",
                "1795435222.6016 RINGING 13700001111 gas - ringing=[Local/2003@agents]",
                "1795435222.6020 TALKING anonymous gas Local/2002@agents ringing=[]");
        assertThat(agentLines(fresh)).isEqualTo(agentLines(live.tracker));
    }

    @Test
    void resyncOfAFreshTrackerPopsTheCallsAlreadyRingingAndReportsEveryAgent() {
        CallTracker fresh = new CallTracker(e -> { }, Replay.CLOCK);

        List<TelephonyEvent> events = resync(fresh);

        assertThat(events.stream().filter(AgentRinging.class::isInstance).map(Replay::describe)).containsExactly(
                "AgentRinging 1795435220.5994 Local/1004@agents queue=hotline caller=13800138000 waited=10s",
                "AgentRinging 1795435222.6016 Local/2003@agents queue=gas caller=13700001111 waited=8s");
        assertThat(events.stream().filter(AgentStateChanged.class::isInstance).map(Replay::describe))
                .containsExactlyInAnyOrder(
                        "AgentStateChanged Local/1001@agents IN_CALL queues=[hotline]",
                        "AgentStateChanged Local/1002@agents IN_CALL queues=[hotline]",
                        "AgentStateChanged Local/1003@agents IN_CALL queues=[gas, hotline]",
                        "AgentStateChanged Local/1004@agents RINGING queues=[hotline]",
                        "AgentStateChanged Local/2001@agents IN_CALL queues=[gas]",
                        "AgentStateChanged Local/2002@agents IN_CALL queues=[gas]",
                        "AgentStateChanged Local/2003@agents RINGING queues=[gas]");
        assertThat(events).hasSize(9);
    }

    @Test
    void resyncOfAnUpToDateTrackerChangesNothingAndEmitsNothing() {
        Replay live = new Replay().apply(before);
        List<String> calls = callLines(live.tracker);
        List<String> agents = agentLines(live.tracker);

        List<TelephonyEvent> events = resync(live.tracker);

        assertThat(events).isEmpty();
        assertThat(callLines(live.tracker)).isEqualTo(calls);
        assertThat(agentLines(live.tracker)).isEqualTo(agents);
    }

    @Test
    void eventsAfterAResyncEndEveryCallTheListsRebuilt() {
        Replay fresh = new Replay();
        fresh.events.addAll(resync(fresh.tracker));

        fresh.apply(after);

        assertThat(fresh.tracker.calls()).isEmpty();
        assertThat(fresh.events(CallEnded.class)).hasSize(9);
        assertThat(fresh.events(CallAbandoned.class)).extracting(a -> a.callId().value()).containsExactlyInAnyOrder(
                "1795435221.6008", "1795435221.6012", "1795435222.6016", "1795435220.5994");
        assertThat(fresh.tracker.agents()).extracting(AgentView::state).containsOnly(AgentState.READY);
        assertThat(fresh.tracker.stats().unknownChannels()).isZero();
    }

    @Test
    void callsMissingFromTheListsEndAndAgentsMissingFromThemLogOut() {
        List<AmiMessage> all = AmiFixtures.messages("01-answered-completed.ami.txt");
        Replay half = new Replay().apply(all.subList(0, indexOf(all, "AgentConnect") + 1));
        assertThat(half.tracker.calls()).singleElement().extracting(CallView::state).isEqualTo(CallState.TALKING);

        half.tracker.beginResync();
        List<TelephonyEvent> events = half.tracker.endResync();

        assertThat(events).extracting(Replay::describe).containsExactly(
                "AgentStateChanged Local/1001@agents LOGGED_OUT queues=[]",
                "CallEnded 1795434946.0 13800138000 cause=0");
        assertThat(((CallEnded) events.get(1)).causeText()).isEqualTo("Ended while disconnected");
        assertThat(half.tracker.calls()).isEmpty();
        assertThat(half.tracker.agents()).singleElement().extracting(AgentView::state)
                .isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void aRingThatBecameAConnectionWhileAwayIsReportedAsAnswered() {
        List<AmiMessage> all = AmiFixtures.messages("01-answered-completed.ami.txt");
        Replay ringing = new Replay().apply(all.subList(0, indexOf(all, "AgentCalled") + 1));
        ringing.tracker.beginResync();
        ringing.tracker.apply(AmiMessage.of("Event", "CoreShowChannel", "ActionID", "r", "Channel",
                "Local/s@callers-00000000;2", "ChannelState", "6", "CallerIDNum", "13800138000", "Uniqueid",
                "1795434946.1", "Linkedid", "1795434946.0", "Application", "Queue", "ApplicationData", "hotline",
                "Duration", "00:00:05", "BridgeId", "b1"));
        ringing.tracker.apply(AmiMessage.of("Event", "CoreShowChannel", "ActionID", "r", "Channel",
                "Local/1001@agents-00000001;1", "ChannelState", "6", "CallerIDNum", "s", "Uniqueid", "1795434947.2",
                "Linkedid", "1795434946.0", "Application", "AppQueue", "Duration", "00:00:04", "BridgeId", "b1"));

        List<TelephonyEvent> events = ringing.tracker.endResync();

        assertThat(events).extracting(Replay::describe).containsExactly(
                "CallAnswered 1795434946.0 Local/1001@agents queue=hotline caller=13800138000 hold=0s");
        assertThat(ringing.tracker.calls()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(CallState.TALKING);
            assertThat(c.caller().name()).isEqualTo("张三");
        });
    }

    private static int indexOf(List<AmiMessage> all, String event) {
        for (int i = 0; i < all.size(); i++) {
            if (event.equals(all.get(i).eventName())) {
                return i;
            }
        }
        throw new AssertionError(event + " not in capture");
    }
}
