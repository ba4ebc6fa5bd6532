package org.hotline.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hotline.asterisklab.LabPbx;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.DeskState;
import org.hotline.cti.recording.CallRecording;
import org.hotline.cti.recording.CallRecordings;
import org.hotline.cti.recording.internal.RecordingJobs;
import org.hotline.cti.recording.internal.WavLength;
import org.hotline.server.browser.Browser;
import org.hotline.server.testing.AgentClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Call recording on the real Asterisk (docs/adr/0030): the shipped dialplan records a queue call from the agent's
 * answer with MixMonitor, Hotline stores the file Asterisk reported and measures it when Asterisk closed it, the
 * agent's pause is confirmed by Asterisk, a queue switched off is not recorded, and the file plays in the supervisors'
 * page in Chromium.
 */
class RecordingLiveIntegrationTests extends LiveAsteriskTestBase {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SOON = Duration.ofSeconds(15);

    @Autowired
    private CallTracker tracker;

    @Autowired
    private CallRecordings recordings;

    @Autowired
    private RecordingJobs jobs;

    @BeforeEach
    void agent1004IsReady() {
        pbx.phoneAnswers("1004", Duration.ofSeconds(1));
        pbx.phoneSpeaks("1004", 440); // audio for MixMonitor to write: the lab's phones are otherwise silent
        presence.login("agent1004");
        await().atMost(SOON).until(() -> pbx.members("hotline").keySet().stream()
                .anyMatch(i -> i.startsWith("Local/1004@agents")));
        await().atMost(SOON).until(() -> presence.status("agent1004").state() == DeskState.READY);
    }

    @AfterEach
    void everyoneHangsUp() {
        try {
            pbx.hangupMatching("^Local/1004@|^Local/95598@lab-callers");
            await().atMost(SOON).until(() -> pbx.channels().stream().map(c -> c.get("Channel"))
                    .noneMatch(c -> c.matches("^Local/1004@.*")));
            await().atMost(SOON).until(() -> presence.status("agent1004").state() != DeskState.TALKING
                    && presence.status("agent1004").state() != DeskState.RINGING);
            presence.logout("agent1004");
        } finally {
            recordings.setQueueSwitch("hotline", true);
            pbx.phoneAnswers("1004", Duration.ofSeconds(1));
            pbx.phoneQuiet("1004");
            pbx.global("LAB_TALK_1004", "");
        }
    }

    private void talking(LabPbx.LabCall call) {
        await().atMost(SOON).until(() -> tracker.call(new CallId(call.linkedid()))
                .map(c -> c.state() == CallState.TALKING).orElse(false));
    }

    private CallRecording finished(LabPbx.LabCall call) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<CallRecording> rows = recordings.ofCall(call.linkedid());
            return rows.size() == 1 && rows.get(0).endedAt() != null ? rows.get(0) : null;
        }, r -> r != null);
    }

    @Test
    void aQueueCallIsRecordedFromTheAnswerForTheCallsLengthAndPlaysInTheSupervisorsPage() throws Exception {
        pbx.phoneTalks("1004", Duration.ofSeconds(1), Duration.ofSeconds(6));
        LabPbx.LabCall call = pbx.call("95598", "13800138301", Duration.ofMinutes(2));
        talking(call);

        CallRecording r = finished(call);

        Path file = recordings.root().resolve(r.file());
        assertThat(r.file()).matches("hotline/\\d{4}/\\d{2}/\\d{2}/" + call.linkedid().replace(".", "\\.")
                + "-[0-9.]+\\.wav");
        assertThat(r.channel()).startsWith("Local/1004@agents-");
        assertThat(Files.size(file)).isEqualTo(r.sizeBytes()).isGreaterThan(44);
        // the agent talked 6 s (the lab's phone hangs up then): the file is as long, give or take a second
        assertThat(WavLength.millis(file)).isEqualTo(r.durationMs()).isBetween(5_000L, 7_500L);
        pbx.ami().awaitEvent(e -> e.is("MixMonitorStart") && call.linkedid().equals(e.get("Linkedid")), SOON);

        try (AgentClient sup = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD)) {
            // the call record is written in batches after the call: its queue shows once it is
            JsonNode listed = await().atMost(SOON).until(() -> JSON.readTree(sup.get("/api/recordings?callId="
                    + call.linkedid()).body()), l -> "hotline".equals(l.path(0).path("queue").asText()));
            assertThat(listed.get(0).path("playable").asBoolean()).isTrue();
        }
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            browser.logIn("http://127.0.0.1:" + port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
            browser.open("http://127.0.0.1:" + port + "/recordings.html");
            browser.await(By.cssSelector("tr[data-recording='" + r.id() + "'] button.rec-play")).click();
            WebElement audio = browser.await(By.cssSelector("audio[data-recording='" + r.id() + "']"));
            double seconds = await().atMost(SOON).until(() -> ((Number) browser.script(
                    "const d = arguments[0].duration; return isFinite(d) ? d : 0", audio)).doubleValue(), d -> d > 0);
            assertThat(seconds * 1000).isCloseTo(r.durationMs(), org.assertj.core.data.Offset.offset(500.0));
            browser.screenshot("recordings-page-" + size.getWidth() + "x" + size.getHeight());
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void theAgentPausesAndResumesTheRecordingOnTheirPressConfirmedByAsterisk() throws Exception {
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        browser.logIn("http://127.0.0.1:" + port, "agent1004", DemoUsers.AGENT_PASSWORD);
        browser.open("http://127.0.0.1:" + port + "/agent.html");
        LabPbx.LabCall call = pbx.call("95598", "13800138302", Duration.ofMinutes(2));
        talking(call);
        await().atMost(SOON).until(() -> !recordings.ofCall(call.linkedid()).isEmpty());

        // the desk's button, pressed while the customer reads out a card number
        browser.await(By.id("rec-toggle"), WebElement::isDisplayed).click();
        browser.await(By.id("rec-status"), e -> e.getText().equals("录音已暂停"));
        assertThat(browser.await(By.id("rec-toggle")).getText()).isEqualTo("恢复录音");
        pbx.ami().awaitEvent(e -> e.is("MixMonitorMute") && "1".equals(e.get("State"))
                && e.get("Channel").startsWith("Local/1004@agents-"), SOON);
        await().atMost(SOON).until(() -> recordings.ofCall(call.linkedid()).get(0).muted());
        browser.screenshot("agent-recording-paused-1366x768");
        assertThat(browser.consoleErrors()).isEmpty();

        try (AgentClient agent = AgentClient.login(port, "agent1004", DemoUsers.AGENT_PASSWORD);
             AgentClient other = AgentClient.login(port, "agent1003", DemoUsers.AGENT_PASSWORD)) {
            String body = "{\"callId\":\"" + call.linkedid() + "\"}";
            HttpResponse<String> again = agent.postJson("/api/control/recording/pause", body);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(JSON.readTree(again.body()).path("code").asText()).isEqualTo("recording-paused");

            HttpResponse<String> stolen = other.postJson("/api/control/recording/pause", body);
            assertThat(stolen.statusCode()).isEqualTo(403);

            HttpResponse<String> resumed = agent.postJson("/api/control/recording/resume", body);
            assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
            assertThat(JSON.readTree(resumed.body()).path("code").asText()).isEqualTo("recording-resumed");
            await().atMost(SOON).until(() -> !recordings.ofCall(call.linkedid()).get(0).muted());
        }
    }

    @Test
    void aQueueSwitchedOffOnTheQueuePageIsNotRecorded() throws Exception {
        recordings.setQueueSwitch("hotline", false);
        await().atMost(SOON).until(() -> pbx.asterisk().cli("dialplan show globals")
                .contains("HOTLINE_RECORD_hotline=no"));
        assertThat(jobs.sync()).isGreaterThanOrEqualTo(1);
        LabPbx.LabCall call = pbx.call("95598", "13800138303", Duration.ofMinutes(2));
        talking(call);
        // the answer ran the recording's gosub, which returned at once
        pbx.ami().awaitEvent(e -> e.is("BridgeEnter") && call.linkedid().equals(e.get("Linkedid"))
                && e.get("Channel").startsWith("Local/1004@agents-"), SOON);

        call.hangup();
        await().atMost(SOON).until(() -> tracker.call(new CallId(call.linkedid())).isEmpty());
        assertThat(recordings.ofCall(call.linkedid())).isEmpty();
        assertThat(pbx.ami().events()).noneMatch(e -> e.is("MixMonitorStart")
                && call.linkedid().equals(e.get("Linkedid")));
    }
}
