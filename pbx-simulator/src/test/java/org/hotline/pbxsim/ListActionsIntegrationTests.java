package org.hotline.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListActionsIntegrationTests {

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

    private static List<AmiTestClient.Msg> items(List<AmiTestClient.Msg> list, String event) {
        return list.stream().filter(m -> m.isEvent(event)).toList();
    }

    @Test
    void ringingCallAppearsInCoreShowChannels() {
        CallHandle call = pbx.placeCall(CallSpec.of("13800138000", "hotline").withOutcome(Outcome.ringUntilTold("1002")));
        assertThat(call.ringing().join()).isEqualTo("Local/1002@agents/n");
        List<AmiTestClient.Msg> list = client.list("CoreShowChannels");
        assertThat(list.get(0).get("Message")).isEqualTo("Channels will follow");
        assertThat(list.get(0).get("EventList")).isEqualTo("start");
        List<AmiTestClient.Msg> channels = items(list, "CoreShowChannel");
        assertThat(channels).hasSize(4);
        assertThat(channels).allSatisfy(c -> assertThat(c.get("Linkedid")).isEqualTo(call.linkedid()));
        AmiTestClient.Msg agentLeg = channels.stream().filter(c -> c.get("Channel").startsWith("Local/1002@agents-")
                && c.get("Channel").endsWith(";1")).findFirst().orElseThrow();
        assertThat(agentLeg.get("ChannelStateDesc")).isEqualTo("Ringing");
        assertThat(agentLeg.get("CallerIDNum")).isEqualTo("s");
        assertThat(agentLeg.get("ConnectedLineNum")).isEqualTo("13800138000");
        assertThat(agentLeg.get("Application")).isEqualTo("AppQueue");
        AmiTestClient.Msg caller = channels.stream().filter(c -> c.get("Channel").equals(call.callerChannel()))
                .findFirst().orElseThrow();
        assertThat(caller.get("Application")).isEqualTo("Queue");
        assertThat(caller.get("ApplicationData")).isEqualTo("hotline");
        AmiTestClient.Msg done = list.get(list.size() - 1);
        assertThat(done.event()).isEqualTo("CoreShowChannelsComplete");
        assertThat(done.get("ListItems")).isEqualTo("4");
    }

    @Test
    void answeringAHeldCallBridgesItAndHangupEndsIt() {
        CallHandle call = pbx.placeCall(CallSpec.of("13800138000", "hotline").withOutcome(Outcome.ringUntilTold("1001")));
        call.ringing().join();
        call.answer();
        client.awaitMessage(m -> m.isEvent("AgentConnect") && call.linkedid().equals(m.get("Linkedid")));
        List<AmiTestClient.Msg> channels = items(client.list("CoreShowChannels"), "CoreShowChannel");
        assertThat(channels.stream().filter(c -> !c.get("BridgeId").isEmpty())).hasSize(2);
        call.hangup();
        CallResult result = call.ended().join();
        assertThat(result.disposition()).isEqualTo(CallResult.Disposition.ANSWERED);
        AmiTestClient.Msg complete = client.awaitMessage(m -> m.isEvent("AgentComplete"));
        assertThat(complete.get("Reason")).isEqualTo("caller");
        assertThat(items(client.list("CoreShowChannels"), "CoreShowChannel")).isEmpty();
    }

    @Test
    void pausedMemberShowsInQueueStatus() {
        AmiTestClient.Msg r = client.action("QueuePause", "Interface", "Local/1003@agents/n", "Paused", "true",
                "Queue", "hotline", "Reason", "lunch");
        assertThat(r.get("Message")).isEqualTo("Interface paused successfully");
        AmiTestClient.Msg event = client.awaitMessage(m -> m.isEvent("QueueMemberPause"));
        assertThat(event.get("PausedReason")).isEqualTo("lunch");
        List<AmiTestClient.Msg> list = client.list("QueueStatus", "Queue", "hotline");
        List<AmiTestClient.Msg> members = items(list, "QueueMember");
        assertThat(members).extracting(m -> m.get("Name"))
                .containsExactly("Agent 1001", "Agent 1002", "Agent 1003", "Agent 1004");
        AmiTestClient.Msg m1003 = members.get(2);
        assertThat(m1003.get("Location")).isEqualTo("Local/1003@agents/n");
        assertThat(m1003.get("Paused")).isEqualTo("1");
        assertThat(m1003.get("PausedReason")).isEqualTo("lunch");
        assertThat(members.get(0).get("Paused")).isEqualTo("0");
        assertThat(items(list, "QueueParams").get(0).get("Strategy")).isEqualTo("rrmemory");
        assertThat(list.get(list.size() - 1).get("ListItems")).isEqualTo("5");
    }

    @Test
    void waitingCallerShowsAsQueueEntryAndInQueueSummary() {
        for (String ext : List.of("1001", "1002", "1003", "1004")) {
            client.action("QueuePause", "Interface", "Local/" + ext + "@agents/n", "Paused", "true");
        }
        CallHandle call = pbx.placeCall(CallSpec.of("02788886666", "hotline"));
        client.awaitMessage(m -> m.isEvent("QueueCallerJoin"));
        List<AmiTestClient.Msg> entries = items(client.list("QueueStatus", "Queue", "hotline"), "QueueEntry");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("Channel")).isEqualTo(call.callerChannel());
        assertThat(entries.get(0).get("CallerIDNum")).isEqualTo("02788886666");
        assertThat(entries.get(0).get("CallerIDName")).isEqualTo("unknown");
        AmiTestClient.Msg summary = items(client.list("QueueSummary", "Queue", "hotline"), "QueueSummary").get(0);
        assertThat(summary.get("Callers")).isEqualTo("1");
        assertThat(summary.get("LoggedIn")).isEqualTo("4");
        assertThat(summary.get("Available")).isEqualTo("0");
        client.action("QueuePause", "Interface", "Local/1002@agents/n", "Paused", "false");
        assertThat(call.ringing().join()).isEqualTo("Local/1002@agents/n");
    }

    @Test
    void queueAddAndRemoveEmitMemberEvents() {
        AmiTestClient.Msg added = client.action("QueueAdd", "Queue", "gas", "Interface", "Local/1001@agents/n",
                "Penalty", "2", "MemberName", "Agent 1001", "StateInterface", "hint:1001@agents");
        assertThat(added.get("Message")).isEqualTo("Added interface to queue");
        AmiTestClient.Msg event = client.awaitMessage(m -> m.isEvent("QueueMemberAdded"));
        assertThat(event.get("Membership")).isEqualTo("dynamic");
        assertThat(event.get("Penalty")).isEqualTo("2");
        assertThat(items(client.list("QueueStatus", "Queue", "gas"), "QueueMember")).hasSize(5);
        assertThat(client.action("QueueRemove", "Queue", "gas", "Interface", "Local/1001@agents/n").get("Message"))
                .isEqualTo("Removed interface from queue");
        assertThat(client.awaitMessage(m -> m.isEvent("QueueMemberRemoved")).get("Queue")).isEqualTo("gas");
        assertThat(client.action("QueueRemove", "Queue", "gas", "Interface", "Local/2001@agents/n").get("Message"))
                .isEqualTo("Unable to remove interface: Not dynamic");
    }

    @Test
    void configuredMembersMadeDynamicCanBeRemovedAndAddedAgain() throws Exception {
        pbx.membersDynamic();
        assertThat(client.action("QueueRemove", "Queue", "gas", "Interface", "Local/2001@agents/n").get("Message"))
                .isEqualTo("Removed interface from queue");
        assertThat(client.awaitMessage(m -> m.isEvent("QueueMemberRemoved")).get("Interface"))
                .isEqualTo("Local/2001@agents/n");
        assertThat(items(client.list("QueueStatus", "Queue", "gas"), "QueueMember")).hasSize(3);
        assertThat(client.action("QueueAdd", "Queue", "gas", "Interface", "Local/2001@agents/n").get("Message"))
                .isEqualTo("Added interface to queue");
        assertThat(items(client.list("QueueStatus", "Queue", "gas"), "QueueMember")).hasSize(4);
    }
}
