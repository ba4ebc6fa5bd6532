package org.hotline.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Click-to-dial, hold and attended transfer as Hotline's call controls send them (ADR 0010, issue #3). */
class DeskActionsIntegrationTests {

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

    private CallHandle talkingWith1001() {
        CallHandle call = pbx.placeCall(CallSpec.of("13800138000", "hotline")
                .withOutcome(new Outcome.RingUntilTold("1001")).withTalkTime(Duration.ofSeconds(600)));
        call.ringing().join();
        call.answer();
        client.awaitMessage(m -> m.isEvent("AgentConnect") && m.linkedTo(call.linkedid()));
        return call;
    }

    private String agentLeg(CallHandle call) {
        return client.awaitMessage(m -> m.isEvent("AgentConnect") && m.linkedTo(call.linkedid())).get("DestChannel");
    }

    private AmiTestClient.Msg originate(String channel, String number) {
        return client.action("Originate", "Channel", channel, "Context", "hotline-dial", "Exten", number,
                "Priority", "1", "CallerID", "\"" + number + "\" <" + number + ">", "Timeout", "30000",
                "Async", "true", "Variable", "HOTLINE_AGENT=agent1001");
    }

    @Test
    void clickToDialRingsTheAgentsPhoneThenBridgesItWithTheDialledNumberAndReportsSuccess() {
        AmiTestClient.Msg r = originate("Local/1001@agents", "13800138000");
        assertThat(r.get("Response")).isEqualTo("Success");

        AmiTestClient.Msg ring = client.awaitMessage(m -> m.isEvent("DialBegin") && m.get("Channel") == null
                && m.get("DestChannel").startsWith("Local/1001@agents-"));
        assertThat(ring.get("DestCallerIDNum")).isEqualTo("13800138000");
        AmiTestClient.Msg ok = client.awaitMessage(m -> m.isEvent("OriginateResponse")
                && r.get("ActionID").equals(m.get("ActionID")));
        assertThat(ok.get("Response")).isEqualTo("Success");
        assertThat(ok.get("Channel")).isEqualTo(ring.get("DestChannel"));
        AmiTestClient.Msg trunk = client.awaitMessage(m -> m.isEvent("DialEnd")
                && ring.get("DestChannel").equals(m.get("Channel")) && "ANSWER".equals(m.get("DialStatus")));
        assertThat(trunk.get("DestChannel")).startsWith("PJSIP/trunk-");
        assertThat(trunk.get("DestLinkedid")).isEqualTo(ring.get("DestLinkedid"));
        client.awaitMessage(m -> m.isEvent("BridgeEnter") && ring.get("DestChannel").equals(m.get("Channel")));
        client.awaitMessage(m -> m.isEvent("QueueMemberStatus") && "Local/1001@agents/n".equals(m.get("Interface"))
                && "2".equals(m.get("Status")));

        assertThat(client.action("Hangup", "Channel", ring.get("DestChannel")).get("Response")).isEqualTo("Success");
        client.awaitMessage(m -> m.isEvent("Hangup") && trunk.get("DestChannel").equals(m.get("Channel")));
        client.awaitMessage(m -> m.isEvent("QueueMemberStatus") && "Local/1001@agents/n".equals(m.get("Interface"))
                && "1".equals(m.get("Status")));
    }

    @Test
    void clickToDialFromAPjsipInterfaceRingsThatAgentAndAnOfflineOrBusyPhoneFailsInItsOriginateResponse() {
        assertThat(originate("PJSIP/1002", "02788886666").get("Response")).isEqualTo("Success");
        client.awaitMessage(m -> m.isEvent("DialBegin") && m.get("DestChannel").startsWith("Local/1002@agents-"));

        pbx.phoneOnline("1003", false);
        // Async: Asterisk 22 queues the originate, and only its OriginateResponse says the phone was unreachable
        AmiTestClient.Msg offline = originate("Local/1003@agents", "13800138000");
        assertThat(offline.get("Response")).isEqualTo("Success");
        AmiTestClient.Msg failed = client.awaitMessage(m -> m.isEvent("OriginateResponse")
                && offline.get("ActionID").equals(m.get("ActionID")));
        assertThat(failed.get("Response")).isEqualTo("Failure");
        assertThat(failed.get("Reason")).isEqualTo("0");
        assertThat(originate("PJSIP/9999", "13800138000").get("Response")).isEqualTo("Error");
        pbx.phoneOnline("1003", true);
        assertThat(originate("Local/1003@agents", "13800138000").get("Response")).isEqualTo("Success");

        AmiTestClient.Msg busy = originate("Local/1002@agents", "13800138000");
        assertThat(busy.get("Response")).isEqualTo("Success");
        assertThat(client.awaitMessage(m -> m.isEvent("OriginateResponse")
                && busy.get("ActionID").equals(m.get("ActionID"))).get("Reason")).isEqualTo("5");
    }

    @Test
    void holdMovesBothLegsOutOfTheBridgeToMusicAndWaitAndBridgeJoinsThemAgain() {
        CallHandle call = talkingWith1001();
        String agent = agentLeg(call);
        String caller = call.callerChannel();
        AmiTestClient.Msg r = client.action("Redirect", "Channel", caller, "Context", "hotline-hold", "Exten", "moh",
                "Priority", "1", "ExtraChannel", agent, "ExtraContext", "hotline-hold", "ExtraExten", "wait",
                "ExtraPriority", "1");
        assertThat(r.get("Response")).isEqualTo("Success");
        AmiTestClient.Msg left = client.awaitMessage(m -> m.isEvent("BridgeLeave") && caller.equals(m.get("Channel")));
        assertThat(left.get("Context")).isEqualTo("hotline-hold");
        assertThat(left.get("Exten")).isEqualTo("moh");
        AmiTestClient.Msg agentLeft = client.awaitMessage(m -> m.isEvent("BridgeLeave")
                && agent.equals(m.get("Channel")));
        assertThat(agentLeft.get("Exten")).isEqualTo("wait");
        client.awaitMessage(m -> m.isEvent("BridgeDestroy") && left.get("BridgeUniqueid")
                .equals(m.get("BridgeUniqueid")));
        client.awaitMessage(m -> m.isEvent("MusicOnHoldStart") && caller.equals(m.get("Channel")));

        r = client.action("Bridge", "Channel1", agent, "Channel2", caller, "Tone", "no");
        assertThat(r.get("Response")).isEqualTo("Success");
        client.awaitMessage(m -> m.isEvent("MusicOnHoldStop") && caller.equals(m.get("Channel"))
                && messagesAfter(left).contains(m));
        AmiTestClient.Msg back = client.awaitMessage(m -> m.isEvent("BridgeEnter") && caller.equals(m.get("Channel"))
                && !left.get("BridgeUniqueid").equals(m.get("BridgeUniqueid")));
        client.awaitMessage(m -> m.isEvent("BridgeEnter") && agent.equals(m.get("Channel"))
                && back.get("BridgeUniqueid").equals(m.get("BridgeUniqueid")));

        assertThat(client.action("Bridge", "Channel1", agent, "Channel2", caller).get("Response"))
                .as("a talking call cannot be unheld").isEqualTo("Error");
        call.hangup();
        assertThat(call.ended().join().disposition()).isEqualTo(CallResult.Disposition.ANSWERED);
    }

    @Test
    void aCallerHangingUpOnHoldEndsTheCallAndFreesTheAgent() {
        CallHandle call = talkingWith1001();
        String agent = agentLeg(call);
        assertThat(client.action("Redirect", "Channel", call.callerChannel(), "Context", "hotline-hold", "Exten",
                "moh", "Priority", "1", "ExtraChannel", agent, "ExtraContext", "hotline-hold", "ExtraExten",
                "wait", "ExtraPriority", "1").get("Response")).isEqualTo("Success");
        client.awaitMessage(m -> m.isEvent("MusicOnHoldStart") && call.callerChannel().equals(m.get("Channel")));
        call.hangup();
        assertThat(call.ended().join().disposition()).isEqualTo(CallResult.Disposition.ANSWERED);
        client.awaitMessage(m -> m.isEvent("Hangup") && agent.equals(m.get("Channel")));
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.liveCalls() == 0);
    }

    @Test
    void attendedTransferConsultsTheTargetThenHandsTheCallerOverWhenTheTransfererHangsUp() {
        CallHandle call = talkingWith1001();
        String agent = agentLeg(call);
        AmiTestClient.Msg r = client.action("Atxfer", "Channel", agent, "Context", "hotline-transfer", "Exten",
                "1002");
        assertThat(r.get("Response")).isEqualTo("Success");
        client.awaitMessage(m -> m.isEvent("Hold") && agent.equals(m.get("Channel")));
        AmiTestClient.Msg consult = client.awaitMessage(m -> m.isEvent("DialEnd") && agent.equals(m.get("Channel"))
                && "ANSWER".equals(m.get("DialStatus")));
        String target = consult.get("DestChannel");
        assertThat(target).startsWith("Local/1002@agents-");
        client.awaitMessage(m -> m.isEvent("BridgeEnter") && target.equals(m.get("Channel")));

        assertThat(client.action("Hangup", "Channel", agent).get("Response")).isEqualTo("Success");
        AmiTestClient.Msg xfer = client.awaitMessage(m -> m.isEvent("AttendedTransfer"));
        assertThat(xfer.get("Result")).isEqualTo("Success");
        assertThat(xfer.get("TransfereeChannel")).isEqualTo(call.callerChannel());
        assertThat(xfer.get("TransferTargetChannel")).isEqualTo(target);
        assertThat(xfer.get("OrigTransfererChannel")).isEqualTo(agent);
        assertThat(xfer.get("DestBridgeUniqueid")).isEqualTo(xfer.get("OrigBridgeUniqueid"));
        client.awaitMessage(m -> m.isEvent("BridgeEnter") && target.equals(m.get("Channel"))
                && xfer.get("OrigBridgeUniqueid").equals(m.get("BridgeUniqueid")));
        AmiTestClient.Msg done = client.awaitMessage(m -> m.isEvent("AgentComplete") && m.linkedTo(call.linkedid()));
        assertThat(done.get("Reason")).isEqualTo("transfer");
        client.awaitMessage(m -> m.isEvent("Hangup") && agent.equals(m.get("Channel")));

        call.hangup();
        client.awaitMessage(m -> m.isEvent("Hangup") && target.equals(m.get("Channel")));
        assertThat(call.ended().join().disposition()).isEqualTo(CallResult.Disposition.ANSWERED);
    }

    @Test
    void attendedTransferToABusyOrUnknownExtensionIsAcceptedThenGivenUpAndTheCallGoesOn() {
        CallHandle call = talkingWith1001();
        String agent = agentLeg(call);
        // as Asterisk 22: Success, then a consultation the busy target refuses (the agent leaves and re-enters)
        AmiTestClient.Msg self = client.action("Atxfer", "Channel", agent, "Exten", "1001");
        assertThat(self.get("Response")).isEqualTo("Success");
        AmiTestClient.Msg left = client.awaitMessage(m -> m.isEvent("BridgeLeave") && agent.equals(m.get("Channel")));
        client.awaitMessage(m -> m.isEvent("Unhold") && agent.equals(m.get("Channel")));
        assertThat(messagesAfter(left)).anyMatch(m -> m.isEvent("BridgeEnter") && agent.equals(m.get("Channel"))
                && left.get("BridgeUniqueid").equals(m.get("BridgeUniqueid")));
        // no such target: Hold and Unhold, and the agent's leg never leaves the bridge
        int mark = client.messages().size();
        AmiTestClient.Msg unknown = client.action("Atxfer", "Channel", agent, "Exten", "4711");
        assertThat(unknown.get("Response")).isEqualTo("Success");
        await().atMost(Duration.ofSeconds(5)).until(() -> client.messages().subList(mark, client.messages().size())
                .stream().anyMatch(m -> m.isEvent("Unhold") && agent.equals(m.get("Channel"))));
        assertThat(client.messages().subList(mark, client.messages().size()))
                .anyMatch(m -> m.isEvent("Hold") && agent.equals(m.get("Channel")))
                .noneMatch(m -> m.isEvent("BridgeLeave") && agent.equals(m.get("Channel")));
        assertThat(client.action("Atxfer", "Channel", "Local/1001@agents-0000ffff;1", "Exten", "1002")
                .get("Message")).isEqualTo("Channel specified does not exist");
        assertThat(call.ended()).isNotDone();
    }

    @Test
    void setvarSetsAChannelVariableWithItsVarSetAndRefusesAChannelThatDoesNotExist() {
        CallHandle call = talkingWith1001();
        String agent = agentLeg(call);
        assertThat(client.action("Setvar", "Channel", agent, "Variable", "HOTLINE_HELD_PEER", "Value",
                call.callerChannel()).get("Response")).isEqualTo("Success");
        client.awaitMessage(m -> m.isEvent("VarSet") && agent.equals(m.get("Channel"))
                && "HOTLINE_HELD_PEER".equals(m.get("Variable")) && call.callerChannel().equals(m.get("Value")));
        assertThat(client.action("Setvar", "Channel", "Local/1001@agents-0000ffff;1", "Variable", "X", "Value", "1")
                .get("Message")).isEqualTo("No such channel");
    }

    private List<AmiTestClient.Msg> messagesAfter(AmiTestClient.Msg m) {
        List<AmiTestClient.Msg> all = client.messages();
        return all.subList(all.indexOf(m), all.size());
    }
}
