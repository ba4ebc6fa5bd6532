package org.hotline.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.hotline.asterisklab.LabAmi;
import org.hotline.asterisklab.LabPbx;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.DeskState;
import org.hotline.server.testing.AgentClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Listen, whisper and barge on the real Asterisk (docs/adr/0031), through the supervisor page's API: the demo
 * supervisor's phone (extension 1900) rings, answers and runs ChanSpy on agent 1004's channel with the mode's options,
 * and Asterisk's own account (the lab's AMI user, CoreShowChannels, talk detection on the supervisor's phone while
 * the agent's phone sends a tone) must agree with what Hotline answered.
 */
class SupervisorSpyLiveIntegrationTests extends LiveAsteriskTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AgentInterface ME = AgentInterface.of("Local/1004@agents");
    private static final Duration SOON = Duration.ofSeconds(15);

    @Autowired
    private CallTracker tracker;

    private AgentClient supervisor;

    @BeforeEach
    void agent1004IsReady() {
        pbx.phoneAnswers("1004", Duration.ofSeconds(1));
        pbx.phoneAnswers("1900", Duration.ofSeconds(1));
        // the agent speaks (a tone) and the supervisor's phone reports what reaches it
        pbx.phoneSpeaks("1004", 440);
        pbx.phoneHears("1900");
        presence.login("agent1004");
        await().atMost(SOON).until(() -> pbx.members("hotline").keySet().stream()
                .anyMatch(i -> i.startsWith("Local/1004@agents")));
        await().atMost(SOON).until(() -> presence.status("agent1004").state() == DeskState.READY);
        supervisor = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
    }

    @AfterEach
    void everyoneHangsUp() {
        try {
            pbx.hangupMatching("^Local/(1004|1900)@|^Local/95598@lab-callers");
            await().atMost(SOON).until(() -> pbx.channels().stream().map(c -> c.get("Channel"))
                    .noneMatch(c -> c.matches("^Local/(1004|1900)@.*")));
            await().atMost(SOON).until(() -> presence.status("agent1004").state() != DeskState.TALKING
                    && presence.status("agent1004").state() != DeskState.RINGING);
            presence.logout("agent1004");
        } finally {
            supervisor.close();
            pbx.phoneAnswers("1900", Duration.ofSeconds(1));
            pbx.phoneQuiet("1004");
            pbx.phoneQuiet("1900");
        }
    }

    /** A caller on the hotline whom agent 1004 answered; returns the agent's channel Hotline's tracker holds. */
    private String agentTalking(LabPbx.LabCall call) {
        await().atMost(SOON).until(() -> tracker.call(new CallId(call.linkedid()))
                .map(c -> c.state() == CallState.TALKING).orElse(false));
        return tracker.agentChannel(new CallId(call.linkedid()), ME).orElseThrow();
    }

    private JsonNode spy(String mode, int status) throws Exception {
        HttpResponse<String> r = supervisor.postJson("/api/supervisor/agents/agent1004/spy",
                JSON.writeValueAsString(Map.of("mode", mode)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    /** The supervisor's channel that runs ChanSpy now, as Asterisk lists it. */
    private LabAmi.Message spyChannel() {
        return await().atMost(SOON).until(() -> pbx.channels().stream()
                .filter(c -> c.get("Channel").startsWith("Local/1900@agents-")
                        && "ChanSpy".equals(c.get("Application"))).findFirst().orElse(null), c -> c != null);
    }

    @Test
    void listenIsDoneWhenTheSupervisorsPhoneRunsChanSpyQuietlyOnTheAgentsChannel() throws Exception {
        LabPbx.LabCall call = pbx.call("95598", "13800138201", Duration.ofMinutes(2));
        String agent = agentTalking(call);

        JsonNode a = spy("listen", 200);

        assertThat(a.path("outcome").asText()).isEqualTo("done");
        assertThat(a.path("code").asText()).isEqualTo("listening");
        assertThat(a.path("confirmedBy").asText()).startsWith("ChanSpyStart Local/1900@agents-").endsWith(agent);
        // Asterisk's own account: the spy channel runs ChanSpy on exactly the agent's channel, quietly
        LabAmi.Message spy = spyChannel();
        assertThat(spy.get("ApplicationData")).isEqualTo(agent + ",qES");
        assertThat(spy.get("ChannelStateDesc")).isEqualTo("Up");
        pbx.ami().awaitEvent(e -> e.is("ChanSpyStart") && agent.equals(e.get("SpyeeChannel"))
                && spy.get("Channel").equals(e.get("SpyerChannel")), SOON);
        // the supervisor's phone is the other half of that channel, answered, and the call's audio reaches it
        String phone = spy.get("Channel").replace(";1", ";2");
        assertThat(pbx.channels()).anySatisfy(c -> {
            assertThat(c.get("Channel")).isEqualTo(phone);
            assertThat(c.get("ChannelStateDesc")).isEqualTo("Up");
        });
        pbx.ami().awaitEvent(e -> e.is("ChannelTalkingStart") && phone.equals(e.get("Channel")), SOON);
        // the customer and the agent are still bridged to each other: listening took nobody off the call
        assertThat(call.up()).isTrue();
        assertThat(tracker.call(new CallId(call.linkedid())).orElseThrow().state()).isEqualTo(CallState.TALKING);
    }

    @Test
    void whisperAndBargeRunChanSpyWithTheirOwnOptionAndTheSpyLeavesWhenTheCallEnds() throws Exception {
        LabPbx.LabCall call = pbx.call("95598", "13800138202", Duration.ofMinutes(2));
        String agent = agentTalking(call);

        assertThat(spy("whisper", 200).path("code").asText()).isEqualTo("whispering");
        LabAmi.Message whisper = spyChannel();
        assertThat(whisper.get("ApplicationData")).isEqualTo(agent + ",qESw");
        pbx.hangup(whisper.get("Channel"));
        await().atMost(SOON).until(() -> pbx.channels().stream().noneMatch(c -> c.get("Channel")
                .startsWith("Local/1900@agents-")));

        assertThat(spy("barge", 200).path("code").asText()).isEqualTo("barging");
        assertThat(spyChannel().get("ApplicationData")).isEqualTo(agent + ",qESB");

        call.hangup();
        // option E: the spy leaves with the agent's channel
        await().atMost(SOON).until(() -> pbx.channels().stream().noneMatch(c -> c.get("Channel")
                .startsWith("Local/1900@agents-")));
    }

    @Test
    void aSupervisorPhoneThatIsBusyIsRefusedWithAsterisksReasonAndNothingJoinsTheCall() throws Exception {
        LabPbx.LabCall call = pbx.call("95598", "13800138203", Duration.ofMinutes(2));
        agentTalking(call);
        pbx.global("LAB_MODE_1900", "busy");

        JsonNode a = spy("listen", 409);

        assertThat(a.path("outcome").asText()).isEqualTo("refused");
        assertThat(a.path("code").asText()).isEqualTo("phone-busy");
        assertThat(a.path("detail").asText()).isEqualTo("OriginateResponse Failure Reason=5");
        assertThat(pbx.channels()).noneMatch(c -> "ChanSpy".equals(c.get("Application")));
    }
}
