package org.hotline.cti.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The call model on what a real Asterisk 22 sends Hotline's AMI user (testdata/ami/live): queue timeout, attended
 * transfer, click-to-dial and hang-up during hold, each replayed from one capture.
 */
class LiveAsteriskReplayTests {

    private static Replay replay(String name) {
        return Replay.of("live/" + name + ".ami.txt");
    }

    private static CallEnded ended(Replay r) {
        assertThat(r.tracker.calls()).isEmpty();
        return r.events(CallEnded.class).get(0);
    }

    @Test
    void aQueueTimeoutWithTheCallerStillOnTheLineIsATimeoutNotAnAbandonAndTheDialplanEndsIt() {
        Replay r = replay("queue-timeout");

        assertThat(r.lines(e -> !(e instanceof AgentStateChanged))).containsExactly(
                "CallerIdentified 1796587131.1 13800138000",
                "CallQueued 1796587131.1 hotline 13800138000 '' pos=1",
                "AgentRinging 1796587131.1 Local/1001@agents queue=hotline caller=13800138000 waited=0s",
                "AgentRingStopped 1796587131.1 Local/1001@agents NO_ANSWER ring=4000ms",
                "CallQueueTimedOut 1796587131.1 hotline pos=1/1 waited=4s",
                "CallEnded 1796587131.1 13800138000 cause=16");
        assertThat(r.events(CallAbandoned.class)).isEmpty();
        assertThat(ended(r).endedBy()).isEqualTo(CallEnded.EndedBy.SYSTEM);
    }

    @Test
    void aCallerWhoHangsUpInTheQueueStillAbandons() {
        Replay r = Replay.of("02-abandon.ami.txt");

        assertThat(r.events(CallAbandoned.class)).hasSize(2);
        assertThat(r.events(CallQueueTimedOut.class)).isEmpty();
        assertThat(r.events(CallEnded.class)).extracting(CallEnded::endedBy)
                .containsOnly(CallEnded.EndedBy.CALLER);
    }

    @Test
    void anAgentWhoHangsUpEndsTheCall() {
        Replay r = replay("answered-agent-hangup");

        assertThat(ended(r).endedBy()).isEqualTo(CallEnded.EndedBy.AGENT);
        assertThat(ended(r).outbound()).isFalse();
    }

    @Test
    void aCompletedAttendedTransferEndsTheHoldAndAnswersTheCallWithTheTargetAgent() {
        Replay r = replay("atxfer-completed");

        assertThat(r.lines(e -> e instanceof CallEvent && !(e instanceof CallQueued)
                && !(e instanceof AgentRinging) && !(e instanceof CallerIdentified))).containsExactly(
                "CallAnswered 1796587628.2 Local/1001@agents queue=hotline caller=13800138001 hold=1s",
                "CallHoldChanged 1796587628.2 Local/1001@agents true",
                "CallHoldChanged 1796587628.2 Local/1001@agents false",
                "CallTransferred 1796587628.2 ATTENDED from=Local/1001@agents to=Local/1002@agents",
                "CallAnswered 1796587628.2 Local/1002@agents queue=hotline caller=13800138001 hold=0s",
                "CallEnded 1796587628.2 13800138001 cause=16");
        // the consultation ring of 1002 is no ring of the customer's call: 1002 gets it with the transfer
        assertThat(r.events(AgentRinging.class)).extracting(AgentRinging::agent)
                .containsExactly(new AgentInterface("Local/1001@agents"));
        assertThat(ended(r).endedBy()).isEqualTo(CallEnded.EndedBy.CALLER);
    }

    @Test
    void theCallIsTalkingWithTheTargetRightAfterTheTransfer() {
        Replay r = new Replay();
        var frames = org.hotline.cti.testing.AmiFixtures.messages("live/atxfer-completed.ami.txt");
        for (var m : frames) {
            r.apply(m);
            if ("AttendedTransfer".equals(m.eventName())) {
                break;
            }
        }

        assertThat(r.tracker.call(new CallId("1796587628.2"))).get().satisfies(c -> {
            assertThat(c.state()).isEqualTo(CallState.TALKING);
            assertThat(c.agent()).isEqualTo(new AgentInterface("Local/1002@agents"));
        });
    }

    @Test
    void aCompletedAttendedTransferWithoutTransferTargetFieldsStillAnswersTheCallWithTheTargetAgent() {
        // Asterisk 22 sent this AttendedTransfer with no TransferTarget* fields (1 run in 10 of the live test)
        Replay r = replay("atxfer-completed-no-target");

        assertThat(r.lines(e -> e instanceof CallTransferred || e instanceof CallAnswered))
                .extracting(l -> l.replaceAll(" \\d+\\.\\d+ ", " ")).containsExactly(
                        "CallAnswered Local/1001@agents queue=hotline caller=13900000105 hold=1s",
                        "CallTransferred ATTENDED from=Local/1001@agents to=Local/1002@agents",
                        "CallAnswered Local/1002@agents queue=hotline caller=13900000105 hold=0s");
    }

    @Test
    void aRefusedConsultationGivesTheCallerBackToTheFirstAgent() {
        for (String capture : new String[] {"atxfer-refused", "atxfer-busy"}) {
            Replay r = replay(capture);

            assertThat(r.lines(e -> e instanceof CallHoldChanged || e instanceof CallTransferred
                    || e instanceof CallAnswered)).as(capture).extracting(l -> l.replaceAll(" \\d+\\.\\d+ ", " "))
                    .containsExactly(
                            "CallAnswered Local/1001@agents queue=hotline caller=13800138001 hold=1s",
                            "CallHoldChanged Local/1001@agents true",
                            "CallHoldChanged Local/1001@agents false");
            assertThat(r.events(AgentRinging.class)).as(capture).hasSize(1);
            assertThat(ended(r).endedBy()).as(capture).isEqualTo(CallEnded.EndedBy.CALLER);
        }
    }

    @Test
    void clickToDialIsAnOutboundCallToTheDialledNumberAnsweredWhenTheCustomerAnswers() {
        Replay r = replay("c2d-answered");

        // the Originate's Caller ID is the dialled number: the customer is looked up before the agent's phone rings
        assertThat(r.lines(e -> e instanceof CallEvent)).containsExactly(
                "CallerIdentified 1796587665.26 13900000001",
                "AgentRinging 1796587665.26 Local/1001@agents queue=null caller=13900000001 waited=0s",
                "CallAnswered 1796587665.26 Local/1001@agents queue=null caller=13900000001 hold=1s",
                "CallEnded 1796587665.26 13900000001 cause=16");
        CallEnded ended = ended(r);
        assertThat(ended.outbound()).isTrue();
        assertThat(ended.caller().number()).isEqualTo("13900000001");
        assertThat(ended.endedBy()).isEqualTo(CallEnded.EndedBy.AGENT);
    }

    @Test
    void aBusyCustomerLeavesTheClickToDialUnansweredAndEndedByThePbx() {
        Replay r = replay("c2d-busy");

        assertThat(r.events(CallAnswered.class)).isEmpty();
        assertThat(r.events(AgentRinging.class)).singleElement()
                .satisfies(ring -> assertThat(ring.caller().number()).isEqualTo("13900000001"));
        assertThat(ended(r).outbound()).isTrue();
        assertThat(ended(r).endedBy()).isEqualTo(CallEnded.EndedBy.SYSTEM);
    }

    @Test
    void anAgentWhoGivesUpOnAnUnansweredClickToDialEndsIt() {
        Replay r = replay("c2d-noanswer");

        assertThat(r.events(CallAnswered.class)).isEmpty();
        assertThat(ended(r).outbound()).isTrue();
        assertThat(ended(r).endedBy()).isEqualTo(CallEnded.EndedBy.AGENT);
    }

    @Test
    void theAgentsHangUpDuringHoldEndsTheCallAndTheHeldCustomersToo() {
        Replay agent = replay("hold-agent-hangup");
        Replay caller = replay("hold-caller-hangup");

        assertThat(agent.lines(e -> e instanceof CallHoldChanged || e instanceof CallEnded)).containsExactly(
                "CallHoldChanged 1796587681.38 Local/1001@agents true",
                "CallEnded 1796587681.38 13800138002 cause=16");
        assertThat(ended(agent).endedBy()).isEqualTo(CallEnded.EndedBy.AGENT);
        assertThat(caller.lines(e -> e instanceof CallHoldChanged || e instanceof CallEnded)).containsExactly(
                "CallHoldChanged 1796587688.42 Local/1001@agents true",
                "CallEnded 1796587688.42 13800138002 cause=16");
        assertThat(ended(caller).endedBy()).isEqualTo(CallEnded.EndedBy.CALLER);
    }
}
