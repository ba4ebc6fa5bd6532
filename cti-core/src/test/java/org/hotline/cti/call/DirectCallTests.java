package org.hotline.cti.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cti.call.Frames.dialBegin;
import static org.hotline.cti.call.Frames.dialEnd;
import static org.hotline.cti.call.Frames.event;
import static org.hotline.cti.call.Frames.hangup;
import static org.hotline.cti.call.Frames.member;
import static org.hotline.cti.call.Frames.newChannel;
import static org.hotline.cti.call.Frames.onChannel;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenarios the lab captures lack: SIP phones dialled directly, hold, attended transfer. */
class DirectCallTests {

    private static final String TRUNK = "PJSIP/trunk-00000001";
    private static final String PHONE = "PJSIP/1001-00000002";

    private final Replay r = new Replay();

    @BeforeEach
    void agentAndCaller() {
        r.apply(member("99.0", "PJSIP/1001", "hotline", 1));
        r.apply(member("99.0", "PJSIP/1002", "hotline", 1));
        r.apply(newChannel("100.0", TRUNK, "100.1", "100.1", "02788886666"));
        r.events.clear();
    }

    private void ringAgent1001() {
        r.apply(newChannel("100.5", PHONE, "100.2", "100.1", "1001"));
        r.apply(dialBegin("100.5", TRUNK, "100.1", "100.1", "02788886666", PHONE, "100.2"));
    }

    @Test
    void directDialToAMemberRingsAndAnswersWithoutQueue() {
        ringAgent1001();
        r.apply(dialEnd("104.5", "100.1", "100.1", PHONE, "100.2", "ANSWER"));

        assertThat(r.lines()).containsExactly(
                "AgentRinging 100.1 PJSIP/1001 queue=null caller=02788886666 waited=0s",
                "CallAnswered 100.1 PJSIP/1001 queue=null caller=02788886666 hold=4s");
        assertThat(r.events(AgentRinging.class).get(0).memberName()).isEqualTo("Agent PJSIP/1001");
        assertThat(r.tracker.calls()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(CallState.TALKING);
            assertThat(c.queue()).isNull();
        });
    }

    @Test
    void busyAndUnansweredDirectDialsStopTheRingWithTheirReason() {
        ringAgent1001();
        r.apply(dialEnd("101.0", "100.1", "100.1", PHONE, "100.2", "BUSY"));
        r.apply(newChannel("102.0", "PJSIP/1002-00000003", "100.3", "100.1", "1002"));
        r.apply(dialBegin("102.0", TRUNK, "100.1", "100.1", "02788886666", "PJSIP/1002-00000003", "100.3"));
        r.apply(dialEnd("122.0", "100.1", "100.1", "PJSIP/1002-00000003", "100.3", "NOANSWER"));

        assertThat(r.lines(e -> e instanceof AgentRingStopped)).containsExactly(
                "AgentRingStopped 100.1 PJSIP/1001 FAILED ring=500ms",
                "AgentRingStopped 100.1 PJSIP/1002 NO_ANSWER ring=20000ms");
        assertThat(r.tracker.calls()).singleElement().extracting(CallView::state).isEqualTo(CallState.DIALPLAN);
    }

    @Test
    void dialFromAnAgentPhoneToAnOutsideNumberIsNoAgentRing() {
        r.apply(newChannel("200.0", "PJSIP/1001-00000009", "200.1", "200.1", "1001"));
        r.apply(newChannel("200.1", "PJSIP/trunk-0000000a", "200.2", "200.1", "13800138000"));
        r.apply(dialBegin("200.1", "PJSIP/1001-00000009", "200.1", "200.1", "1001", "PJSIP/trunk-0000000a", "200.2"));

        // the agent's own number, which nobody is looked up by (not a phone number of the plan), and no ring
        assertThat(r.lines()).containsExactly("CallerIdentified 200.1 1001");
    }

    @Test
    void holdAndUnholdAreReportedOnceEachWithTheAgent() {
        ringAgent1001();
        r.apply(dialEnd("101.0", "100.1", "100.1", PHONE, "100.2", "ANSWER"));
        r.events.clear();

        r.apply(onChannel("Hold", "110.0", PHONE, "100.2", "100.1"));
        assertThat(r.tracker.calls()).singleElement().extracting(CallView::state).isEqualTo(CallState.ON_HOLD);
        r.apply(onChannel("Hold", "111.0", PHONE, "100.2", "100.1"));
        r.apply(onChannel("Unhold", "120.0", PHONE, "100.2", "100.1"));
        r.apply(onChannel("Unhold", "121.0", PHONE, "100.2", "100.1"));

        assertThat(r.lines()).containsExactly(
                "CallHoldChanged 100.1 PJSIP/1001 true",
                "CallHoldChanged 100.1 PJSIP/1001 false");
    }

    @Test
    void agentHangingUpFirstLeavesTheCallerInTheDialplanUntilTheCallerHangsUp() {
        ringAgent1001();
        r.apply(dialEnd("101.0", "100.1", "100.1", PHONE, "100.2", "ANSWER"));
        r.apply(hangup("130.0", PHONE, "100.2", "100.1", "16"));

        assertThat(r.tracker.calls()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(CallState.DIALPLAN);
            assertThat(c.agent()).isNull();
        });
        r.apply(hangup("160.0", TRUNK, "100.1", "100.1", "16"));
        assertThat(r.lines(e -> e instanceof CallEnded)).containsExactly("CallEnded 100.1 02788886666 cause=16");
        assertThat(r.tracker.calls()).isEmpty();
    }

    @Test
    void attendedTransferHandsTheCallerToTheConsultedAgent() {
        ringAgent1001();
        r.apply(dialEnd("101.0", "100.1", "100.1", PHONE, "100.2", "ANSWER"));
        r.apply(onChannel("BridgeEnter", "101.0", TRUNK, "100.1", "100.1", "BridgeUniqueid", "b-1"));
        r.apply(onChannel("BridgeEnter", "101.0", PHONE, "100.2", "100.1", "BridgeUniqueid", "b-1"));
        // 1001's phone consults 1002 on a second call
        r.apply(newChannel("110.0", "PJSIP/1001-00000004", "110.1", "110.1", "1001"));
        r.apply(newChannel("110.0", "PJSIP/1002-00000005", "110.2", "110.1", "1002"));
        r.apply(dialBegin("110.0", "PJSIP/1001-00000004", "110.1", "110.1", "1001", "PJSIP/1002-00000005",
                "110.2"));
        r.apply(dialEnd("112.0", "110.1", "110.1", "PJSIP/1002-00000005", "110.2", "ANSWER"));
        r.apply(onChannel("BridgeEnter", "112.0", "PJSIP/1002-00000005", "110.2", "110.1", "BridgeUniqueid", "b-2"));
        r.events.clear();

        r.apply(event("AttendedTransfer", "Timestamp", "120.0", "Result", "Success",
                "OrigTransfererChannel", PHONE, "OrigTransfererUniqueid", "100.2", "OrigBridgeUniqueid", "b-1",
                "SecondTransfererChannel", "PJSIP/1001-00000004", "SecondTransfererUniqueid", "110.1",
                "SecondBridgeUniqueid", "b-2", "DestType", "Bridge", "TransfereeUniqueid", "100.1"));

        assertThat(r.lines()).containsExactly("CallTransferred 100.1 ATTENDED from=PJSIP/1001 to=PJSIP/1002",
                "CallAnswered 100.1 PJSIP/1002 queue=null caller=02788886666 hold=0s");
        assertThat(r.tracker.call(new CallId("100.1"))).get().satisfies(c -> {
            assertThat(c.state()).isEqualTo(CallState.TALKING);
            assertThat(c.agent()).isEqualTo(new AgentInterface("PJSIP/1002"));
        });
    }

    @Test
    void failedTransfersAreNoEvents() {
        ringAgent1001();
        r.apply(dialEnd("101.0", "100.1", "100.1", PHONE, "100.2", "ANSWER"));
        r.events.clear();

        r.apply(event("BlindTransfer", "Timestamp", "120.0", "Result", "Fail", "TransfererUniqueid", "100.2",
                "TransfereeUniqueid", "100.1", "Extension", "2002", "Context", "transfer"));
        r.apply(event("AttendedTransfer", "Timestamp", "120.0", "Result", "Invalid", "OrigTransfererUniqueid",
                "100.2"));

        assertThat(r.events).isEmpty();
        assertThat(r.tracker.calls()).singleElement().extracting(CallView::state).isEqualTo(CallState.TALKING);
    }

    @Test
    void redirectStraightIntoAQueueWithoutBridgeLeaveIsStillATransfer() {
        ringAgent1001();
        r.apply(dialEnd("101.0", "100.1", "100.1", PHONE, "100.2", "ANSWER"));
        r.events.clear();

        r.apply(onChannel("QueueCallerJoin", "130.0", TRUNK, "100.1", "100.1", "Queue", "gas", "Position", "1",
                "CallerIDNum", "02788886666"));

        assertThat(r.lines()).containsExactly(
                "CallTransferred 100.1 REDIRECT from=PJSIP/1001 to=gas",
                "CallQueued 100.1 gas 02788886666 '' pos=1");
    }
}
