package org.hotline.cti.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.testing.AmiFixtures;
import org.junit.jupiter.api.Test;

/** Capture 05: a Redirect of an answered caller into another queue, then a BlindTransfer of an agent leg. */
class TransferReplayTests {

    private final Replay r = Replay.of("05-blind-transfer-redirect.ami.txt");

    @Test
    void redirectMovesTheAnsweredCallerToTheGasQueueWhereAnotherAgentAnswers() {
        assertThat(r.lines(e -> e instanceof CallEvent && ((CallEvent) e).callId().value().equals("1795435040.20")))
                .containsExactly(
                        "CallerIdentified 1795435040.20 13800138000",
                        "CallQueued 1795435040.20 hotline 13800138000 '' pos=1",
                        "AgentRinging 1795435040.20 Local/1004@agents queue=hotline caller=13800138000 waited=0s",
                        "CallAnswered 1795435040.20 Local/1004@agents queue=hotline caller=13800138000 hold=3s",
                        "CallTransferred 1795435040.20 REDIRECT from=Local/1004@agents to=gas@transfer",
                        "CallQueued 1795435040.20 gas 13800138000 '' pos=1",
                        "AgentRinging 1795435040.20 Local/2001@agents queue=gas caller=13800138000 waited=0s",
                        "CallAnswered 1795435040.20 Local/2001@agents queue=gas caller=13800138000 hold=1s",
                        "CallEnded 1795435040.20 13800138000 cause=16");
    }

    @Test
    void redirectedAgentIsFreedOnMemberStatusLongBeforeItsAgentComplete() {
        List<String> lines = r.lines();
        int freed = lines.indexOf("AgentStateChanged Local/1004@agents READY queues=[hotline]");
        int secondAnswer = lines.indexOf(
                "CallAnswered 1795435040.20 Local/2001@agents queue=gas caller=13800138000 hold=1s");

        assertThat(freed).isPositive().isLessThan(secondAnswer);
    }

    @Test
    void blindTransferGoesToExtension2002AsADirectDialWithoutQueue() {
        assertThat(r.lines(e -> e instanceof CallEvent && ((CallEvent) e).callId().value().equals("1795435058.26")))
                .containsExactly(
                        "CallerIdentified 1795435058.26 02788886666",
                        "CallQueued 1795435058.26 hotline 02788886666 '' pos=1",
                        "AgentRinging 1795435058.26 Local/1001@agents queue=hotline caller=02788886666 waited=0s",
                        "CallAnswered 1795435058.26 Local/1001@agents queue=hotline caller=02788886666 hold=3s",
                        // the Unhold that precedes BlindTransfer is no event: the call was never on hold
                        "CallTransferred 1795435058.26 BLIND from=Local/1001@agents to=2002@transfer",
                        "AgentRinging 1795435058.26 Local/2002@agents queue=null caller=02788886666 waited=0s",
                        "CallAnswered 1795435058.26 Local/2002@agents queue=null caller=02788886666 hold=3s",
                        "CallEnded 1795435058.26 02788886666 cause=16");
    }

    @Test
    void callStatesFollowTheRedirect() {
        Replay step = new Replay();
        List<CallState> states = new ArrayList<>();
        for (AmiMessage m : AmiFixtures.messages("05-blind-transfer-redirect.ami.txt")) {
            step.apply(m);
            step.tracker.call(new CallId("1795435040.20")).map(CallView::state).ifPresent(s -> {
                if (states.isEmpty() || states.get(states.size() - 1) != s) {
                    states.add(s);
                }
            });
        }

        assertThat(states).containsExactly(CallState.DIALPLAN, CallState.QUEUED, CallState.RINGING,
                CallState.TALKING, CallState.DIALPLAN, CallState.QUEUED, CallState.RINGING, CallState.TALKING,
                CallState.DIALPLAN, CallState.ENDED);
    }

    @Test
    void everyCallEndsAndEveryAgentIsFreeAtTheEnd() {
        assertThat(r.tracker.calls()).isEmpty();
        assertThat(r.tracker.agents()).extracting(AgentView::state).containsOnly(AgentState.READY);
        assertThat(r.events(CallHoldChanged.class)).isEmpty();
    }
}
