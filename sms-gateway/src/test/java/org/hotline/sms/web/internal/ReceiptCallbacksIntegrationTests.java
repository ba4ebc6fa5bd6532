package org.hotline.sms.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.sms.web.SmsApiProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Receipt callbacks to a billing system: each API message's final state POSTed, retried, then given up. */
class ReceiptCallbacksIntegrationTests {

    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HikariDataSource db;
    private JdbcTemplate jdbc;
    private HttpServer billing;

    @BeforeEach
    void start() throws Exception {
        db = EmbeddedPostgresSupport.migratedDatabase();
        jdbc = new JdbcTemplate(db);
        billing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        billing.createContext("/receipts", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean fail = failuresLeft.getAndDecrement() > 0;
            if (!fail) {
                received.add(json.readTree(new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(fail ? 503 : 204, -1);
            exchange.close();
        });
        billing.start();
    }

    @AfterEach
    void stop() {
        billing.stop(0);
        db.close();
    }

    private ReceiptCallbacks callbacks(int maxAttempts) {
        return new ReceiptCallbacks(db, new SmsApiProperties(null, "http://127.0.0.1:" + billing.getAddress().getPort()
                + "/receipts", maxAttempts, Duration.ofSeconds(2)));
    }

    private long message(String key, String status) {
        return jdbc.queryForObject("""
                insert into sms_messages (dedupe_key, kind, destination, body, segments, status, finished_at, error_text)
                values (?, 'general', '13900000001', '【测试】账单已出', 1, ?, now(),
                        case when ? = 'failed' then 'UNDELIV' end) returning id""", Long.class, key, status, status);
    }

    @Test
    void finishedApiMessagesAreReportedOnceAndOthersNot() throws Exception {
        long delivered = message("api:1:a", "delivered");
        long failed = message("api:1:b", "failed");
        message("api:1:c", "submitted");
        message("campaign:1", "delivered");

        assertThat(callbacks(3).runOnce()).isEqualTo(2);
        assertThat(callbacks(3).runOnce()).isZero();

        assertThat(received).extracting(n -> n.path("id").asLong() + "/" + n.path("status").asText())
                .containsExactly(delivered + "/delivered", failed + "/failed");
        assertThat(received.get(1).path("error").asText()).isEqualTo("UNDELIV");
        assertThat(jdbc.queryForList("select callback_attempts from sms_messages where id in (?, ?)", Integer.class,
                delivered, failed)).containsOnly(1);
    }

    @Test
    void aFailingReceiverIsRetriedLaterAndGivenUpAfterTheLastAttempt() throws Exception {
        long id = message("api:1:retry", "unknown");
        failuresLeft.set(5);

        callbacks(2).runOnce();
        assertThat(callbacks(2).runOnce()).as("not due again before its wait").isZero();
        Map<String, Object> after1 = jdbc.queryForMap("select callback_attempts, callback_error, callback_done_at, "
                + "callback_next_at > now() as later from sms_messages where id = ?", id);
        assertThat(after1).containsEntry("callback_attempts", 1).containsEntry("callback_error", "HTTP 503")
                .containsEntry("callback_done_at", null).containsEntry("later", true);

        jdbc.update("update sms_messages set callback_next_at = now() where id = ?", id);
        callbacks(2).runOnce();
        assertThat(jdbc.queryForObject("select callback_error from sms_messages where id = ?", String.class, id))
                .isEqualTo("gave up: HTTP 503");
        jdbc.update("update sms_messages set callback_next_at = now() where id = ?", id);
        assertThat(callbacks(2).runOnce()).isZero();
        assertThat(received).isEmpty();
    }
}
