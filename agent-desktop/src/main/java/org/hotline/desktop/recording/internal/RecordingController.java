package org.hotline.desktop.recording.internal;

import java.nio.file.Path;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cti.recording.CallRecording;
import org.hotline.cti.recording.CallRecordings;
import org.hotline.desktop.control.AuditLog;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Call recordings for supervisors (docs/adr/0030): the latest ones with their call, and each one's WAV streamed with
 * HTTP ranges to the page's audio player, the file found from the stored row only. Every playback is audited once
 * (its first request, not each range the player asks for). Administrators switch recording per queue.
 */
@RestController
class RecordingController {

    private static final MediaType WAV = MediaType.parseMediaType("audio/wav");

    private final CallRecordings recordings;
    private final AuditLog audit;

    RecordingController(CallRecordings recordings, AuditLog audit) {
        this.recordings = recordings;
        this.audit = audit;
    }

    @GetMapping("/api/recordings")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    List<Map<String, Object>> recent(@RequestParam(defaultValue = "50") int limit,
                                     @RequestParam(required = false) String callId) {
        List<CallRecording> rows = callId == null || callId.isBlank() ? recordings.recent(limit)
                : recordings.ofCall(callId.strip());
        return rows.stream().map(this::json).toList();
    }

    @GetMapping("/api/recordings/{id}/audio")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    ResponseEntity<?> audio(Principal me, @PathVariable long id,
                            @RequestHeader(value = HttpHeaders.RANGE, required = false) String range) {
        CallRecording r = recordings.find(id).orElse(null);
        if (r == null) {
            return refused(HttpStatus.NOT_FOUND, "no recording " + id);
        }
        Path file = recordings.file(r).orElse(null);
        if (file == null) {
            return refused(HttpStatus.GONE, r.deleted() ? "recording " + id + " was deleted after its retention"
                    : "the file of recording " + id + " is not in the recordings folder");
        }
        if (r.endedAt() == null) {
            return refused(HttpStatus.CONFLICT, "recording " + id + " is still running: play it after the call");
        }
        // a player asks for many ranges of one playback: its first request is the one that counts
        if (range == null || range.replace(" ", "").startsWith("bytes=0-")) {
            audit.record(me.getName(), "recording-played", r.callId(), Map.of("recording", r.id(),
                    "agent", String.valueOf(r.agent()), "queue", String.valueOf(r.queue())));
        }
        Resource body = new FileSystemResource(file);
        return ResponseEntity.ok().contentType(WAV).header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(body);
    }

    @GetMapping("/api/admin/queues/recording")
    Map<String, Boolean> switches() {
        return recordings.queueSwitches();
    }

    @PutMapping("/api/admin/queues/{name}/recording")
    ResponseEntity<?> setSwitch(Principal me, @PathVariable String name,
                                @RequestBody(required = false) Map<String, Object> body) {
        Object on = body == null ? null : body.get("enabled");
        if (!(on instanceof Boolean enabled)) {
            return refused(HttpStatus.BAD_REQUEST, "enabled: '" + on + "' (expected: true or false)");
        }
        if (!recordings.setQueueSwitch(name, enabled)) {
            return refused(HttpStatus.NOT_FOUND, "no queue '" + name + "'");
        }
        audit.record(me.getName(), "queue-recording", name, Map.of("enabled", enabled));
        return ResponseEntity.ok(Map.of("queue", name, "enabled", enabled));
    }

    private Map<String, Object> json(CallRecording r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("callId", r.callId());
        m.put("startedAt", r.startedAt().toString());
        m.put("endedAt", r.endedAt() == null ? null : r.endedAt().toString());
        m.put("durationMs", r.durationMs());
        m.put("sizeBytes", r.sizeBytes());
        m.put("muted", r.muted());
        m.put("deleted", r.deleted());
        m.put("queue", r.queue());
        m.put("agent", r.agent());
        m.put("callerNumber", r.callerNumber());
        m.put("playable", !r.deleted() && r.endedAt() != null);
        return m;
    }

    private static ResponseEntity<Map<String, Object>> refused(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", status.getReasonPhrase(), "message", message,
                "at", Instant.now().toString()));
    }
}
