package org.hotline.cti.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Capture 04: QueuePause with reasons, unpause, QueueAdd to a second queue, penalty, ring-in-use, QueueRemove. */
class MemberReplayTests {

    private final Replay r = Replay.of("04-pause-unpause-add-remove.ami.txt");

    @Test
    void pauseAddRemoveAndUnpauseChangeTheAgentStatesInOrder() {
        assertThat(r.lines(e -> e instanceof AgentStateChanged)).containsExactly(
                // QueueStatus rows asked by the client: facts about members, applied as they come
                "AgentStateChanged Local/1004@agents READY queues=[hotline]",
                "AgentStateChanged Local/1001@agents READY queues=[hotline]",
                "AgentStateChanged Local/1002@agents READY queues=[hotline]",
                "AgentStateChanged Local/1003@agents READY queues=[hotline]",
                "AgentStateChanged Local/1001@agents PAUSED reason=lunch queues=[hotline]",
                "AgentStateChanged Local/1002@agents PAUSED reason=training queues=[hotline]",
                "AgentStateChanged Local/1003@agents RINGING queues=[hotline]",
                // 1003 is also in gas: the second queue's status adds the queue, the same state once
                "AgentStateChanged Local/1003@agents RINGING queues=[gas, hotline]",
                "AgentStateChanged Local/1003@agents IN_CALL queues=[gas, hotline]",
                // paused in hotline only, free in gas: not paused everywhere any more
                "AgentStateChanged Local/1001@agents READY queues=[gas, hotline]",
                "AgentStateChanged Local/2002@agents READY queues=[gas]",
                "AgentStateChanged Local/2003@agents READY queues=[gas]",
                "AgentStateChanged Local/2001@agents READY queues=[gas]",
                "AgentStateChanged Local/1003@agents READY queues=[gas, hotline]",
                "AgentStateChanged Local/1001@agents PAUSED reason=lunch queues=[hotline]",
                "AgentStateChanged Local/1001@agents READY queues=[hotline]",
                "AgentStateChanged Local/1002@agents READY queues=[hotline]");
    }

    @Test
    void oneStatusPerQueueForAnAgentInTwoQueuesIsOneStateChange() {
        long inCall = r.events(AgentStateChanged.class).stream()
                .filter(s -> s.agent().value().equals("Local/1003@agents") && s.state() == AgentState.IN_CALL)
                .count();

        assertThat(inCall).isEqualTo(1);
    }

    @Test
    void penaltyAndRingInUseChangesAreNoStateChanges() {
        long afterAdd = r.events(AgentStateChanged.class).stream()
                .filter(s -> s.agent().value().equals("Local/1001@agents") && s.queues().contains("gas"))
                .count();

        assertThat(afterAdd).isEqualTo(1);
    }

    @Test
    void unpauseReasonIsNotReportedAsAPauseReason() {
        assertThat(r.tracker.agents()).filteredOn(a -> a.agent().value().equals("Local/1001@agents"))
                .singleElement().satisfies(a -> {
                    assertThat(a.state()).isEqualTo(AgentState.READY);
                    assertThat(a.pausedReason()).isNull();
                    assertThat(a.pausedQueues()).isEmpty();
                    assertThat(a.queues()).containsExactly("hotline");
                });
    }

    @Test
    void theCallDuringThePausesIsAnsweredByTheOnlyFreeAgent() {
        assertThat(r.lines(e -> e instanceof CallEvent)).containsExactly(
                "CallerIdentified 1795435025.16 13800138000",
                "CallQueued 1795435025.16 hotline 13800138000 '' pos=1",
                "AgentRinging 1795435025.16 Local/1003@agents queue=hotline caller=13800138000 waited=0s",
                "CallAnswered 1795435025.16 Local/1003@agents queue=hotline caller=13800138000 hold=2s",
                "CallEnded 1795435025.16 13800138000 cause=16");
        assertThat(r.tracker.agents()).hasSize(7).extracting(AgentView::state).containsOnly(AgentState.READY);
    }
}
