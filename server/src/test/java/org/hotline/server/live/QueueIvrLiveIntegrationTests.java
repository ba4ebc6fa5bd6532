package org.hotline.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hotline.asterisklab.LabAmi;
import org.hotline.asterisklab.LabPbx;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.call.CallView;
import org.hotline.cti.presence.DeskState;
import org.hotline.ivr.Prompt;
import org.hotline.ivr.internal.FastAgiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The queue's IVR on the real Asterisk 22 (issue #14): a waiting caller's exit key books a callback at the place the
 * tracker saw them join, and after the agent hangs up (Queue option c) the caller answers the survey. The IVR is
 * switched on (global HOTLINE_IVR_URL) only once the caller is in the queue, so the entry scripts stay out of it.
 */
class QueueIvrLiveIntegrationTests extends LiveAsteriskTestBase {

    private static final String CALLER = "13700001499";

    @Autowired
    FastAgiServer fastAgi;

    @Autowired
    CallTracker tracker;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void promptsAndAgent() {
        // a short silence stands in for each recorded prompt, in both languages the lab knows
        for (String lang : new String[] {"en", "zh"}) {
            for (Prompt p : Prompt.values()) {
                Path file = pbx.asterisk().runDirectory().resolve("lib/sounds/" + lang + "/" + p.file() + ".wav");
                try {
                    Files.createDirectories(file.getParent());
                    Files.write(file, silence(Duration.ofMillis(700)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        presence.login("agent1001");
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.members("hotline").keySet().stream()
                .anyMatch(i -> i.startsWith("Local/1001@agents")));
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status("agent1001").state() == DeskState.READY);
    }

    @AfterEach
    void ivrOffAndAgentOut() {
        pbx.global("HOTLINE_IVR_URL", "");
        presence.logout("agent1001");
    }

    private void ivrOn() {
        pbx.global("HOTLINE_IVR_URL", "agi://127.0.0.1:" + fastAgi.port());
    }

    @Test
    void theQueueExitKeyBooksACallbackAtThePlaceTheTrackerSawAndEndsTheCall() {
        pbx.phoneNeverAnswers("1001");
        LabPbx.LabCall call = pbx.call("95598", CALLER, Duration.ofSeconds(120));
        CallId id = new CallId(call.linkedid());
        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.call(id).map(CallView::queuedAt).isPresent());
        Instant place = tracker.call(id).orElseThrow().queuedAt();
        ivrOn();

        call.press("1");

        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList("select 1 from callbacks where"
                + " call_id = ?", call.linkedid()).isEmpty());
        Map<String, Object> cb = jdbc.queryForMap("select kind, number, queue, queued_at from callbacks where call_id = ?",
                call.linkedid());
        assertThat(cb).containsEntry("kind", "requested").containsEntry("number", CALLER)
                .containsEntry("queue", "hotline");
        assertThat(((Timestamp) cb.get("queued_at")).toInstant()).isEqualTo(place);
        await().atMost(Duration.ofSeconds(20)).until(() -> !call.up());
        assertThat(jdbc.queryForObject("select path from ivr_runs where call_id = ? and script = 'callback-request'",
                String.class, call.linkedid())).endsWith("callback=booked");
    }

    @Test
    void afterTheAgentHangsUpTheCallerRatesTheCallAndTheReportViewNamesTheAgent() {
        pbx.phoneTalks("1001", Duration.ofSeconds(1), Duration.ofSeconds(6));
        LabPbx.LabCall call = pbx.call("95598", CALLER, Duration.ofSeconds(120));
        CallId id = new CallId(call.linkedid());
        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.call(id).map(CallView::state)
                .filter(s -> s == CallState.TALKING).isPresent());
        ivrOn();

        // the caller's half in the queue runs the survey once the agent is gone (Queue option c)
        String callerLeg = call.phone().replace(";1", ";2");
        await().atMost(Duration.ofSeconds(30)).until(() -> pbx.channels().stream()
                .anyMatch(c -> callerLeg.equals(c.get("Channel")) && "AGI".equals(c.get("Application"))));
        LabAmi.Message status = pbx.ami().actionAnyResponse("Getvar", "Channel", callerLeg, "Variable", "QUEUESTATUS");
        // Asterisk 22 says CONTINUE: not TIMEOUT nor JOINEMPTY/LEAVEEMPTY, so the dialplan reaches the survey
        assertThat(status.get("Value")).isEqualTo("CONTINUE");
        call.press("4");

        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList("select 1 from satisfaction_surveys"
                + " where call_id = ?", call.linkedid()).isEmpty());
        assertThat(jdbc.queryForObject("select score from satisfaction_surveys where call_id = ?", Integer.class,
                call.linkedid())).isEqualTo(4);
        await().atMost(Duration.ofSeconds(20)).until(() -> !call.up());
        // the call record, written when the call ended, gives the survey its agent
        await().atMost(Duration.ofSeconds(20)).until(() -> "agent1001".equals(jdbc.queryForList(
                "select agent_username from satisfaction_survey_results where call_id = ?", String.class,
                call.linkedid()).stream().findFirst().orElse(null)));
        assertThat(jdbc.queryForObject("select path from ivr_runs where call_id = ? and script = 'survey'",
                String.class, call.linkedid())).endsWith("survey=4");
    }

    // 8 kHz 16-bit mono PCM, what Asterisk plays without transcoding
    private static byte[] silence(Duration length) {
        int samples = (int) (8000 * length.toMillis() / 1000);
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes()).putInt(samples * 2);
        return b.array();
    }
}
