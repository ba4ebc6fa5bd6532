package org.hotline.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.hotline.asterisklab.LabPbx;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.call.CallView;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.DeskState;
import org.hotline.server.testing.AgentClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The call model against the real Asterisk 22 (issue #11): for each scenario what the agents' browsers and desks get,
 * the {@code calls} row Hotline writes, and Asterisk's own queue_log where it says the same thing. Agents 1001, 1002
 * and 1004 of queue {@code hotline} (dialled number 95598).
 */
class CallModelLiveIntegrationTests extends LiveAsteriskTestBase {

    private static final AgentInterface A1001 = new AgentInterface("Local/1001@agents");
    private static final AgentInterface A1002 = new AgentInterface("Local/1002@agents");
    private static final Duration CALL = Duration.ofSeconds(60);

    @Autowired
    private CallTracker tracker;

    @Autowired
    private DataSource dataSource;

    private final List<String> loggedIn = new ArrayList<>();
    private final List<AgentClient> clients = new ArrayList<>();

    @AfterEach
    void logOutAndHangUp() {
        clients.forEach(AgentClient::close);
        for (String agent : loggedIn) {
            presence.logout(agent);
        }
        pbx.hangupMatching("^Local/");
        for (String ext : List.of("1001", "1002", "1004")) {
            pbx.global("LAB_TALK_" + ext, "");
            pbx.phoneAnswers(ext, Duration.ofSeconds(1));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> pbx.channels().isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.calls().isEmpty());
    }

    // ---------------------------------------------------------------- helpers

    /** Connects the agent's browser, logs the agent in and waits until Asterisk and the desk say ready. */
    private AgentClient agent(String username) {
        AgentClient client = AgentClient.login(port, username, DemoUsers.AGENT_PASSWORD).connect();
        clients.add(client);
        client.awaitFrame("snapshot");
        loggedIn.add(username);
        presence.login(username);
        String ext = username.substring("agent".length());
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status(username).state() == DeskState.READY);
        // the queue rings the member only once Asterisk has it unpaused with a free phone
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.members("hotline").entrySet().stream()
                .anyMatch(m -> m.getKey().startsWith("Local/" + ext + "@agents")
                        && "0".equals(m.getValue().get("Paused")) && "1".equals(m.getValue().get("Status"))));
        return client;
    }

    private static JsonNode awaitPop(AgentClient client, String callId, String status) {
        return client.awaitPop(p -> p.get("callId").asText().equals(callId) && status.equals(p.get("status").asText()));
    }

    private Map<String, Object> callRow(String callId) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList("""
                select direction, caller_normalized, queue, agent_interface, outcome, ended_by, hangup_cause,
                       talk_seconds, talk_with_hold_seconds, hold_seconds, queued_at, answered_at, ended_at
                from calls where call_id = ?""", callId).stream().findFirst().orElse(null), r -> r != null);
    }

    private int openCallbacks(String number) {
        return new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from callbacks where number = ? and status = 'open'", Integer.class, number);
    }

    /** Asterisk's queue_log lines of the queue call from {@code callerNumber}, as field arrays. */
    private static List<String[]> queueLog(String callerNumber) {
        List<String[]> all = pbx.asterisk().queueLog().stream().map(l -> l.split("\\|", -1)).toList();
        String queueCall = all.stream().filter(f -> f.length > 6 && f[4].equals("ENTERQUEUE")
                && f[6].equals(callerNumber)).reduce((a, b) -> b).map(f -> f[1]).orElse(null);
        return all.stream().filter(f -> f.length > 4 && f[1].equals(queueCall)).toList();
    }

    private static Optional<String[]> queueLogEvent(String callerNumber, String event) {
        return queueLog(callerNumber).stream().filter(f -> f[4].equals(event)).findFirst();
    }

    private Optional<CallView> view(String callId) {
        return tracker.call(new CallId(callId));
    }

    private String agentLeg(String callId, AgentInterface agent) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> tracker.agentChannel(new CallId(callId), agent).orElse(null), c -> c != null);
    }

    /** Hotline's hold (ADR 0010): HOTLINE_HELD_PEER on both legs, then one Redirect into hotline-hold. */
    private void hold(String callId, AgentInterface agent) {
        String mine = agentLeg(callId, agent);
        String customer = tracker.callerChannel(new CallId(callId)).orElseThrow();
        pbx.ami().action("Setvar", "Channel", customer, "Variable", "HOTLINE_HELD_PEER", "Value", mine);
        pbx.ami().action("Setvar", "Channel", mine, "Variable", "HOTLINE_HELD_PEER", "Value", customer);
        pbx.ami().action("Redirect", "Channel", customer, "Context", "hotline-hold", "Exten", "moh", "Priority", "1",
                "ExtraChannel", mine, "ExtraContext", "hotline-hold", "ExtraExten", "wait", "ExtraPriority", "1");
    }

    /** Hotline's click-to-dial as CallControl sends it (ADR 0010). */
    private void clickToDial(String ext, String number) {
        pbx.ami().action("Originate", "Channel", "Local/" + ext + "@agents/n", "Context", "hotline-dial", "Exten",
                number, "Priority", "1", "CallerID", "\"" + number + "\" <" + number + ">", "Timeout", "30000",
                "Async", "true", "Variable", "HOTLINE_AGENT=agent" + ext, "Variable", "HOTLINE_DIALLED=" + number);
    }

    private String clickToDialCall(AgentClient client) {
        JsonNode ringing = client.awaitPop(p -> "13900000001".equals(p.get("callerNumber").asText())
                && "RINGING".equals(p.get("status").asText()) && client.pops().stream().noneMatch(
                        q -> q.get("callId").equals(p.get("callId")) && "ENDED".equals(q.get("status").asText())));
        return ringing.get("callId").asText();
    }

    // ---------------------------------------------------------------- scenarios

    @Test
    void anAnsweredCallIsRecordedWithTheAgentEndedByTheAgentAndAsterisksTalkTime() {
        pbx.phoneTalks("1001", Duration.ofSeconds(1), Duration.ofSeconds(3));
        AgentClient a1001 = agent("agent1001");

        LabPbx.LabCall call = pbx.call("95598", "13900000101", CALL);
        awaitPop(a1001, call.linkedid(), "ANSWERED");
        awaitPop(a1001, call.linkedid(), "ENDED");

        Map<String, Object> row = callRow(call.linkedid());
        assertThat(row).containsEntry("outcome", "answered").containsEntry("ended_by", "agent")
                .containsEntry("direction", "inbound").containsEntry("agent_interface", A1001.value())
                .containsEntry("queue", "hotline").containsEntry("hold_seconds", 0);
        String[] complete = await().atMost(Duration.ofSeconds(10))
                .until(() -> queueLogEvent("13900000101", "COMPLETEAGENT").orElse(null), f -> f != null);
        // app_queue counts whole seconds of its clock (time(NULL) differences): a 3.4 s call may be 4 there
        assertThat((Integer) row.get("talk_with_hold_seconds")).isBetween(Integer.parseInt(complete[6]) - 1,
                Integer.parseInt(complete[6]));
        assertThat((Integer) row.get("talk_seconds")).isBetween(Integer.parseInt(complete[6]) - 1,
                Integer.parseInt(complete[6]));
    }

    @Test
    void aQueueThatTimesOutIsATimeoutWithTheAfterQueueMessageAndACallbackNotAnAbandon() {
        pbx.phoneNeverAnswers("1001");
        AgentClient a1001 = agent("agent1001");

        LabPbx.LabCall call = pbx.call("95598", "13900000102", CALL, "HOTLINE_MAX_WAIT=4");
        awaitPop(a1001, call.linkedid(), "RINGING");
        // after the timeout the caller is still on the line, in the dialplan, hearing the after-queue message
        await().atMost(Duration.ofSeconds(15)).until(() -> view(call.linkedid())
                .map(v -> v.state() == CallState.DIALPLAN).orElse(false));
        assertThat(call.up()).isTrue();
        pbx.ami().awaitEvent(e -> e.is("VarSet") && "HOTLINE_AFTER_QUEUE".equals(e.get("Variable"))
                && "TIMEOUT".equals(e.get("Value")) && call.linkedid().equals(e.get("Linkedid")),
                Duration.ofSeconds(10));

        Map<String, Object> row = callRow(call.linkedid());
        assertThat(row).containsEntry("outcome", "timeout").containsEntry("ended_by", "system")
                .containsEntry("queue", "hotline");
        assertThat(row.get("answered_at")).isNull();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queueLogEvent("13900000102", "EXITWITHTIMEOUT").isPresent());
        assertThat(queueLogEvent("13900000102", "ABANDON")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> openCallbacks("13900000102") == 1);
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingOrWhileAPhoneRingsAbandons() {
        pbx.phoneNeverAnswers("1001");
        AgentClient a1001 = agent("agent1001");

        LabPbx.LabCall ringing = pbx.call("95598", "13900000103", Duration.ofSeconds(3));
        awaitPop(a1001, ringing.linkedid(), "RINGING");
        // the ring stops with the abandon: the pop is missed, not answered
        awaitPop(a1001, ringing.linkedid(), "MISSED");
        assertThat(callRow(ringing.linkedid())).containsEntry("outcome", "abandoned")
                .containsEntry("ended_by", "caller");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queueLogEvent("13900000103", "ABANDON").isPresent());

        presence.pause("agent1001", "lunch");
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent1001").state() == DeskState.PAUSED);
        LabPbx.LabCall waiting = pbx.call("95598", "13900000104", Duration.ofSeconds(2));
        Map<String, Object> row = callRow(waiting.linkedid());
        assertThat(row).containsEntry("outcome", "abandoned").containsEntry("ended_by", "caller");
        assertThat(row.get("agent_interface")).isNull();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queueLogEvent("13900000104", "ABANDON").isPresent());
        await().atMost(Duration.ofSeconds(10)).until(() -> openCallbacks("13900000104") == 1);
    }

    @Test
    void aCompletedAttendedTransferEndsTheHoldTalksWithTheTargetAndPopsTheCustomerForIt() {
        pbx.phoneAnswers("1001", Duration.ofSeconds(1));
        pbx.phoneAnswers("1002", Duration.ofSeconds(1));
        AgentClient a1001 = agent("agent1001");
        LabPbx.LabCall call = pbx.call("95598", "13900000105", CALL);
        awaitPop(a1001, call.linkedid(), "ANSWERED");
        AgentClient a1002 = agent("agent1002");

        String leg = agentLeg(call.linkedid(), A1001);
        pbx.ami().action("Atxfer", "Channel", leg, "Context", "hotline-transfer", "Exten", "1002");
        await().atMost(Duration.ofSeconds(10)).until(() -> view(call.linkedid())
                .map(v -> v.state() == CallState.ON_HOLD).orElse(false));
        pbx.ami().awaitEvent(e -> e.is("DialEnd") && "ANSWER".equals(e.get("DialStatus"))
                && call.linkedid().equals(e.get("Linkedid"))
                && e.get("DestChannel") != null && e.get("DestChannel").startsWith("Local/1002@agents"),
                Duration.ofSeconds(15));
        // 1001 and 1002 talk once the consultation channel's other half is bridged with 1002's phone
        pbx.ami().awaitEvent(e -> e.is("BridgeEnter") && call.linkedid().equals(e.get("Linkedid"))
                && e.get("Channel").startsWith("Local/1002@hotline-transfer") && e.get("Channel").endsWith(";2"),
                Duration.ofSeconds(10));
        pbx.hangup(leg.replace(";1", ";2")); // agent 1001 hangs up: the transfer completes

        JsonNode target = awaitPop(a1002, call.linkedid(), "ANSWERED");
        assertThat(target.get("callerNumber").asText()).isEqualTo("13900000105");
        awaitPop(a1001, call.linkedid(), "TRANSFERRED");
        await().atMost(Duration.ofSeconds(10)).until(() -> view(call.linkedid())
                .map(v -> v.state() == CallState.TALKING && A1002.equals(v.agent())).orElse(false));
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent1002").state() == DeskState.TALKING);

        call.hangup();
        awaitPop(a1002, call.linkedid(), "ENDED");
        Map<String, Object> row = callRow(call.linkedid());
        assertThat(row).containsEntry("outcome", "transferred").containsEntry("ended_by", "caller")
                .containsEntry("agent_interface", A1001.value());
        // the hold is the consultation only; talk with hold runs to the end of the call
        assertThat((Integer) row.get("hold_seconds")).isPositive()
                .isLessThan((Integer) row.get("talk_with_hold_seconds"));
        // app_queue logs ATTENDEDTRANSFER, or COMPLETEAGENT when it handles the agent's hang-up first (2 runs in 10
        // with Local-channel phones): queue_log cannot be trusted to tell a transfer, our record does
        await().atMost(Duration.ofSeconds(10)).until(() -> queueLogEvent("13900000105", "ATTENDEDTRANSFER")
                .or(() -> queueLogEvent("13900000105", "COMPLETEAGENT")).isPresent());
    }

    @Test
    void aRefusedConsultationGivesTheCallerBackToTheFirstAgent() {
        pbx.phoneAnswers("1001", Duration.ofSeconds(1));
        pbx.phoneTalks("1002", Duration.ofSeconds(1), Duration.ofSeconds(1));
        AgentClient a1001 = agent("agent1001");
        LabPbx.LabCall call = pbx.call("95598", "13900000106", CALL);
        awaitPop(a1001, call.linkedid(), "ANSWERED");
        AgentClient a1002 = agent("agent1002");

        pbx.ami().action("Atxfer", "Channel", agentLeg(call.linkedid(), A1001), "Context", "hotline-transfer",
                "Exten", "1002");
        await().atMost(Duration.ofSeconds(10)).until(() -> view(call.linkedid())
                .map(v -> v.state() == CallState.ON_HOLD).orElse(false));
        await().atMost(Duration.ofSeconds(15)).until(() -> view(call.linkedid())
                .map(v -> v.state() == CallState.TALKING && A1001.equals(v.agent())).orElse(false));

        call.hangup();
        awaitPop(a1001, call.linkedid(), "ENDED");
        Map<String, Object> row = callRow(call.linkedid());
        assertThat(row).containsEntry("outcome", "answered").containsEntry("ended_by", "caller")
                .containsEntry("agent_interface", A1001.value());
        assertThat((Integer) row.get("hold_seconds")).isPositive();
        assertThat(a1002.pops()).noneMatch(p -> p.get("callId").asText().equals(call.linkedid()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queueLogEvent("13900000106", "COMPLETECALLER").isPresent());
    }

    @Test
    void aBusyConsultationTargetGivesTheCallerBackToTheFirstAgentAtOnce() {
        pbx.phoneAnswers("1001", Duration.ofSeconds(1));
        AgentClient a1001 = agent("agent1001");
        LabPbx.LabCall call = pbx.call("95598", "13900000112", CALL);
        awaitPop(a1001, call.linkedid(), "ANSWERED");
        AgentClient a1002 = agent("agent1002");
        pbx.global("LAB_MODE_1002", "busy");

        pbx.ami().action("Atxfer", "Channel", agentLeg(call.linkedid(), A1001), "Context", "hotline-transfer",
                "Exten", "1002");
        pbx.ami().awaitEvent(e -> e.is("DialEnd") && "BUSY".equals(e.get("DialStatus"))
                && call.linkedid().equals(e.get("Linkedid")), Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(10)).until(() -> view(call.linkedid())
                .map(v -> v.state() == CallState.TALKING && A1001.equals(v.agent())).orElse(false));
        assertThat(a1002.pops()).noneMatch(p -> p.get("callId").asText().equals(call.linkedid()));

        call.hangup();
        awaitPop(a1001, call.linkedid(), "ENDED");
        assertThat(callRow(call.linkedid())).containsEntry("outcome", "answered").containsEntry("ended_by", "caller");
    }

    @Test
    void clickToDialIsAnOutboundCallToTheDialledNumberAnsweredBusyOrUnanswered() {
        pbx.phoneAnswers("1001", Duration.ofSeconds(1));
        AgentClient a1001 = agent("agent1001");

        pbx.outsideNumber("13900000001", "answer");
        clickToDial("1001", "13900000001");
        String answered = clickToDialCall(a1001);
        awaitPop(a1001, answered, "ANSWERED");
        pbx.hangup(agentLeg(answered, A1001).replace(";1", ";2"));
        awaitPop(a1001, answered, "ENDED");
        assertThat(callRow(answered)).containsEntry("direction", "outbound")
                .containsEntry("caller_normalized", "13900000001").containsEntry("outcome", "answered")
                .containsEntry("agent_interface", A1001.value()).containsEntry("ended_by", "agent");

        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent1001").state() == DeskState.READY);
        pbx.outsideNumber("13900000001", "busy");
        clickToDial("1001", "13900000001");
        String busy = clickToDialCall(a1001);
        awaitPop(a1001, busy, "ENDED");
        assertThat(callRow(busy)).containsEntry("direction", "outbound")
                .containsEntry("caller_normalized", "13900000001").containsEntry("outcome", "unanswered")
                .containsEntry("ended_by", "system");

        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent1001").state() == DeskState.READY);
        pbx.outsideNumber("13900000001", "noanswer");
        clickToDial("1001", "13900000001");
        String unanswered = clickToDialCall(a1001);
        pbx.ami().awaitEvent(e -> e.is("DialBegin") && unanswered.equals(e.get("Linkedid"))
                && e.get("DestChannel") != null && e.get("DestChannel").startsWith("Local/13900000001@hotline-trunk"),
                Duration.ofSeconds(10));
        pbx.hangup(agentLeg(unanswered, A1001).replace(";1", ";2"));
        awaitPop(a1001, unanswered, "ENDED");
        assertThat(callRow(unanswered)).containsEntry("direction", "outbound").containsEntry("outcome", "unanswered")
                .containsEntry("ended_by", "agent");
    }

    @Test
    void theAgentsHangUpDuringHoldEndsTheCallForTheHeldCustomerToo() {
        pbx.phoneAnswers("1001", Duration.ofSeconds(1));
        AgentClient a1001 = agent("agent1001");
        LabPbx.LabCall call = pbx.call("95598", "13900000107", CALL);
        awaitPop(a1001, call.linkedid(), "ANSWERED");
        String leg = agentLeg(call.linkedid(), A1001);

        // talk, then hold, long enough for Asterisk's whole-second TalkTime to tell them apart
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> view(call.linkedid())
                .map(v -> v.state() == CallState.TALKING).orElse(false));
        hold(call.linkedid(), A1001);
        await().atMost(Duration.ofSeconds(10)).until(() -> view(call.linkedid())
                .map(v -> v.state() == CallState.ON_HOLD).orElse(false));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> view(call.linkedid())
                .map(v -> v.state() == CallState.ON_HOLD).orElse(false));
        pbx.hangup(leg.replace(";1", ";2"));

        awaitPop(a1001, call.linkedid(), "ENDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> !call.up());
        Map<String, Object> row = callRow(call.linkedid());
        assertThat(row).containsEntry("outcome", "answered").containsEntry("ended_by", "agent");
        String[] complete = await().atMost(Duration.ofSeconds(10))
                .until(() -> queueLogEvent("13900000107", "COMPLETEAGENT").orElse(null), f -> f != null);
        // Asterisk counts the hold as talk; we keep both. Here Asterisk stamps its TalkTime when the held customer's
        // hang-up handler has run, a moment after the agent's leg ended the call for us: a whole second may lie between
        assertThat((Integer) row.get("talk_with_hold_seconds")).isBetween(Integer.parseInt(complete[6]) - 1,
                Integer.parseInt(complete[6]));
        assertThat((Integer) row.get("hold_seconds")).isGreaterThanOrEqualTo(2);
        assertThat((Integer) row.get("talk_seconds")).isLessThan(Integer.parseInt(complete[6]));
    }

    @Test
    void theCustomersHangUpDuringHoldEndsTheCallAndTheAgentsLeg() {
        pbx.phoneAnswers("1001", Duration.ofSeconds(1));
        AgentClient a1001 = agent("agent1001");
        LabPbx.LabCall call = pbx.call("95598", "13900000108", CALL);
        awaitPop(a1001, call.linkedid(), "ANSWERED");
        String leg = agentLeg(call.linkedid(), A1001);

        hold(call.linkedid(), A1001);
        await().atMost(Duration.ofSeconds(10)).until(() -> view(call.linkedid())
                .map(v -> v.state() == CallState.ON_HOLD).orElse(false));
        call.hangup();

        awaitPop(a1001, call.linkedid(), "ENDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.channels().stream()
                .noneMatch(c -> leg.equals(c.get("Channel"))));
        assertThat(callRow(call.linkedid())).containsEntry("outcome", "answered").containsEntry("ended_by", "caller");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queueLogEvent("13900000108", "COMPLETECALLER").isPresent());
    }

    @Test
    void aRingNoAnswerGoesToTheNextAgentWhoAnswers() {
        pbx.phoneNeverAnswers("1004");
        pbx.phoneAnswers("1001", Duration.ofSeconds(1));
        AgentClient a1004 = agent("agent1004");
        LabPbx.LabCall call = pbx.call("95598", "13900000109", CALL);
        awaitPop(a1004, call.linkedid(), "RINGING");
        AgentClient a1001 = agent("agent1001");

        awaitPop(a1004, call.linkedid(), "MISSED");
        awaitPop(a1001, call.linkedid(), "ANSWERED");
        call.hangup();
        awaitPop(a1001, call.linkedid(), "ENDED");
        Map<String, Object> row = callRow(call.linkedid());
        assertThat(row).containsEntry("outcome", "answered").containsEntry("agent_interface", A1001.value())
                .containsEntry("ended_by", "caller");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queueLogEvent("13900000109", "RINGNOANSWER").isPresent());
        // queue_log names agents by member name: the one who answered is not the one who missed
        assertThat(queueLogEvent("13900000109", "CONNECT").orElseThrow()[3])
                .isNotEqualTo(queueLogEvent("13900000109", "RINGNOANSWER").orElseThrow()[3]);
    }

    @Test
    void aDirectCallToAnAgentHasNoQueue() {
        pbx.phoneAnswers("1002", Duration.ofSeconds(1));
        AgentClient a1002 = agent("agent1002");

        LabPbx.LabCall call = pbx.callDirect("1002", "13900000110", CALL);
        awaitPop(a1002, call.linkedid(), "ANSWERED");
        call.hangup();
        awaitPop(a1002, call.linkedid(), "ENDED");
        Map<String, Object> row = callRow(call.linkedid());
        assertThat(row).containsEntry("outcome", "answered").containsEntry("agent_interface", A1002.value())
                .containsEntry("ended_by", "caller").containsEntry("direction", "inbound");
        assertThat(row.get("queue")).isNull();
    }

    @Test
    void blindTransfersToAnAgentAQueueAndAnOutsideNumberLeaveTheFirstAgent() {
        pbx.phoneAnswers("1001", Duration.ofSeconds(1));
        pbx.phoneAnswers("1002", Duration.ofSeconds(1));
        pbx.outsideNumber("13900000002", "answer");
        AgentClient a1001 = agent("agent1001");

        for (String target : List.of("1002", "q-gas", "13900000002")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent1001").state() == DeskState.READY);
            String number = "1390000012" + List.of("1002", "q-gas", "13900000002").indexOf(target);
            LabPbx.LabCall call = pbx.call("95598", number, CALL);
            awaitPop(a1001, call.linkedid(), "ANSWERED");
            pbx.ami().action("BlindTransfer", "Channel", agentLeg(call.linkedid(), A1001), "Context",
                    "hotline-transfer", "Exten", target);
            awaitPop(a1001, call.linkedid(), "TRANSFERRED");
            if (target.equals("1002")) {
                await().atMost(Duration.ofSeconds(10)).until(() -> view(call.linkedid())
                        .map(v -> v.state() == CallState.TALKING && A1002.equals(v.agent())).orElse(false));
            } else {
                await().atMost(Duration.ofSeconds(10)).until(() -> view(call.linkedid())
                        .map(v -> v.agent() == null).orElse(true));
            }
            call.hangup();
            Map<String, Object> row = callRow(call.linkedid());
            assertThat(row).as(target).containsEntry("outcome", "transferred")
                    .containsEntry("agent_interface", A1001.value()).containsEntry("queue", "hotline");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> queueLogEvent(number, "BLINDTRANSFER").isPresent());
        }
    }

    @Test
    void aRingAllQueueRingsEveryAgentAndTheOthersMissWhenOneAnswers() throws Exception {
        Path queues = pbx.asterisk().runDirectory().resolve("etc").resolve("queues.conf");
        if (!Files.readString(queues).contains("[ringall]")) {
            // no template: app_queue reads the first "strategy" of a section, which would be the template's
            Files.writeString(queues, Files.readString(queues) + "\n[ringall]\nstrategy = ringall\ntimeout = 15\n"
                    + "retry = 5\nwrapuptime = 0\nringinuse = no\nmusicclass = default\n"
                    + "joinempty = unavailable,invalid\nleavewhenempty = unavailable,invalid\n");
            pbx.asterisk().cli("queue reload all");
        }
        pbx.phoneAnswers("1001", Duration.ofSeconds(3));
        pbx.phoneNeverAnswers("1004");
        AgentClient a1001 = agent("agent1001");
        AgentClient a1004 = agent("agent1004");
        for (String ext : List.of("1001", "1004")) {
            pbx.ami().action("QueueAdd", "Queue", "ringall", "Interface", "Local/" + ext + "@agents/n",
                    "MemberName", "Agent " + ext, "StateInterface", "hint:" + ext + "@agents");
        }
        try {
            LabPbx.LabCall call = pbx.call("95598", "13900000111", CALL, "HOTLINE_QUEUE=ringall");
            awaitPop(a1001, call.linkedid(), "RINGING");
            awaitPop(a1004, call.linkedid(), "RINGING");
            awaitPop(a1001, call.linkedid(), "ANSWERED");
            awaitPop(a1004, call.linkedid(), "MISSED");
            call.hangup();
            assertThat(callRow(call.linkedid())).containsEntry("outcome", "answered").containsEntry("queue", "ringall")
                    .containsEntry("agent_interface", A1001.value());
        } finally {
            for (String ext : List.of("1001", "1004")) {
                pbx.ami().actionAnyResponse("QueueRemove", "Queue", "ringall", "Interface",
                        "Local/" + ext + "@agents/n");
            }
        }
    }
}
