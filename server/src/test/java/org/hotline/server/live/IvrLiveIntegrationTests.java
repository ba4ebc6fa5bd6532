package org.hotline.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hotline.asterisklab.LabAmi;
import org.hotline.asterisklab.LabPbx;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.outage.OutageDesk;
import org.hotline.cti.presence.DeskState;
import org.hotline.ivr.Prompt;
import org.hotline.ivr.internal.FastAgiServer;
import org.hotline.server.testing.AgentClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The IVR end to end through the real Asterisk 22: the shipped dialplan ({@code [hotline-ivr]}) calls Hotline's
 * FastAGI server, the caller's keys are pressed with PlayDTMF, and what the IVR learned reaches the agent's pop, the
 * repair order and the SMS outbox. What the caller heard is Asterisk's own account: its AGIExecStart events.
 */
class IvrLiveIntegrationTests extends LiveAsteriskTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    FastAgiServer fastAgi;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutageDesk outageDesk;

    private String outageNo;
    private String loggedIn;
    private int problemsBefore;
    private boolean refusedIvrExpected;

    @BeforeEach
    void theLabRunsTheIvr() {
        outageNo = IvrLiveNetwork.writeOnce(jdbc, outageDesk);
        pbx.asterisk().installSounds(Arrays.stream(Prompt.values()).map(Prompt::file).toList(),
                Duration.ofMillis(300));
        pbx.global("HOTLINE_IVR_URL", "agi://127.0.0.1:" + fastAgi.port());
        problemsBefore = pbx.asterisk().logProblems().size();
    }

    @AfterEach
    void theLabForgetsTheIvr() {
        // read before the hang-ups below: music on hold cut by a hang-up warns "Failed to write frame", a race of
        // Asterisk's own on every forced hang-up, not a command it refused
        List<String> all = pbx.asterisk().logProblems();
        // the other live classes run the dialplan without an IVR, as shipped
        pbx.global("HOTLINE_IVR_URL", "");
        pbx.global("LAB_TALK_1002", "");
        if (loggedIn != null) {
            String user = loggedIn;
            loggedIn = null;
            pbx.hangupMatching("^Local/.*@lab-callers-");
            // the desk refuses a logout until its call has ended
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                presence.logout(user);
                return true;
            });
        }
        // the real Asterisk accepted every command of the scripts and the dialplan: no warning but a refused IVR's
        assertThat(all.subList(Math.min(problemsBefore, all.size()), all.size()))
                .allMatch(l -> refusedIvrExpected && (l.contains("res_agi.c: Connecting to")
                        || l.contains("res_agi.c: Couldn't connect")));
        refusedIvrExpected = false;
    }

    @Test
    void knownCallerIsIdentifiedByNumberHearsNoPromptAndPopsWithAccountAndCustomer() {
        pbx.phoneAnswers("1001", Duration.ofSeconds(30)); // rings long enough to look at the pop
        try (AgentClient agent = readyAgent("1001")) {
            LabPbx.LabCall call = pbx.call("95598", IvrLiveNetwork.KNOWN_NUMBER, PATIENCE);
            toAgentAtTheMainMenu(call);
            JsonNode pop = agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid())
                    && !p.path("variables").path("HOTLINE_IVR_PATH").asText().isEmpty());

            JsonNode vars = pop.get("variables");
            assertThat(vars.get("HOTLINE_IVR_PATH").asText()).startsWith("entry>hours=open>")
                    .contains("identify=number>outage=none>menu=0>offer=wait")
                    .doesNotContain("unavailable", "unknown-script");
            assertThat(vars.get("HOTLINE_ACCOUNT").asText()).isEqualTo(IvrLiveNetwork.KNOWN_ACCOUNT);
            assertThat(vars.get("HOTLINE_CUSTOMER_ID").asText()).isEqualTo(customerId(IvrLiveNetwork.KNOWN_NUMBER));
            assertThat(pop.get("queue").asText()).isEqualTo("hotline");
            assertThat(pop.get("status").asText()).isEqualTo("RINGING");
            // identified by number, no outage: nothing asked, nothing told
            assertThat(played(call.linkedid())).noneMatch(f -> f.startsWith("hotline/outage")
                    || f.equals(Prompt.ENTER_ACCOUNT.file()) || f.equals(Prompt.SORRY_TRANSFER.file())
                    || f.equals(Prompt.NOT_IDENTIFIED.file()));
            call.hangup();
        }
    }

    @Test
    void callerInAnOutageHearsTheNoticePressesTwoAndPopsWithTheOutage() {
        pbx.phoneAnswers("1001", Duration.ofSeconds(30)); // rings long enough to look at the pop
        try (AgentClient agent = readyAgent("1001")) {
            LabPbx.LabCall call = pbx.call("95598", IvrLiveNetwork.OUTAGE_NUMBER, PATIENCE);
            awaitAgi(call, "WAIT FOR DIGIT", 1);
            assertThat(played(call.linkedid())).contains(Prompt.OUTAGE_UNPLANNED.file(), Prompt.OUTAGE_MENU.file());
            call.press("2");

            JsonNode pop = agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid())
                    && !p.path("variables").path("HOTLINE_OUTAGE").asText().isEmpty());
            assertThat(pop.get("variables").get("HOTLINE_OUTAGE").asText()).isEqualTo(outageNo);
            assertThat(pop.get("variables").get("HOTLINE_IVR_PATH").asText())
                    .contains("outage=" + outageNo + ":agent");
            assertThat(pop.get("queue").asText()).isEqualTo("hotline");
            call.hangup();
        }
    }

    @Test
    void callerInAnOutageWhoPressesNothingIsHungUpAndItsRunSaysDeflected() {
        LabPbx.LabCall call = pbx.call("95598", IvrLiveNetwork.SILENT_NUMBER, PATIENCE);

        await().atMost(Duration.ofSeconds(60)).until(() -> !call.up());
        Map<String, Object> run = await().atMost(Duration.ofSeconds(10))
                .until(() -> lastRun(call.linkedid(), "outage-notice"), r -> r != null);
        assertThat(run.get("outcome")).isEqualTo("completed");
        assertThat((String) run.get("path")).endsWith("outage=" + outageNo + ":heard");
        assertThat((String) run.get("facts")).contains("\"deflected\": true");
        assertThat(played(call.linkedid())).contains(Prompt.GOODBYE.file());
        assertThat(pbx.ami().events()).noneMatch(e -> e.is("QueueCallerJoin")
                && call.linkedid().equals(e.get("Linkedid")));
    }

    @Test
    void faultReportedByKeypadCreatesARepairOrderOfTheCallStartedAtItsEndAndTextsItsNumber() {
        LabPbx.LabCall call = pbx.call("95598", IvrLiveNetwork.FAULT_NUMBER, PATIENCE);
        awaitAgi(call, "WAIT FOR DIGIT", 1);
        assertThat(played(call.linkedid())).contains(Prompt.MENU_FAULT_ARREARS.file());
        call.press("1"); // report a fault
        awaitAgi(call, "WAIT FOR DIGIT", 2);
        assertThat(played(call.linkedid())).contains(Prompt.FAULT_CONFIRM_MENU.file());
        call.press("1"); // the account read back is right
        awaitAgi(call, "WAIT FOR DIGIT", 3);
        assertThat(played(call.linkedid())).contains(Prompt.FAULT_KIND_MENU.file());
        call.press("1"); // no power at all

        await().atMost(Duration.ofSeconds(30)).until(() -> !call.up());
        String orderNo = jdbc.queryForObject("select order_no from work_orders where call_id = ?", String.class,
                call.linkedid());
        assertThat(played(call.linkedid())).contains(Prompt.FAULT_CREATED.file(), Prompt.GOODBYE.file());
        // run by the main menu, in the same call
        Map<String, Object> run = lastRun(call.linkedid(), "main-menu");
        assertThat(run).isNotNull();
        assertThat((String) run.get("path")).contains("fault=" + orderNo);
        Map<String, Object> sms = jdbc.queryForMap("select destination, body, kind from sms_messages "
                + "where dedupe_key like ?", "ivr-fault:" + call.linkedid() + ":%");
        assertThat(sms.get("destination")).isEqualTo(IvrLiveNetwork.FAULT_NUMBER);
        assertThat((String) sms.get("body")).contains(orderNo);
        assertThat(sms.get("kind")).isEqualTo("work_order");
        // point A is the call's end, once the call's record has it
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("""
                select count(*) from work_order_points p join work_orders w on w.id = p.order_id
                join calls c on c.call_id = w.call_id
                where w.order_no = ? and p.point = 'A' and p.at = c.ended_at""", Integer.class, orderNo) == 1);
    }

    @Test
    void dangerousFaultIsPutThroughToTheAgentWithTheWorkOrderInThePop() {
        pbx.phoneAnswers("1001", Duration.ofSeconds(30)); // rings long enough to look at the pop
        try (AgentClient agent = readyAgent("1001")) {
            LabPbx.LabCall call = pbx.call("95598", IvrLiveNetwork.DANGER_NUMBER, PATIENCE);
            awaitAgi(call, "WAIT FOR DIGIT", 1);
            call.press("1"); // report a fault
            awaitAgi(call, "WAIT FOR DIGIT", 2);
            call.press("1"); // the account read back is right
            awaitAgi(call, "WAIT FOR DIGIT", 3);
            call.press("3"); // sparks, smoke, fire or a fallen wire

            JsonNode pop = agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid())
                    && !p.path("variables").path("HOTLINE_WORKORDER").asText().isEmpty());
            String orderNo = jdbc.queryForObject("select order_no from work_orders where call_id = ?", String.class,
                    call.linkedid());
            assertThat(pop.get("variables").get("HOTLINE_WORKORDER").asText()).isEqualTo(orderNo);
            assertThat(pop.get("variables").get("HOTLINE_IVR_PATH").asText()).contains("fault=" + orderNo + ":danger");
            assertThat(played(call.linkedid())).contains(Prompt.FAULT_DANGER.file());
            call.hangup();
        }
    }

    @Test
    void callerWhoseAgentHangsUpGoesOnToTheSurvey() {
        pbx.phoneTalks("1002", Duration.ofSeconds(1), Duration.ofSeconds(2));
        try (AgentClient agent = readyAgent("1002")) {
            LabPbx.LabCall call = pbx.call("95598", IvrLiveNetwork.KNOWN_NUMBER, PATIENCE);
            toAgentAtTheMainMenu(call);
            agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid())
                    && "ANSWERED".equals(p.get("status").asText()));

            // Queue option c: the agent's hang-up leaves the caller in the dialplan, which runs the survey
            Map<String, Object> run = await().atMost(Duration.ofSeconds(30))
                    .until(() -> lastRun(call.linkedid(), "survey"), r -> r != null);
            assertThat(run.get("outcome")).isEqualTo("completed");
            await().atMost(Duration.ofSeconds(10)).until(() -> !call.up());
            // what the dialplan's survey branch rests on: Asterisk 22's QUEUESTATUS after an answered call with c
            assertThat(pbx.ami().events()).anyMatch(e -> e.is("Newexten") && call.linkedid().equals(e.get("Linkedid"))
                    && "Hotline: left queue hotline with QUEUESTATUS=CONTINUE".equals(e.get("AppData")));
        }
    }

    @Test
    void unreachableIvrSendsTheCallerToTheQueueWithThePathSayingSo() throws IOException {
        pbx.global("HOTLINE_IVR_URL", "agi://127.0.0.1:" + closedPort());
        refusedIvrExpected = true;
        pbx.phoneAnswers("1001", Duration.ofSeconds(30)); // rings long enough to look at the pop
        try (AgentClient agent = readyAgent("1001")) {
            LabPbx.LabCall call = pbx.call("95598", IvrLiveNetwork.KNOWN_NUMBER, PATIENCE);
            JsonNode pop = agent.awaitPop(p -> p.get("callId").asText().equals(call.linkedid())
                    && !p.path("variables").path("HOTLINE_IVR_PATH").asText().isEmpty());
            assertThat(pop.get("variables").get("HOTLINE_IVR_PATH").asText()).isEqualTo("entry>ivr-unavailable");
            assertThat(pop.get("variables").path("HOTLINE_ACCOUNT").asText()).isEmpty();
            assertThat(pop.get("queue").asText()).isEqualTo("hotline");
            call.hangup();
        }
    }

    @Test
    void callerWhoHangsUpMidScriptLeavesNoSessionOpen() {
        LabPbx.LabCall call = pbx.call("95598", IvrLiveNetwork.OUTAGE_NUMBER, PATIENCE);
        awaitAgi(call, "STREAM FILE " + Prompt.OUTAGE_UNPLANNED.file(), 1);
        assertThat(fastAgi.activeSessions()).isPositive();

        call.hangup();

        await().atMost(Duration.ofSeconds(15)).until(() -> fastAgi.activeSessions() == 0);
        Map<String, Object> run = await().atMost(Duration.ofSeconds(10))
                .until(() -> lastRun(call.linkedid(), "outage-notice"), r -> r != null);
        assertThat(run.get("outcome")).isEqualTo("hung_up");
    }

    // agent <ext> logged in, ready, with the desk's WebSocket open (the test says how the phone answers)
    private AgentClient readyAgent(String ext) {
        String user = "agent" + ext;
        AgentClient agent = AgentClient.login(port, user, DemoUsers.AGENT_PASSWORD).connect();
        agent.awaitFrame("snapshot");
        presence.login(user);
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.members("hotline").keySet().stream()
                .anyMatch(i -> i.startsWith("Local/" + ext + "@agents")));
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status(user).state() == DeskState.READY);
        loggedIn = user;
        return agent;
    }

    // the main menu's wait for a key is the call's first: 0 puts the caller through (the queue offer then times out)
    private static void toAgentAtTheMainMenu(LabPbx.LabCall call) {
        awaitAgi(call, "WAIT FOR DIGIT", 1);
        assertThat(played(call.linkedid())).contains(Prompt.MENU_FAULT_ARREARS.file());
        call.press("0");
    }

    // the sound files Asterisk was told to play on this call, in order (STREAM FILE and GET DATA)
    private static List<String> played(String linkedid) {
        return agiCommands(linkedid).stream().filter(c -> c.startsWith("STREAM FILE ") || c.startsWith("GET DATA "))
                .flatMap(c -> Arrays.stream(c.split(" ")[2].split("&"))).toList();
    }

    private static List<String> agiCommands(String linkedid) {
        return pbx.ami().events().stream().filter(e -> e.is("AGIExecStart") && linkedid.equals(e.get("Linkedid")))
                .map(e -> e.get("Command").replace("\"", "")).toList();
    }

    // waits until Asterisk has started the n-th AGI command beginning with `command` on this call
    private static void awaitAgi(LabPbx.LabCall call, String command, int n) {
        await().atMost(Duration.ofSeconds(30)).until(() -> agiCommands(call.linkedid()).stream()
                .filter(c -> c.startsWith(command)).count() >= n);
    }

    private Map<String, Object> lastRun(String callId, String script) {
        List<Map<String, Object>> rows = jdbc.queryForList("select outcome, path, facts::text as facts from ivr_runs "
                + "where call_id = ? and script = ? order by id desc limit 1", callId, script);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private String customerId(String number) {
        return jdbc.queryForObject("select customer_id::text from customer_phones where normalized = ?", String.class,
                number);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
