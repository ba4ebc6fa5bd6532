package org.hotline.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.hotline.asterisklab.LabAmi;
import org.hotline.asterisklab.LabPbx;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.control.AmiCommands;
import org.hotline.cti.control.CallControl;
import org.hotline.cti.control.ControlException;
import org.hotline.cti.control.ControlProperties;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.DeskState;
import org.hotline.server.testing.AgentClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Call controls against the real Asterisk, driven through the desk's REST API as the browser sends them: a command is
 * answered "done" only when Asterisk's events confirmed it, and what Asterisk itself reports (the lab's own AMI
 * account, CoreShowChannels) must agree. Agent 1004 takes the calls; 1002's phone is the transfer target.
 */
class CallControlLiveIntegrationTests extends LiveAsteriskTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AgentInterface ME = AgentInterface.of("Local/1004@agents");
    private static final Duration SOON = Duration.ofSeconds(15);

    @Autowired
    private CallTracker tracker;

    @Autowired
    private AmiCommands commands;

    @Autowired
    private ControlProperties controlProperties;

    private AgentClient agent;

    /** What the API answered: status and body. */
    private record Answer(int status, JsonNode body) {

        String outcome() {
            return body.path("outcome").asText();
        }

        String code() {
            return body.path("code").asText();
        }
    }

    @BeforeEach
    void agent1004IsReady() {
        pbx.phoneAnswers("1004", Duration.ofSeconds(1));
        pbx.phoneAnswers("1002", Duration.ofSeconds(1));
        agent = AgentClient.login(port, "agent1004", DemoUsers.AGENT_PASSWORD);
        presence.login("agent1004");
        await().atMost(SOON).until(() -> pbx.members("hotline").keySet().stream()
                .anyMatch(i -> i.startsWith("Local/1004@agents")));
        await().atMost(SOON).until(() -> presence.status("agent1004").state() == DeskState.READY);
    }

    @AfterEach
    void everyoneHangsUp() {
        try {
            pbx.hangupMatching("^Local/(1002|1004)@|^Local/(95598|direct-1004|bare-1004)@lab-callers|@hotline-trunk");
            await().atMost(SOON).until(() -> pbx.channels().stream().map(c -> c.get("Channel"))
                    .noneMatch(c -> c.matches("^Local/(1002|1004)@.*")));
            // the desk leaves the call on the PBX's word; only then may the agent log out
            await().atMost(SOON).until(() -> presence.status("agent1004").state() != DeskState.TALKING
                    && presence.status("agent1004").state() != DeskState.RINGING);
            presence.logout("agent1004");
        } finally {
            agent.close();
            pbx.phoneAnswers("1004", Duration.ofSeconds(1));
            pbx.phoneAnswers("1002", Duration.ofSeconds(1));
        }
    }

    // ------------------------------------------------------------------ click-to-dial

    @Test
    void clickToDialIsDoneWhenTheAgentPickedUpAndTheCustomerIsThenDialled() {
        Answer a = post("/api/control/dial", Map.of("number", "13800138001"));

        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.outcome()).isEqualTo("done");
        assertThat(a.code()).isEqualTo("dialled");
        assertThat(a.body().path("confirmedBy").asText()).startsWith("OriginateResponse Success");
        await().atMost(SOON).until(() -> channels().stream().anyMatch(c -> c.startsWith(
                "Local/13800138001@hotline-trunk-")));
    }

    @Test
    void clickToDialToABusyPhoneIsRefusedAsBusy() {
        pbx.global("LAB_MODE_1004", "busy");

        Answer a = post("/api/control/dial", Map.of("number", "13800138002"));

        assertThat(a.status()).as(a.body().toString()).isEqualTo(409);
        assertThat(a.outcome()).isEqualTo("refused");
        assertThat(a.code()).isEqualTo("phone-busy");
        assertThat(a.body().path("detail").asText()).isEqualTo("OriginateResponse Failure Reason=5");
        assertThat(channels()).noneMatch(c -> c.startsWith("Local/13800138002@hotline-trunk-"));
    }

    @Test
    void clickToDialThatRingsUnansweredIsRefusedAsUnansweredAfterTheRingTime() {
        pbx.phoneNeverAnswers("1004");
        // the shipped ring time is 30 s; the same controls with 3 s keep this test short
        CallControl quick = new CallControl(new ControlProperties(controlProperties.dialContext(),
                controlProperties.transferContext(), controlProperties.holdContext(),
                controlProperties.numberPattern(), Duration.ofSeconds(3), controlProperties.commandTimeout()),
                agents, commands, () -> tracker);

        ControlException e = org.junit.jupiter.api.Assertions.assertThrows(ControlException.class,
                () -> quick.dial("agent1004", "13800138003"));

        assertThat(e.code()).as(e.getMessage()).isEqualTo("phone-no-answer");
        assertThat(e.outcome()).isEqualTo(ControlException.Outcome.REFUSED);
        assertThat(e.detail()).isEqualTo("OriginateResponse Failure Reason=3");
        await().atMost(SOON).until(() -> channels().stream().noneMatch(c -> c.startsWith("Local/1004@agents-")));
    }

    // ------------------------------------------------------------------ blind transfers

    @Test
    void blindTransferToAnotherAgentIsDoneOnAsterisksBlindTransferSuccessAndThatAgentGetsTheCustomer() {
        LabPbx.LabCall call = answeredQueueCall("13800138011");

        Answer a = post("/api/control/transfer", Map.of("callId", call.linkedid(), "target", "1002",
                "targetType", "agent", "kind", "blind"));

        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.code()).isEqualTo("transferred");
        assertThat(a.body().path("confirmedBy").asText()).contains("BlindTransfer Result=Success");
        awaitLab(e -> e.is("BridgeEnter") && call.linkedid().equals(e.get("Linkedid"))
                && e.get("Channel").startsWith("Local/1002@agents-"));
        assertThat(call.up()).isTrue();
    }

    @Test
    void blindTransferToAQueueSendsTheCustomerIntoThatQueuesExtension() {
        LabPbx.LabCall call = answeredQueueCall("13800138012");

        Answer a = post("/api/control/transfer", Map.of("callId", call.linkedid(), "target", "gas",
                "targetType", "queue", "kind", "blind"));

        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.code()).isEqualTo("transferred");
        LabAmi.Message transfer = awaitLab(e -> e.is("BlindTransfer")
                && call.linkedid().equals(e.get("TransfereeLinkedid")));
        assertThat(transfer.get("Extension")).isEqualTo("q-gas");
        assertThat(transfer.get("Result")).isEqualTo("Success");
        awaitLab(e -> e.is("Newexten") && call.linkedid().equals(e.get("Linkedid"))
                && "hotline-queue".equals(e.get("Context")) && "gas".equals(e.get("Exten")));
    }

    @Test
    void blindTransferToAnOutsideNumberDialsItOverTheTrunk() {
        LabPbx.LabCall call = answeredQueueCall("13800138013");

        Answer a = post("/api/control/transfer", Map.of("callId", call.linkedid(), "target", "13900139013",
                "targetType", "number", "kind", "blind"));

        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.code()).isEqualTo("transferred");
        awaitLab(e -> e.is("BridgeEnter") && call.linkedid().equals(e.get("Linkedid"))
                && e.get("Channel").startsWith("Local/13900139013@hotline-trunk-"));
        assertThat(call.up()).isTrue();
    }

    @Test
    void aTransferToAnExtensionThePbxLacksIsRefusedAndTheCustomerStaysWithTheAgent() {
        LabPbx.LabCall call = answeredQueueCall("13800138014");

        Answer a = post("/api/control/transfer", Map.of("callId", call.linkedid(), "target", "9999",
                "targetType", "agent", "kind", "blind"));

        // Asterisk itself would answer this BlindTransfer with Result=Success and hang the customer up
        assertThat(a.status()).as(a.body().toString()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("no-such-target");
        assertThat(a.body().path("detail").asText()).isEqualTo("Did not find extension 9999@hotline-transfer");
        assertThat(call.up()).isTrue();
        assertThat(channels()).anyMatch(c -> c.startsWith("Local/1004@agents-"));
    }

    // ------------------------------------------------------------------ attended transfers

    @Test
    void attendedTransferIsDoneWhenTheConsultationStartedAndHangingUpCompletesIt() {
        LabPbx.LabCall call = answeredQueueCall("13800138021");

        Answer a = post("/api/control/transfer", Map.of("callId", call.linkedid(), "target", "agent1002",
                "targetType", "agent", "kind", "attended"));

        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.code()).isEqualTo("consulting");
        assertThat(a.body().path("confirmedBy").asText()).startsWith("BridgeLeave Local/1004@agents-");
        awaitLab(e -> e.is("Newchannel") && call.linkedid().equals(e.get("Linkedid"))
                && e.get("Channel").startsWith("Local/1002@hotline-transfer-"));
        // the consulted agent answers while the customer hears music
        awaitLab(e -> e.is("DialEnd") && call.linkedid().equals(e.get("Linkedid"))
                && "ANSWER".equals(e.get("DialStatus")) && e.get("DestChannel").startsWith("Local/1002@agents-"));

        Answer done = post("/api/control/hangup", Map.of("callId", call.linkedid()));

        assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
        assertThat(done.code()).isEqualTo("hung-up");
        LabAmi.Message transferred = awaitLab(e -> e.is("AttendedTransfer")
                && call.linkedid().equals(e.get("TransfereeLinkedid")));
        assertThat(transferred.get("Result")).isEqualTo("Success");
        assertThat(call.up()).isTrue();
        assertThat(channels()).noneMatch(c -> c.startsWith("Local/1004@agents-"));
    }

    @Test
    void anAttendedTransferTheConsultedAgentRefusesGivesTheCustomerBackAndTransfersNothing() {
        LabPbx.LabCall call = answeredQueueCall("13800138022");
        pbx.global("LAB_MODE_1002", "busy");

        Answer a = post("/api/control/transfer", Map.of("callId", call.linkedid(), "target", "1002",
                "targetType", "agent", "kind", "attended"));

        // the consultation did start (1002's phone was offered the call) and 1002 refused it
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.code()).isEqualTo("consulting");
        awaitLab(e -> e.is("DialEnd") && call.linkedid().equals(e.get("Linkedid"))
                && "BUSY".equals(e.get("DialStatus")));
        String mine = awaitLab(e -> e.is("Unhold") && call.linkedid().equals(e.get("Linkedid"))
                && e.get("Channel").startsWith("Local/1004@agents-")).get("Channel");
        assertThat(pbx.ami().events()).noneMatch(e -> e.is("AttendedTransfer")
                && call.linkedid().equals(e.get("TransfereeLinkedid")));
        assertThat(channels()).contains(mine).noneMatch(c -> c.contains("@hotline-transfer-"));
        // still the agent's call: hanging up ends it for the customer too
        assertThat(post("/api/control/hangup", Map.of("callId", call.linkedid())).code()).isEqualTo("hung-up");
        await().atMost(SOON).until(() -> !call.up());
    }

    @Test
    void anAttendedTransferOnACallWithoutTransferRightsIsRefusedNotReportedDone() {
        LabPbx.LabCall call = answeredDirectCall("bare-1004", "13800138023");

        Answer a = post("/api/control/transfer", Map.of("callId", call.linkedid(), "target", "1002",
                "targetType", "agent", "kind", "attended"));

        assertThat(a.status()).as(a.body().toString()).isEqualTo(409);
        assertThat(a.outcome()).isEqualTo("refused");
        assertThat(a.code()).isEqualTo("transfer-not-allowed");
        assertThat(channels()).noneMatch(c -> c.contains("@hotline-transfer-"))
                .anyMatch(c -> c.startsWith("Local/1004@agents-"));
        assertThat(call.up()).isTrue();
    }

    // ------------------------------------------------------------------ hold

    @Test
    void holdPutsTheCustomerOnMusicAndUnholdBridgesThemAgainEachConfirmedByAsterisk() {
        LabPbx.LabCall call = answeredQueueCall("13800138031");

        Answer held = post("/api/control/hold", Map.of("callId", call.linkedid()));

        assertThat(held.status()).as(held.body().toString()).isEqualTo(200);
        assertThat(held.code()).isEqualTo("held");
        awaitLab(e -> e.is("MusicOnHoldStart") && call.linkedid().equals(e.get("Linkedid"))
                && "hotline-hold".equals(e.get("Context")));
        await().atMost(SOON).until(() -> tracker.call(new CallId(call.linkedid()))
                .map(c -> c.state() == CallState.ON_HOLD).orElse(false));

        Answer resumed = post("/api/control/unhold", Map.of("callId", call.linkedid()));

        assertThat(resumed.status()).as(resumed.body().toString()).isEqualTo(200);
        assertThat(resumed.code()).isEqualTo("resumed");
        await().atMost(SOON).until(() -> tracker.call(new CallId(call.linkedid()))
                .map(c -> c.state() == CallState.TALKING).orElse(false));
        assertThat(call.up()).isTrue();
    }

    @Test
    void anAgentWhoHangsUpDuringHoldEndsTheCustomersHoldMusicToo() {
        LabPbx.LabCall call = answeredQueueCall("13800138032");
        assertThat(post("/api/control/hold", Map.of("callId", call.linkedid())).code()).isEqualTo("held");

        Answer a = post("/api/control/hangup", Map.of("callId", call.linkedid()));

        assertThat(a.code()).as(a.body().toString()).isEqualTo("hung-up");
        await().atMost(Duration.ofSeconds(5)).until(() -> !call.up());
        assertThat(channels()).noneMatch(c -> c.startsWith("Local/95598@lab-callers-"));
    }

    @Test
    void aCustomerWhoHangsUpDuringHoldEndsTheAgentsWaitingLeg() {
        LabPbx.LabCall call = answeredQueueCall("13800138033");
        assertThat(post("/api/control/hold", Map.of("callId", call.linkedid())).code()).isEqualTo("held");

        call.hangup();

        await().atMost(Duration.ofSeconds(5)).until(() -> channels().stream()
                .noneMatch(c -> c.startsWith("Local/1004@agents-")));
    }

    @Test
    void afterHoldAndUnholdTheAgentsHangUpEndsTheCallTheOrdinaryWay() {
        LabPbx.LabCall call = answeredQueueCall("13800138034");
        assertThat(post("/api/control/hold", Map.of("callId", call.linkedid())).code()).isEqualTo("held");
        assertThat(post("/api/control/unhold", Map.of("callId", call.linkedid())).code()).isEqualTo("resumed");

        assertThat(post("/api/control/hangup", Map.of("callId", call.linkedid())).code()).isEqualTo("hung-up");

        await().atMost(SOON).until(() -> !call.up());
        // the hold's hang-up handlers had nothing to do: their peers were cleared by the unhold
        assertThat(pbx.ami().events()).noneMatch(e -> call.linkedid().equals(e.get("Linkedid"))
                && "hotline-hold".equals(e.get("Context")) && "gone".equals(e.get("Exten")));
    }

    @Test
    void aBlindTransferAfterHoldAndUnholdIsNotCutByTheHoldsHangUpHandler() {
        LabPbx.LabCall call = answeredQueueCall("13800138035");
        assertThat(post("/api/control/hold", Map.of("callId", call.linkedid())).code()).isEqualTo("held");
        assertThat(post("/api/control/unhold", Map.of("callId", call.linkedid())).code()).isEqualTo("resumed");

        Answer a = post("/api/control/transfer", Map.of("callId", call.linkedid(), "target", "1002",
                "targetType", "agent", "kind", "blind"));

        assertThat(a.code()).as(a.body().toString()).isEqualTo("transferred");
        awaitLab(e -> e.is("BridgeEnter") && call.linkedid().equals(e.get("Linkedid"))
                && e.get("Channel").startsWith("Local/1002@agents-"));
        // agent 1004's leg went (running the handler the hold pushed) and the customer talks to 1002
        await().atMost(SOON).until(() -> channels().stream().noneMatch(c -> c.startsWith("Local/1004@agents-")));
        assertThat(call.up()).isTrue();
        assertThat(pbx.ami().events()).noneMatch(e -> call.linkedid().equals(e.get("Linkedid"))
                && "gone".equals(e.get("Exten")));
    }

    // ------------------------------------------------------------------ bad input, vanished calls

    @Test
    void aCommandOnACallThatEndedBetweenTheClickAndTheActionIsNeverDone() {
        LabPbx.LabCall call = answeredQueueCall("13800138041");

        call.hangup();
        Answer a = post("/api/control/hold", Map.of("callId", call.linkedid()));

        // the agent's leg may be gone before the caller's: "not on your phone" is as true as "the call is gone"
        assertThat(a.status()).as(a.body().toString()).isIn(403, 404);
        assertThat(a.outcome()).isIn("refused", "failed");
        assertThat(a.code()).isIn("call-gone", "call-ended", "not-your-call");
    }

    @Test
    void badInputIsAClearFourHundredNeverAFiveHundred() {
        LabPbx.LabCall call = answeredQueueCall("13800138042");

        Answer injected = post("/api/control/transfer", Map.of("callId", call.linkedid(), "target", "12;Hangup",
                "targetType", "number"));
        Answer kind = post("/api/control/transfer", Map.of("callId", call.linkedid(), "target", "1002",
                "targetType", "agent", "kind", "sideways"));
        Answer noCall = post("/api/control/hangup", Map.of());
        HttpResponse<String> malformed = agent.postJson("/api/control/hold", "{\"callId\":");

        assertThat(List.of(injected.status(), kind.status(), noCall.status(), malformed.statusCode()))
                .containsOnly(400);
        assertThat(injected.code()).isEqualTo("invalid");
        assertThat(call.up()).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    private Answer post(String path, Map<String, String> body) {
        try {
            HttpResponse<String> r = agent.postJson(path, JSON.writeValueAsString(body));
            return new Answer(r.statusCode(), r.body() == null || r.body().isEmpty() ? JSON.createObjectNode()
                    : JSON.readTree(r.body()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A caller of the power hotline whom agent 1004 answered; the tracker knows 1004 talks to them. */
    private LabPbx.LabCall answeredQueueCall(String number) {
        LabPbx.LabCall call = pbx.call("95598", number, Duration.ofMinutes(3));
        CallId id = new CallId(call.linkedid());
        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.call(id)
                .map(c -> c.state() == CallState.TALKING && ME.equals(c.agent())).orElse(false));
        await().atMost(SOON).until(() -> tracker.agentChannel(id, ME).isPresent());
        return call;
    }

    /** A caller who dialled 1004 directly through {@code <prefix>} of lab-callers, answered by 1004. */
    private LabPbx.LabCall answeredDirectCall(String exten, String number) {
        LabAmi.Message r = pbx.ami().action("Originate", "Channel", "Local/" + exten + "@lab-callers",
                "Application", "Wait", "Data", "180", "Async", "true", "CallerID", number,
                "Variable", "LAB_CALLER=" + number);
        String actionId = r.get("ActionID");
        LabAmi.Message started = pbx.ami().awaitEvent(e -> e.is("OriginateResponse")
                && actionId.equals(e.get("ActionID")), Duration.ofSeconds(20));
        assertThat(started.get("Response")).isEqualTo("Success");
        LabPbx.LabCall call = new LabPbx.LabCall(pbx, started.get("Uniqueid"), started.get("Channel"));
        await().atMost(SOON).until(() -> tracker.agentChannel(new CallId(call.linkedid()), ME).isPresent());
        return call;
    }

    private LabAmi.Message awaitLab(Predicate<LabAmi.Message> match) {
        return pbx.ami().awaitEvent(match, SOON);
    }

    private static List<String> channels() {
        return pbx.channels().stream().map(c -> c.get("Channel")).toList();
    }
}
