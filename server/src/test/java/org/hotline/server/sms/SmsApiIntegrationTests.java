package org.hotline.server.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hotline.sms.outbox.OutboundSms;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.template.SmsTemplates;
import org.hotline.sms.web.ApiClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.hotline.server.testing.SimulatedServerTest;

/**
 * {@code /api/sms/v1} over HTTP against the whole server: API-key auth, idempotency, bad input. Same server settings
 * as {@code AgentPageBrowserIntegrationTests}, so they share one Spring context.
 */
@SimulatedServerTest
class SmsApiIntegrationTests {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ApiClients clients;

    @Autowired
    SmsTemplates templates;

    @Autowired
    DataSource dataSource;

    @Autowired
    SmsOutbox outbox;

    @Autowired
    org.hotline.sms.notice.OutageNoticeScheduler noticeScheduler;

    private String key;
    private long client;

    @BeforeEach
    void newClient() {
        ApiClients.NewApiClient c = clients.create("billing-" + UUID.randomUUID(), "test");
        key = c.key();
        client = c.id();
        templates.save("api-due", SmsKind.ARREARS, "{name}您好，您本期电费{amount}元，请于{dueDate}前缴纳。", "test");
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer post(String path, String bearer, String idempotencyKey, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isEmpty() ? null : json.readTree(r.body()));
    }

    private Answer get(String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isEmpty() ? null : json.readTree(r.body()));
    }

    private int messagesOfClient() {
        return new JdbcTemplate(dataSource).queryForObject("select count(*) from sms_messages where dedupe_key like ?",
                Integer.class, "api:" + client + ":%");
    }

    @Test
    void aMessageIsQueuedOnceAndTheSameKeyAndBodyGetTheSameAnswer() throws Exception {
        String body = "{\"to\": \"+86 138-0013-8000\", \"text\": \"您的报修工单已受理\", \"kind\": \"work_order\"}";

        Answer first = post("/api/sms/v1/messages", key, "k-1", body);
        Answer again = post("/api/sms/v1/messages", key, "k-1", body);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body().path("status").asText()).isEqualTo("queued");
        assertThat(first.body().path("to").asText()).isEqualTo("13800138000");
        assertThat(first.body().path("text").asText()).startsWith("【").endsWith("您的报修工单已受理");
        assertThat(first.body().path("id").asLong()).isPositive();
        assertThat(again).isEqualTo(first);
        assertThat(messagesOfClient()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictAndQueuesNothing() throws Exception {
        post("/api/sms/v1/messages", key, "k-2", "{\"to\": \"13800138000\", \"text\": \"第一条\"}");

        Answer other = post("/api/sms/v1/messages", key, "k-2", "{\"to\": \"13800138000\", \"text\": \"第二条\"}");

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body().path("message").asText()).contains("different request");
        assertThat(messagesOfClient()).isEqualTo(1);
    }

    @Test
    void theOutageNoticeSchedulerRunsInTheServer() {
        assertThat(noticeScheduler.isRunning()).isTrue();
    }

    @Test
    void aMissingOrWrongKeyIs401() throws Exception {
        String body = "{\"to\": \"13800138000\", \"text\": \"hi\"}";

        assertThat(post("/api/sms/v1/messages", null, "k-3", body).status()).isEqualTo(401);
        assertThat(post("/api/sms/v1/messages", key + "x", "k-3", body).status()).isEqualTo(401);
        clients.disable(client);
        assertThat(post("/api/sms/v1/messages", key, "k-3", body).status()).isEqualTo(401);
        assertThat(messagesOfClient()).isZero();
    }

    @Test
    void badInputIs400WithAMessageAndQueuesNothing() throws Exception {
        assertThat(post("/api/sms/v1/messages", key, null, "{\"to\": \"13800138000\", \"text\": \"x\"}")
                .body().path("message").asText()).contains("Idempotency-Key");
        assertThat(post("/api/sms/v1/messages", key, "b-1", "{\"to\": \"1380013800\", \"text\": \"x\"}")
                .body().path("message").asText()).contains("not a mobile number");
        assertThat(post("/api/sms/v1/messages", key, "b-2", "{\"to\": \"13800138000\", \"text\": \"  \"}")
                .body().path("message").asText()).contains("text is empty");
        Answer tooLong = post("/api/sms/v1/messages", key, "b-3", "{\"to\": \"13800138000\", \"text\": \""
                + "电".repeat(1000) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("message").asText()).contains("parts");
        Answer unknownField = post("/api/sms/v1/messages", key, "b-4", "{\"to\": \"13800138000\", "
                + "\"template\": \"api-due\", \"fields\": {\"name\": \"张三\", \"amount\": \"10\"}}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body().path("message").asText()).contains("{dueDate}");
        assertThat(post("/api/sms/v1/messages", key, "b-5", "not json").status()).isEqualTo(400);
        assertThat(messagesOfClient()).isZero();
    }

    @Test
    void aBatchRendersTheTemplateForEachRecipientAllOrNone() throws Exception {
        String good = "{\"template\": \"api-due\", \"messages\": ["
                + "{\"to\": \"13800138000\", \"fields\": {\"name\": \"张三\", \"amount\": \"88.50\", \"dueDate\": \"12月1日\"}},"
                + "{\"to\": \"13911112222\", \"fields\": {\"name\": \"赵六\", \"amount\": \"12.00\", \"dueDate\": \"12月1日\"}}]}";
        String bad = good.replace("\"dueDate\": \"12月1日\"}}]", "\"due\": \"x\"}}]");

        Answer rejected = post("/api/sms/v1/batches", key, "batch-bad", bad);
        Answer accepted = post("/api/sms/v1/batches", key, "batch-1", good);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body().path("message").asText()).contains("messages[1]", "{dueDate}");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().path("accepted").asInt()).isEqualTo(2);
        assertThat(accepted.body().path("queued").asInt() + accepted.body().path("optedOut").asInt()).isEqualTo(2);
        assertThat(new JdbcTemplate(dataSource).queryForList("select body from sms_messages where dedupe_key like ? "
                + "order by dedupe_key", String.class, "api:" + client + ":%")).first(
                org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("张三您好，您本期电费88.50元").endsWith("回TD退订");
    }

    @Test
    void aClientReadsTheStateOfItsOwnMessagesByIdAndNoOneElses() throws Exception {
        Answer sent = post("/api/sms/v1/messages", key, "s-1", "{\"to\": \"13800138001\", \"text\": \"停电通知\", "
                + "\"kind\": \"outage\"}");
        long id = sent.body().path("id").asLong();
        ApiClients.NewApiClient other = clients.create("other-" + UUID.randomUUID(), "test");

        Answer mine = get("/api/sms/v1/messages/" + id, key);
        Answer theirs = get("/api/sms/v1/messages/" + id, other.key());

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().path("id").asLong()).isEqualTo(id);
        assertThat(mine.body().path("to").asText()).isEqualTo("13800138001");
        assertThat(mine.body().path("status").asText()).isIn("queued", "submitting", "in-doubt", "submitted",
                "delivered");
        assertThat(mine.body().path("kind").asText()).isEqualTo("outage");
        assertThat(mine.body().path("sourceExtension").asText()).isEqualTo("02"); // the outage extension (ADR 0035)
        assertThat(mine.body().has("account")).isTrue();
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(get("/api/sms/v1/messages/abc", key).status()).isEqualTo(400);
        assertThat(get("/api/sms/v1/messages/" + id, null).status()).isEqualTo(401);
    }

    @Test
    void aNulInTheTextOrAFieldIs400NotA500() throws Exception {
        Answer text = post("/api/sms/v1/messages", key, "nul-1", "{\"to\": \"13800138000\", \"text\": \"a\\u0000b\"}");
        Answer field = post("/api/sms/v1/messages", key, "nul-2", "{\"to\": \"13800138000\", \"template\": \"api-due\", "
                + "\"fields\": {\"name\": \"张\\u0000三\", \"amount\": \"1\", \"dueDate\": \"1日\"}}");
        Answer template = post("/api/sms/v1/messages", key, "nul-3", "{\"to\": \"13800138000\", "
                + "\"template\": \"api\\u0000due\"}");

        assertThat(text.status()).isEqualTo(400);
        assertThat(text.body().path("message").asText()).contains("U+0000");
        assertThat(field.status()).isEqualTo(400);
        assertThat(template.status()).isEqualTo(400);
        assertThat(template.body().path("message").asText()).contains("no template named");
        assertThat(messagesOfClient()).isZero();
    }

    @Test
    void aKeyClaimedByARequestThatDiedIsTakenOverByTheSameRequestAfterTheClaimTimeout() throws Exception {
        String body = "{\"to\": \"13800138002\", \"text\": \"您的报修工单已受理\", \"kind\": \"work_order\"}";
        String hash = ApiClients.hash("messages\n" + json.readTree(body));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // a request claimed the key and died before answering (kill -9), long ago; another is in flight now
        jdbc.update("insert into api_idempotency (client_id, idem_key, request_hash, claimed_at) values (?, 'dead', ?, "
                + "now() - interval '10 minutes'), (?, 'live', ?, now())", client, hash, client, hash);

        Answer retried = post("/api/sms/v1/messages", key, "dead", body);
        Answer again = post("/api/sms/v1/messages", key, "dead", body);
        Answer busy = post("/api/sms/v1/messages", key, "live", body);

        assertThat(retried.status()).isEqualTo(202);
        assertThat(again).isEqualTo(retried);
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.body().path("message").asText()).contains("still being handled");
        assertThat(messagesOfClient()).isEqualTo(1);
    }

    @Test
    void anEmojiIsSentAsUcs2AndTheAnswerShowsWhatTheHandsetShows() throws Exception {
        Answer sent = post("/api/sms/v1/messages", key, "emoji-1", "{\"to\": \"13800138003\", "
                + "\"text\": \"停电已恢复\uD83D\uDE00\", \"kind\": \"outage\"}");

        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.body().path("text").asText()).endsWith("停电已恢复\uD83D\uDE00");
        assertThat(sent.body().has("replaced")).isFalse();
        assertThat(new JdbcTemplate(dataSource).queryForObject("select body from sms_messages where id = ?",
                String.class, sent.body().path("id").asLong())).endsWith("\uD83D\uDE00");
    }

    @Test
    void arrearsQueuedByAnyPathAtNightWaitForTheMorningButOutageNoticesDoNot() {
        Instant night = Instant.parse("2026-12-07T15:00:00Z"); // 23:00 in Shanghai
        outbox.enqueue(List.of(new OutboundSms("night-arrears-" + client, "13800138004", "缴费提醒", SmsKind.ARREARS,
                null, night), new OutboundSms("night-outage-" + client, "13800138004", "停电通知", SmsKind.OUTAGE, null,
                night)));

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select not_before from sms_messages where dedupe_key = ?", Timestamp.class,
                "night-arrears-" + client).toInstant()).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
        assertThat(jdbc.queryForObject("select not_before from sms_messages where dedupe_key = ?", Timestamp.class,
                "night-outage-" + client).toInstant()).isEqualTo(night);
    }
}
