package org.hotline.cti.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cti.call.Frames.dialBegin;
import static org.hotline.cti.call.Frames.dialEnd;
import static org.hotline.cti.call.Frames.event;
import static org.hotline.cti.call.Frames.member;
import static org.hotline.cti.call.Frames.newChannel;
import static org.hotline.cti.call.Frames.onChannel;

import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.ami.AmiMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Hotline's own call controls (ADR 0010) look like to the tracker: click-to-dial and hold by Redirect. */
class ControlCallTrackingTests {

    private static final String TRUNK = "PJSIP/trunk-00000001";
    private static final String PHONE = "PJSIP/1001-00000002";
    private static final CallId CALL = new CallId("100.1");
    private static final AgentInterface AGENT = new AgentInterface("PJSIP/1001");

    private final Replay r = new Replay();

    @BeforeEach
    void agent() {
        r.apply(member("99.0", "PJSIP/1001", "hotline", 1));
        r.events.clear();
    }

    /** An Originate's DialBegin/DialEnd name only the dialled channel (capture 01's lab driver does the same). */
    private static AmiMessage originateDial(String event, String ts, String dest, String uid, String... more) {
        List<String> f = new ArrayList<>(List.of("Timestamp", ts, "DestChannel", dest,
                "DestUniqueid", uid, "DestLinkedid", uid, "DestCallerIDNum", "13800138000", "DestCallerIDName",
                "13800138000"));
        f.addAll(List.of(more));
        return event(event, f.toArray(String[]::new));
    }

    @Test
    void clickToDialRingsTheAgentWithTheDialledNumberAndIsAnsweredWhenTheCustomerAnswers() {
        r.apply(newChannel("300.0", "PJSIP/1001-00000009", "300.1", "300.1", "13800138000"));
        r.apply(originateDial("DialBegin", "300.0", "PJSIP/1001-00000009", "300.1", "DialString", "1001"));
        r.apply(originateDial("DialEnd", "301.0", "PJSIP/1001-00000009", "300.1", "DialStatus", "ANSWER"));
        r.apply(newChannel("301.0", "PJSIP/trunk-0000000a", "300.2", "300.1", "13800138000"));
        r.apply(dialBegin("301.0", "PJSIP/1001-00000009", "300.1", "300.1", "95598", "PJSIP/trunk-0000000a",
                "300.2"));
        assertThat(r.lines()).containsExactly("CallerIdentified 300.1 13800138000",
                "AgentRinging 300.1 PJSIP/1001 queue=null caller=13800138000 waited=0s");
        // the customer's leg is the call's other party, for hold and ownership
        assertThat(r.tracker.callerChannel(new CallId("300.1"))).contains("PJSIP/trunk-0000000a");

        r.apply(dialEnd("304.0", "300.1", "300.1", "PJSIP/trunk-0000000a", "300.2", "ANSWER"));

        assertThat(r.lines()).containsExactly("CallerIdentified 300.1 13800138000",
                "AgentRinging 300.1 PJSIP/1001 queue=null caller=13800138000 waited=0s",
                "CallAnswered 300.1 PJSIP/1001 queue=null caller=13800138000 hold=3s");
        assertThat(r.tracker.call(new CallId("300.1"))).get().satisfies(c -> {
            assertThat(c.state()).isEqualTo(CallState.TALKING);
            assertThat(c.agent()).isEqualTo(AGENT);
        });
    }

    @Test
    void anOriginateOfAChannelThatIsNoMemberIsNoRing() {
        r.apply(newChannel("300.0", "Local/s@callers-00000000;1", "300.1", "300.1", "<unknown>"));
        r.apply(originateDial("DialBegin", "300.0", "Local/s@callers-00000000;1", "300.1", "DialString",
                "s@callers"));

        assertThat(r.events).isEmpty();
    }

    @Test
    void redirectingTheCallerToMusicIsHoldAndBridgingItBackIsUnholdNotATransfer() {
        r.apply(newChannel("100.0", TRUNK, "100.1", "100.1", "02788886666"));
        r.apply(newChannel("100.5", PHONE, "100.2", "100.1", "1001"));
        r.apply(dialBegin("100.5", TRUNK, "100.1", "100.1", "02788886666", PHONE, "100.2"));
        r.apply(dialEnd("101.0", "100.1", "100.1", PHONE, "100.2", "ANSWER"));
        r.apply(onChannel("BridgeEnter", "101.0", TRUNK, "100.1", "100.1", "BridgeUniqueid", "b-1", "Context",
                "from-trunk", "Exten", "s"));
        r.apply(onChannel("BridgeEnter", "101.0", PHONE, "100.2", "100.1", "BridgeUniqueid", "b-1", "Context",
                "agents", "Exten", "1001"));
        r.events.clear();

        r.apply(onChannel("BridgeLeave", "110.0", TRUNK, "100.1", "100.1", "BridgeUniqueid", "b-1", "Context",
                "hotline-hold", "Exten", "moh"));
        r.apply(onChannel("BridgeLeave", "110.0", PHONE, "100.2", "100.1", "BridgeUniqueid", "b-1", "Context",
                "hotline-hold", "Exten", "wait"));
        r.apply(onChannel("MusicOnHoldStart", "110.1", TRUNK, "100.1", "100.1", "Class", "default"));
        assertThat(r.tracker.call(CALL)).get().satisfies(c -> {
            assertThat(c.state()).isEqualTo(CallState.ON_HOLD);
            assertThat(c.agent()).isEqualTo(AGENT);
        });
        // out of any bridge, the legs are still named by the channels that talked, for the Bridge back
        assertThat(r.tracker.agentChannel(CALL, AGENT)).contains(PHONE);
        assertThat(r.tracker.callerChannel(CALL)).contains(TRUNK);

        r.apply(onChannel("MusicOnHoldStop", "120.0", TRUNK, "100.1", "100.1"));
        r.apply(onChannel("BridgeEnter", "120.0", PHONE, "100.2", "100.1", "BridgeUniqueid", "b-2", "Context",
                "hotline-hold", "Exten", "wait"));
        r.apply(onChannel("BridgeEnter", "120.0", TRUNK, "100.1", "100.1", "BridgeUniqueid", "b-2", "Context",
                "hotline-hold", "Exten", "moh"));

        assertThat(r.lines()).containsExactly(
                "CallHoldChanged 100.1 PJSIP/1001 true",
                "CallHoldChanged 100.1 PJSIP/1001 false");
        assertThat(r.tracker.call(CALL)).get().extracting(CallView::state).isEqualTo(CallState.TALKING);
    }
}
