package org.hotline.sms.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hotline.sms.message.EncodedSms;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.hotline.sms.message.SmsPart;
import org.hotline.sms.outbox.EnqueueResult;
import org.hotline.sms.outbox.InvalidSmsException;
import org.hotline.sms.outbox.OutboundSms;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.template.SmsTemplate;
import org.hotline.sms.template.SmsTemplates;
import org.hotline.sms.template.TemplateException;
import org.hotline.sms.web.ApiClients;
import org.hotline.sms.web.SmsApiProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/sms/v1}: one message or a templated batch from another system, and a message's state by id. Every
 * send needs an {@code Idempotency-Key}: the same key and body get the first answer again, another body gets 409.
 */
@RestController
@RequestMapping(path = "/api/sms/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class SmsApiController {

    private static final int MAX_BATCH = 10_000;
    private static final int MAX_KEY = 200;

    private final SmsOutbox outbox;
    private final SmsTemplates templates;
    private final IdempotencyStore store;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    SmsApiController(ObjectProvider<SmsOutbox> outbox, ObjectProvider<SmsCodec> codec, DataSource dataSource,
                     SmsTemplates templates, ObjectProvider<Clock> clock, ObjectProvider<SmsApiProperties> settings) {
        // the application's outbox when it has one; it is stateless over the DataSource, so our own is equivalent
        this.outbox = outbox.getIfAvailable(() -> new SmsOutbox(dataSource,
                codec.getIfAvailable(() -> new SmsCodec(SmsCodecSettings.DEFAULTS))));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        this.templates = templates;
        this.store = new IdempotencyStore(jdbc, settings.getIfAvailable(SmsApiProperties::defaults).claimTimeout());
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    private record Answer(int status, String body) {
    }

    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> message(@AuthenticationPrincipal ApiClients.ApiClient client,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                   @RequestBody String body) {
        return idempotent(client, key, "messages", body, node -> {
            String to = mobile(node.path("to").asText(""), "to");
            SmsKind kind = kind(node, SmsKind.GENERAL);
            String text;
            if (node.hasNonNull("template")) {
                SmsTemplate template = template(node.path("template").asText());
                text = templates.render(template, fields(node.path("fields"), "fields"));
                kind = node.hasNonNull("kind") ? kind : template.kind();
            } else {
                String raw = node.path("text").asText("");
                if (raw.isBlank()) {
                    throw new InvalidSmsException("text is empty (give text, or template and fields)");
                }
                text = templates.rules().finish(raw, kind);
            }
            String dedupe = "api:" + client.id() + ':' + ApiClients.hash(key).substring(0, 40);
            EnqueueResult r = outbox.enqueue(List.of(new OutboundSms(dedupe, to, text, kind, null, clock.instant())));
            ObjectNode out = json.createObjectNode();
            jdbc.query("select id, segments from sms_messages where dedupe_key = ?", rs -> {
                out.put("id", rs.getLong(1));
                out.put("segments", rs.getInt(2));
            }, dedupe);
            out.put("status", r.optedOut() > 0 ? "opted-out" : "queued");
            out.put("to", to);
            // what the handset will show: the codec's text (a '?' for each character replaced, under replace)
            EncodedSms sent = outbox.codec().encode(text, 0);
            out.put("text", sent.parts().stream().map(SmsPart::text).collect(Collectors.joining()));
            if (sent.replaced() > 0) {
                out.put("replaced", sent.replaced());
            }
            return new Answer(r.optedOut() > 0 ? 200 : 202, out.toString());
        });
    }

    @PostMapping(path = "/batches", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> batch(@AuthenticationPrincipal ApiClients.ApiClient client,
                                 @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                 @RequestBody String body) {
        return idempotent(client, key, "batches", body, node -> {
            SmsTemplate template = template(node.path("template").asText(""));
            SmsKind kind = kind(node, template.kind());
            JsonNode items = node.path("messages");
            if (!items.isArray() || items.isEmpty() || items.size() > MAX_BATCH) {
                throw new InvalidSmsException("messages: expected a list of 1.." + MAX_BATCH + " {to, fields}");
            }
            String prefix = "api:" + client.id() + ':' + ApiClients.hash(key).substring(0, 40) + ':';
            List<OutboundSms> batch = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String where = "messages[" + i + "]";
                String to = mobile(item.path("to").asText(""), where + ".to");
                String text;
                try {
                    text = templates.render(template, fields(item.path("fields"), where + ".fields"));
                } catch (TemplateException e) {
                    throw new TemplateException(where + ": " + e.getMessage());
                }
                batch.add(new OutboundSms(prefix + i, to, text, kind, null, clock.instant()));
            }
            EnqueueResult r = outbox.enqueue(batch);
            ObjectNode out = json.createObjectNode();
            out.put("accepted", batch.size());
            out.put("queued", r.queued());
            out.put("duplicates", r.duplicates());
            out.put("optedOut", r.optedOut());
            return new Answer(202, out.toString());
        });
    }

    /** A message this client sent: its state as the outbox knows it (404 for another client's or no message). */
    @GetMapping(path = "/messages/{id}")
    ResponseEntity<String> status(@AuthenticationPrincipal ApiClients.ApiClient client, @PathVariable String id) {
        long messageId;
        try {
            messageId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return error(400, "message id '" + clean(id) + "' is not a number");
        }
        List<ObjectNode> found = jdbc.query("""
                select id, destination, status, segments, kind, created_at, submitted_at, finished_at, error_code,
                       error_text, in_doubt_since is not null as in_doubt, in_doubt_resolution, attempts, smsc,
                       source_extension
                from sms_messages where id = ? and dedupe_key like ?""", (rs, i) -> {
            ObjectNode out = json.createObjectNode();
            out.put("id", rs.getLong("id"));
            out.put("to", rs.getString("destination"));
            boolean inDoubt = rs.getBoolean("in_doubt");
            // an in-doubt message is 'submitting' inside; callers see that its fate is being settled
            out.put("status", inDoubt ? ("held".equals(rs.getString("in_doubt_resolution")) ? "held" : "in-doubt")
                    : rs.getString("status"));
            out.put("kind", rs.getString("kind"));
            out.put("segments", rs.getInt("segments"));
            out.put("attempts", rs.getInt("attempts"));
            putTime(out, "createdAt", rs.getTimestamp("created_at"));
            putTime(out, "submittedAt", rs.getTimestamp("submitted_at"));
            putTime(out, "finishedAt", rs.getTimestamp("finished_at"));
            if (rs.getString("error_code") != null || rs.getString("error_text") != null) {
                out.put("errorCode", rs.getString("error_code"));
                out.put("error", rs.getString("error_text"));
            }
            if (rs.getString("in_doubt_resolution") != null) {
                out.put("inDoubtResolution", rs.getString("in_doubt_resolution"));
            }
            // the account it went through and the 106 extension it carries (replies to it are routed by it, ADR 0035)
            out.put("account", rs.getString("smsc"));
            out.put("sourceExtension", rs.getString("source_extension"));
            return out;
        }, messageId, "api:" + client.id() + ":%");
        if (found.isEmpty()) {
            return error(404, "no message " + messageId + " sent by this client");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(found.get(0).toString());
    }

    private static void putTime(ObjectNode out, String name, java.sql.Timestamp t) {
        if (t != null) {
            out.put(name, t.toInstant().toString());
        }
    }

    private interface Handler {
        Answer handle(JsonNode body);
    }

    private ResponseEntity<String> idempotent(ApiClients.ApiClient client, String key, String operation, String body,
                                              Handler handler) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            return error(400, "Idempotency-Key header required (1.." + MAX_KEY + " characters)");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            return error(400, "body is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return error(400, "body must be a JSON object");
        }
        String requestHash = ApiClients.hash(operation + '\n' + node);
        Optional<IdempotencyStore.Stored> stored = store.claim(client.id(), key, requestHash);
        if (stored.isPresent()) {
            IdempotencyStore.Stored s = stored.get();
            if (!s.requestHash().equals(requestHash)) {
                return error(409, "Idempotency-Key '" + key + "' was used for a different request");
            }
            if (s.status() == null) {
                return error(409, "a request with Idempotency-Key '" + key + "' is still being handled");
            }
            return ResponseEntity.status(s.status()).contentType(MediaType.APPLICATION_JSON).body(s.response());
        }
        Answer answer;
        try {
            answer = handler.handle(node);
        } catch (IllegalArgumentException e) {
            // the request's own fault (bad number, text, template): the same request gets the same 400 again
            answer = new Answer(400, message(e.getMessage()));
        } catch (RuntimeException e) {
            store.release(client.id(), key);
            throw e;
        }
        store.complete(client.id(), key, answer.status(), answer.body());
        return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
    }

    private SmsTemplate template(String name) {
        if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new TemplateException("no template named '" + clean(name) + "'");
        }
        return templates.find(name).orElseThrow(() -> new TemplateException("no template named '" + name + "'"));
    }

    private static SmsKind kind(JsonNode node, SmsKind fallback) {
        if (!node.hasNonNull("kind")) {
            return fallback;
        }
        String kind = node.path("kind").asText("");
        try {
            return SmsKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSmsException("kind '" + kind + "' (expected one of arrears, outage, work_order, "
                    + "escalation, general)");
        }
    }

    private static Map<String, String> fields(JsonNode node, String where) {
        Map<String, String> fields = new HashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return fields;
        }
        if (!node.isObject()) {
            throw new TemplateException(where + " must be an object of field values");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                throw new TemplateException(where + "." + e.getKey() + " must be text or a number");
            }
            fields.put(e.getKey(), e.getValue().asText());
        });
        return fields;
    }

    /** The number as the outbox stores it: +86 / 0086 / 86 prefixes, spaces and dashes dropped. */
    static String mobile(String raw, String where) {
        String digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        if (!digits.matches("1[3-9][0-9]{9}")) {
            throw new InvalidSmsException(where + ": '" + raw + "' is not a mobile number (11 digits starting 13-19)");
        }
        return digits;
    }

    private ResponseEntity<String> error(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(message(message));
    }

    private String message(String message) {
        return json.createObjectNode().put("message", clean(message)).toString();
    }

    /** Caller text echoed in an answer: a NUL cannot be stored with the answer in PostgreSQL, so it is spelled out. */
    private static String clean(String text) {
        return text == null ? null : text.replace("\0", "\\u0000");
    }
}
