package org.hotline.cti.callrecord.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.Caller;
import org.hotline.cti.callrecord.AgentInterval;
import org.hotline.cti.callrecord.CallDisposition;
import org.hotline.cti.callrecord.CallOutcome;
import org.hotline.cti.callrecord.CallRecord;
import org.hotline.cti.callrecord.CallSegment;
import org.hotline.cti.callrecord.CallSegments;
import org.hotline.cti.callrecord.RecoveredCall;
import org.hotline.cti.callrecord.WrapUp;

/**
 * Call records, wrap-ups and call outcomes as journal entries: a small JSON object with explicit field names ({@code "t"} the
 * type, times in epoch microseconds as the tracker keeps them, durations in nanoseconds), so a journal written by one
 * version is read by the next.
 */
public final class JournalCodec {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private JournalCodec() {
    }

    /** The entry for a call record, recovered call, call's segments, wrap-up, call outcome or agent interval. */
    public static byte[] encode(Object item) {
        ObjectNode n = JSON.createObjectNode();
        if (item instanceof CallRecord r) {
            call(n.put("t", "call"), r);
        } else if (item instanceof RecoveredCall c) {
            call(n.put("t", "recovered").put("source", c.source()), c.record());
        } else if (item instanceof CallSegments c) {
            n.put("t", "segments").put("id", c.callId().value());
            ArrayNode list = n.putArray("segments");
            for (CallSegment seg : c.segments()) {
                ObjectNode e = list.addObject().put("kind", seg.kind()).put("queue", seg.queue())
                        .put("agent", seg.agent() == null ? null : seg.agent().value()).put("result", seg.result());
                time(e, "from", seg.from());
                time(e, "to", seg.to());
            }
        } else if (item instanceof AgentInterval i) {
            n.put("t", "interval").put("agent", i.agent().value()).put("state", i.state()).put("reason", i.reason());
            time(n, "from", i.from());
            time(n, "to", i.to());
        } else if (item instanceof WrapUp w) {
            n.put("t", "wrapup").put("id", w.callId().value()).put("queue", w.queue())
                    .put("agent", w.agent().value()).put("duration", w.duration().toNanos());
            time(n, "ended", w.endedAt());
        } else if (item instanceof CallDisposition d) {
            n.put("t", "disposition").put("id", d.callId().value()).put("queue", d.queue())
                    .put("agent", d.agent().value()).put("code", d.code());
            time(n, "at", d.recordedAt());
        } else {
            throw new IllegalArgumentException("not a call record, recovered call, segments, wrap-up, call outcome or agent interval: "
                    + item.getClass().getName());
        }
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException ex) {
            throw new IllegalStateException("journal entry not serializable", ex);
        }
    }

    private static void call(ObjectNode n, CallRecord r) {
        n.put("id", r.callId().value()).put("direction", r.direction())
                .put("number", r.caller().number()).put("name", r.caller().name()).put("queue", r.queue())
                .put("agent", r.agent() == null ? null : r.agent().value()).put("member", r.memberName());
        time(n, "started", r.startedAt());
        time(n, "queued", r.queuedAt());
        time(n, "answered", r.answeredAt());
        time(n, "ended", r.endedAt());
        n.put("hold", r.hold().toNanos()).put("talk", r.talk().toNanos())
                .put("talkWithHold", r.talkWithHold().toNanos()).put("outcome", r.outcome().code())
                .put("cause", r.hangupCause()).put("endedBy", r.endedBy() == null ? null : r.endedBy().code());
    }

    /** The item an entry holds. */
    public static Object decode(byte[] payload) throws IOException {
        JsonNode n = JSON.readTree(payload);
        String type = n.path("t").asText();
        return switch (type) {
            case "call" -> call(n, new CallId(n.path("id").asText()));
            case "recovered" -> new RecoveredCall(call(n, new CallId(n.path("id").asText())), n.path("source").asText());
            case "wrapup" -> new WrapUp(new CallId(n.path("id").asText()), text(n, "queue"),
                    new AgentInterface(n.path("agent").asText()),
                    Duration.ofNanos(n.path("duration").asLong()), time(n, "ended"));
            case "segments" -> {
                List<CallSegment> list = new ArrayList<>();
                for (JsonNode e : n.path("segments")) {
                    String agent = text(e, "agent");
                    list.add(new CallSegment(e.path("kind").asText(), text(e, "queue"),
                            agent == null ? null : new AgentInterface(agent), time(e, "from"), time(e, "to"),
                            text(e, "result")));
                }
                yield new CallSegments(new CallId(n.path("id").asText()), list);
            }
            // added with issue #16: journals written before hold no such entries, so they read as before
            case "disposition" -> new CallDisposition(new CallId(n.path("id").asText()), text(n, "queue"),
                    new AgentInterface(n.path("agent").asText()), n.path("code").asText(), time(n, "at"));
            case "interval" -> new AgentInterval(new AgentInterface(n.path("agent").asText()),
                    n.path("state").asText(), text(n, "reason"), time(n, "from"), time(n, "to"));
            default -> throw new IOException("unknown journal entry type '" + type + "'");
        };
    }

    private static CallRecord call(JsonNode n, CallId id) {
        String agent = text(n, "agent");
        String endedBy = text(n, "endedBy");
        return new CallRecord(id, n.path("direction").asText(),
                new Caller(n.path("number").asText(""), n.path("name").asText("")), text(n, "queue"),
                agent == null ? null : new AgentInterface(agent), text(n, "member"),
                time(n, "started"), time(n, "queued"), time(n, "answered"), time(n, "ended"),
                Duration.ofNanos(n.path("hold").asLong()), Duration.ofNanos(n.path("talk").asLong()),
                Duration.ofNanos(n.path("talkWithHold").asLong()), CallOutcome.ofCode(n.path("outcome").asText()),
                n.path("cause").asInt(),
                endedBy == null ? null : CallEnded.EndedBy.valueOf(endedBy.toUpperCase(Locale.ROOT)));
    }

    private static void time(ObjectNode n, String field, Instant at) {
        if (at == null) {
            n.putNull(field);
        } else {
            n.put(field, ChronoUnit.MICROS.between(Instant.EPOCH, at));
        }
    }

    private static Instant time(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : Instant.EPOCH.plus(v.asLong(), ChronoUnit.MICROS);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
