package org.hotline.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where the simulator follows what Asterisk 22 was seen to send (testdata/ami/live): a queue timeout, the end of an
 * attended transfer and click-to-dial's channel variables.
 */
class AsteriskParityIntegrationTests {

    private PbxSimulator pbx;
    private AmiTestClient client;

    @BeforeEach
    void start() {
        pbx = PbxSimulator.start(SimulatorConfig.defaults().withSpeed(20));
        client = AmiTestClient.loggedIn(pbx.port());
    }

    @AfterEach
    void stop() {
        client.close();
        pbx.close();
    }

    private List<String> namesOf(String linkedid, String... names) {
        List<String> wanted = List.of(names);
        return client.events().stream().filter(m -> m.linkedTo(linkedid) && wanted.contains(m.event()))
                .map(AmiTestClient.Msg::event).toList();
    }

    @Test
    void aQueueTimeoutAbandonsWithTheCallerStillUpThenPlaysTheAfterQueueMessageAndHangsUp() {
        CallHandle call = pbx.placeCall(CallSpec.of("13800138000", "hotline").withVariable("HOTLINE_MAX_WAIT", "2")
                .withOutcome(new Outcome.RingUntilTold("1001")).withPatience(Duration.ofSeconds(120)));

        assertThat(call.ended().join().disposition()).isEqualTo(CallResult.Disposition.TIMED_OUT);
        String caller = call.callerChannel();
        client.awaitMessage(m -> m.isEvent("Hangup") && caller.equals(m.get("Channel")));
        List<String> order = client.events().stream().filter(m -> caller.equals(m.get("Channel"))
                && List.of("HangupRequest", "SoftHangupRequest", "QueueCallerAbandon", "MusicOnHoldStop",
                        "QueueCallerLeave", "Hangup").contains(m.event())
                || m.isEvent("VarSet") && caller.equals(m.get("Channel")) && "QUEUESTATUS".equals(m.get("Variable")))
                .map(m -> m.isEvent("VarSet") ? "QUEUESTATUS=" + m.get("Value") : m.event()).toList();
        assertThat(order).containsExactly("QueueCallerAbandon", "MusicOnHoldStop", "QueueCallerLeave",
                "QUEUESTATUS=TIMEOUT", "SoftHangupRequest", "Hangup");
        AmiTestClient.Msg hungUp = client.events().stream().filter(m -> m.isEvent("SoftHangupRequest")
                && caller.equals(m.get("Channel"))).findFirst().orElseThrow();
        assertThat(hungUp.get("Context")).isEqualTo("hotline-after-queue");
    }

    @Test
    void aCompletedAttendedTransferStopsTheCallersMusicBeforeAttendedTransferAndSendsNoUnhold() {
        CallHandle call = pbx.placeCall(CallSpec.of("13800138000", "hotline")
                .withOutcome(new Outcome.RingUntilTold("1001")).withTalkTime(Duration.ofSeconds(600)));
        call.ringing().join();
        call.answer();
        String agent = client.awaitMessage(m -> m.isEvent("AgentConnect") && m.linkedTo(call.linkedid()))
                .get("DestChannel");
        client.action("Atxfer", "Channel", agent, "Context", "hotline-transfer", "Exten", "1002");
        String target = client.awaitMessage(m -> m.isEvent("DialEnd") && agent.equals(m.get("Channel"))
                && "ANSWER".equals(m.get("DialStatus"))).get("DestChannel");
        client.awaitMessage(m -> m.isEvent("BridgeEnter") && target.equals(m.get("Channel")));

        client.action("Hangup", "Channel", agent);
        client.awaitMessage(m -> m.isEvent("AttendedTransfer"));

        assertThat(namesOf(call.linkedid(), "Hold", "Unhold", "MusicOnHoldStart", "MusicOnHoldStop"))
                .endsWith("Hold", "MusicOnHoldStart", "MusicOnHoldStop");
        List<AmiTestClient.Msg> all = client.events();
        int stop = all.indexOf(all.stream().filter(m -> m.isEvent("MusicOnHoldStop")
                && call.callerChannel().equals(m.get("Channel"))).reduce((a, b) -> b).orElseThrow());
        int xfer = all.indexOf(all.stream().filter(m -> m.isEvent("AttendedTransfer")).findFirst().orElseThrow());
        assertThat(stop).isLessThan(xfer);
        call.hangup();
        call.ended().join();
    }

    @Test
    void clickToDialsVariablesAreChannelVariablesOfBothHalvesOfTheAgentsLeg() {
        client.action("Originate", "Channel", "Local/1001@agents/n", "Context", "hotline-dial", "Exten",
                "13900000001", "Priority", "1", "CallerID", "\"13900000001\" <13900000001>", "Async", "true",
                "Variable", "HOTLINE_AGENT=agent1001", "Variable", "HOTLINE_DIALLED=13900000001");

        AmiTestClient.Msg ring = client.awaitMessage(m -> m.isEvent("DialBegin") && m.get("Channel") == null);
        assertThat(ring.headers()).contains(java.util.Map.entry("DestChanVariable", "HOTLINE_DIALLED=13900000001"),
                java.util.Map.entry("DestChanVariable", "HOTLINE_AGENT=agent1001"));
        String half2 = ring.get("DestChannel").replace(";1", ";2");
        assertThat(client.events()).anySatisfy(m -> {
            assertThat(m.isEvent("VarSet") && half2.equals(m.get("Channel"))
                    && "HOTLINE_DIALLED".equals(m.get("Variable"))).isTrue();
        });
        client.action("Hangup", "Channel", ring.get("DestChannel"));
    }
}
