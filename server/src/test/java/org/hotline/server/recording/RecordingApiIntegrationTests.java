package org.hotline.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.recording.CallRecording;
import org.hotline.cti.recording.CallRecordings;
import org.hotline.cti.recording.internal.RecordingJobs;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Call recordings without a PBX: Asterisk's MixMonitor events as the lab's Asterisk sends them, a WAV in the
 * recordings folder, then the supervisors' list and player (HTTP ranges), the audit, the queue switch, the retention
 * and the health component.
 */
@SimulatedServerTest
class RecordingApiIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    RecordingJobs jobs;

    @Autowired
    CallRecordings recordings;

    @Autowired
    DataSource dataSource;

    /** A recording Asterisk started and stopped, with a WAV of {@code millis} in the folder; returns its row. */
    private CallRecording recorded(String callId, long millis, Instant start) throws IOException {
        String file = "hotline/2026/12/07/" + callId + "-1795434950.3.wav";
        Path wav = recordings.root().resolve(file);
        Files.createDirectories(wav.getParent());
        Files.write(wav, wav(millis));
        String channel = "Local/1001@agents-" + callId + ";1";
        jobs.events().apply(AmiMessage.of("Event", "MixMonitorStart", "Channel", channel, "Linkedid", callId,
                "ChanVariable", "HOTLINE_RECORDING=" + file, "Timestamp", seconds(start)));
        jobs.events().apply(AmiMessage.of("Event", "MixMonitorStop", "Channel", channel, "Linkedid", callId,
                "ChanVariable", "HOTLINE_RECORDING=" + file, "Timestamp", seconds(start.plusMillis(millis))));
        List<CallRecording> rows = recordings.ofCall(callId);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void aStoppedRecordingIsMeasuredListedAndStreamedInRangesToSupervisorsAndEachPlaybackIsAuditedOnce()
            throws Exception {
        String callId = "rec" + System.nanoTime();
        CallRecording r = recorded(callId, 3_500, Instant.now());
        assertThat(r.durationMs()).isEqualTo(3_500);
        assertThat(r.sizeBytes()).isEqualTo(44 + 56_000);

        try (AgentClient sup = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
             AgentClient agent = AgentClient.login(port, "agent1001", DemoUsers.AGENT_PASSWORD)) {
            JsonNode list = JSON.readTree(sup.get("/api/recordings?callId=" + callId).body());
            assertThat(list).hasSize(1);
            assertThat(list.get(0).path("durationMs").asLong()).isEqualTo(3_500);
            assertThat(list.get(0).path("playable").asBoolean()).isTrue();

            String audio = "/api/recordings/" + r.id() + "/audio";
            HttpResponse<byte[]> first = sup.getBytes(audio, "Range", "bytes=0-99");
            HttpResponse<byte[]> later = sup.getBytes(audio, "Range", "bytes=1000-");
            assertThat(first.statusCode()).isEqualTo(206);
            assertThat(first.body()).hasSize(100);
            assertThat(first.headers().firstValue("Content-Range")).hasValue("bytes 0-99/56044");
            assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("audio/wav");
            assertThat(later.statusCode()).isEqualTo(206);
            assertThat(later.body()).hasSize(56_044 - 1000);
            assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from audit_log where"
                    + " action = 'recording-played' and target = ? and actor = 'supervisor'", Integer.class, callId))
                    .isEqualTo(1);

            assertThat(agent.getBytes(audio).statusCode()).isEqualTo(403);
            assertThat(agent.get("/api/recordings").statusCode()).isEqualTo(403);
            assertThat(sup.get("/api/recordings/987654321/audio").statusCode()).isEqualTo(404);
            assertThat(sup.get("/api/recordings/abc/audio").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aFileNameThatWouldLeaveTheFolderIsNeverStored() {
        String callId = "rec" + System.nanoTime();
        jobs.events().apply(AmiMessage.of("Event", "MixMonitorStart", "Channel", "Local/1001@agents-x;1",
                "Linkedid", callId, "ChanVariable", "HOTLINE_RECORDING=hotline/../../../etc/passwd.wav"));
        jobs.events().apply(AmiMessage.of("Event", "MixMonitorStart", "Channel", "Local/1001@agents-y;1",
                "Linkedid", callId, "ChanVariable", "HOTLINE_RECORDING=/etc/hotline.wav"));

        assertThat(recordings.ofCall(callId)).isEmpty();
    }

    @Test
    void recordingsPastTheRetentionLoseTheirFileButKeepTheirRow() throws Exception {
        String old = "rec" + System.nanoTime();
        String fresh = "rec" + (System.nanoTime() + 1);
        CallRecording a = recorded(old, 1_000, Instant.parse("2020-01-01T00:00:00Z"));
        CallRecording b = recorded(fresh, 1_000, Instant.now());
        Path oldFile = recordings.file(a).orElseThrow();

        int deleted = jobs.sweep();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(Files.exists(oldFile)).isFalse();
        assertThat(recordings.find(a.id()).orElseThrow().deleted()).isTrue();
        assertThat(recordings.find(b.id()).orElseThrow().deleted()).isFalse();
        assertThat(recordings.file(recordings.find(b.id()).orElseThrow())).isPresent();
        try (AgentClient sup = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD)) {
            assertThat(sup.get("/api/recordings/" + a.id() + "/audio").statusCode()).isEqualTo(410);
        }
    }

    @Test
    void administratorsSwitchRecordingPerQueueAuditedAndTheHealthPageShowsTheFolder() throws Exception {
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            assertThat(JSON.readTree(admin.get("/api/admin/queues/recording").body()).path("gas").asBoolean())
                    .isTrue();
            HttpResponse<String> off = admin.sendJson("PUT", "/api/admin/queues/gas/recording", "{\"enabled\":false}");
            assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
            assertThat(recordings.queueSwitches()).containsEntry("gas", false);
            assertThat(admin.sendJson("PUT", "/api/admin/queues/gas/recording", "{\"enabled\":\"maybe\"}")
                    .statusCode()).isEqualTo(400);
            assertThat(admin.sendJson("PUT", "/api/admin/queues/nosuch/recording", "{\"enabled\":true}")
                    .statusCode()).isEqualTo(404);
            assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from audit_log where"
                    + " action = 'queue-recording' and target = 'gas'", Integer.class)).isGreaterThanOrEqualTo(1);
            admin.sendJson("PUT", "/api/admin/queues/gas/recording", "{\"enabled\":true}");

            Files.createDirectories(recordings.root());
            JsonNode health = JSON.readTree(admin.get("/actuator/health").body()).path("components")
                    .path("recordings");
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.path("details").path("directory").asText()).isEqualTo(recordings.root().toString());
            assertThat(health.path("details").path("retention").asText()).isEqualTo("PT4320H");
            assertThat(health.path("details").has("bytes")).isTrue();
        }
    }

    private static String seconds(Instant t) {
        return t.getEpochSecond() + "." + String.format("%06d", t.getNano() / 1000);
    }

    // 8 kHz 16-bit mono, as MixMonitor writes .wav
    private static byte[] wav(long millis) {
        int bytes = (int) (16 * millis);
        ByteBuffer b = ByteBuffer.allocate(44 + bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + bytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(bytes);
        return b.array();
    }
}
