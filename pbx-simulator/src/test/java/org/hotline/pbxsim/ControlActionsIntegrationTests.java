package org.hotline.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AMI actions Hotline's desk and call controls send (issue #3): queue membership, pause reasons, transfers. */
class ControlActionsIntegrationTests {

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

    private String answeredBy(String ext, CallHandle call) {
        call.ringing().join();
        call.answer();
        return client.awaitMessage(m -> m.isEvent("AgentConnect") && m.linkedTo(call.linkedid())).get("DestChannel");
    }

    @Test
    void aPauseNamingTheInterfaceWithoutTheLocalOptionIsRefusedAsAsteriskDoes() {
        // Asterisk 22 matches the member interface exactly: Local/1002@agents is not Local/1002@agents/n
        AmiTestClient.Msg wrong = client.action("QueuePause", "Interface", "Local/1002@agents", "Paused", "true",
                "Reason", "wrapup");
        assertThat(wrong.get("Response")).isEqualTo("Error");
        assertThat(wrong.get("Message")).isEqualTo("Interface not found");
        AmiTestClient.Msg r = client.action("QueuePause", "Interface", "Local/1002@agents/n", "Paused", "true",
                "Reason", "wrapup");
        assertThat(r.get("Message")).isEqualTo("Interface paused successfully");
        AmiTestClient.Msg e = client.awaitMessage(m -> m.isEvent("QueueMemberPause")
                && "Local/1002@agents/n".equals(m.get("Interface")));
        assertThat(e.get("PausedReason")).isEqualTo("wrapup");
        assertThat(e.get("Paused")).isEqualTo("1");
    }

    @Test
    void addingALabMemberAgainIsAlreadyThereAndADynamicMemberComesAndGoesWithEvents() {
        assertThat(client.action("QueueAdd", "Queue", "hotline", "Interface", "Local/1001@agents/n").get("Message"))
                .isEqualTo("Unable to add interface: Already there");
        assertThat(client.action("QueueAdd", "Queue", "gas", "Interface", "Local/3001@agents", "MemberName",
                "坐席3001", "Paused", "false").get("Response")).isEqualTo("Success");
        client.awaitMessage(m -> m.isEvent("QueueMemberAdded") && "Local/3001@agents".equals(m.get("Interface")));
        assertThat(client.action("QueueRemove", "Queue", "gas", "Interface", "Local/3001@agents").get("Response"))
                .isEqualTo("Success");
        client.awaitMessage(m -> m.isEvent("QueueMemberRemoved") && "Local/3001@agents".equals(m.get("Interface")));
        assertThat(client.action("QueueRemove", "Queue", "gas", "Interface", "Local/3001@agents").get("Message"))
                .isEqualTo("Unable to remove interface: Not there");
    }

    @Test
    void theInterfaceWithoutTheLocalOptionIsAnotherMemberAsInAsterisk() {
        assertThat(client.action("QueueAdd", "Queue", "hotline", "Interface", "Local/1001@agents").get("Message"))
                .isEqualTo("Added interface to queue");
        assertThat(client.action("QueueRemove", "Queue", "hotline", "Interface", "Local/1001@agents").get("Message"))
                .isEqualTo("Removed interface from queue");
        assertThat(client.action("QueueRemove", "Queue", "hotline", "Interface", "Local/1001@agents").get("Message"))
                .isEqualTo("Unable to remove interface: Not there");
        assertThat(client.action("QueuePause", "Queue", "nosuch", "Interface", "Local/1001@agents/n", "Paused",
                "true").get("Message")).isEqualTo("Interface not found");
    }

    @Test
    void blindTransferOfTheAgentLegToAnExtensionDialsThatAgent() {
        CallHandle call = pbx.placeCall(CallSpec.of("13800138000", "hotline")
                .withOutcome(new Outcome.RingUntilTold("1001")).withTalkTime(Duration.ofSeconds(600)));
        String agentLeg = answeredBy("1001", call);
        AmiTestClient.Msg r = client.action("BlindTransfer", "Channel", agentLeg, "Context", "hotline-transfer",
                "Exten", "1002");
        assertThat(r.get("Response")).isEqualTo("Success");
        client.awaitMessage(m -> m.isEvent("BlindTransfer") && m.linkedTo(call.linkedid()));
        AmiTestClient.Msg dial = client.awaitMessage(m -> m.isEvent("DialBegin") && m.linkedTo(call.linkedid())
                && m.get("DestChannel") != null && m.get("DestChannel").startsWith("Local/1002@agents"));
        assertThat(dial.get("DestChannel")).startsWith("Local/1002@agents");
    }

    @Test
    void blindTransferToAQueueSendsTheCallerIntoThatQueue() {
        CallHandle call = pbx.placeCall(CallSpec.of("13800138000", "hotline")
                .withOutcome(new Outcome.RingUntilTold("1001")).withTalkTime(Duration.ofSeconds(600)));
        String agentLeg = answeredBy("1001", call);
        assertThat(client.action("BlindTransfer", "Channel", agentLeg, "Context", "hotline-transfer", "Exten",
                "q-gas").get("Response")).isEqualTo("Success");
        AmiTestClient.Msg transfer = client.awaitMessage(m -> m.isEvent("BlindTransfer")
                && agentLeg.equals(m.get("TransfererChannel")));
        assertThat(transfer.get("Result")).isEqualTo("Success");
        assertThat(transfer.get("Extension")).isEqualTo("q-gas");
        client.awaitMessage(m -> m.isEvent("QueueCallerJoin") && m.linkedTo(call.linkedid())
                && "gas".equals(m.get("Queue")));
    }

    @Test
    void blindTransferOfAChannelThatIsNotATalkingAgentLegFails() {
        assertThat(client.action("BlindTransfer", "Channel", "Local/1001@agents-0000ffff;1", "Exten", "1002")
                .get("Message")).isEqualTo("No such channel");
    }

    @Test
    void showDialPlanListsATransferTargetOfTheShippedContextAndRefusesOneItLacks() {
        AmiTestClient.Msg agent = client.action("ShowDialPlan", "Context", "hotline-transfer", "Extension", "1002");
        assertThat(agent.get("Response")).isEqualTo("Success");
        AmiTestClient.Msg done = client.awaitMessage(m -> m.isEvent("ShowDialPlanComplete")
                && agent.get("ActionID").equals(m.get("ActionID")));
        assertThat(done.get("ListItems")).isEqualTo("3");
        assertThat(client.action("ShowDialPlan", "Context", "hotline-transfer", "Extension", "q-gas")
                .get("Response")).isEqualTo("Success");
        assertThat(client.action("ShowDialPlan", "Context", "hotline-transfer", "Extension", "9999")
                .get("Message")).isEqualTo("Did not find extension 9999@hotline-transfer");
    }

    @Test
    void originateFromAnUnknownPhoneAnswersError() {
        AmiTestClient.Msg r = client.action("Originate", "Channel", "PJSIP/9999", "Context", "hotline-dial",
                "Exten", "13800138000", "Priority", "1", "Async", "true");
        assertThat(r.get("Response")).isEqualTo("Error");
    }
}
