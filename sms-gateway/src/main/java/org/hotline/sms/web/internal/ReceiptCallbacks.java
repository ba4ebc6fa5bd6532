package org.hotline.sms.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hotline.sms.web.SmsApiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * POSTs the final state of each message sent through the API (delivered, failed, unknown, cancelled) to
 * {@code hotline.sms.api.receipt-callback-url}, for billing systems: retried with doubling waits (10 s to 1 h) up to
 * {@code callback-max-attempts}, then given up with the reason kept on the message. Rows are locked while posted, so
 * several nodes never post the same state twice at once.
 */
class ReceiptCallbacks implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReceiptCallbacks.class);
    private static final String DUE = """
            select id, destination, status, segments, error_code, error_text, submitted_at, finished_at,
                   callback_attempts
            from sms_messages
            where callback_done_at is null and dedupe_key like 'api:%'
              and status in ('delivered', 'failed', 'unknown', 'cancelled')
              and (callback_next_at is null or callback_next_at <= now())
            order by id limit 50 for update skip locked""";

    private final DataSource dataSource;
    private final SmsApiProperties settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private ScheduledExecutorService timer;

    ReceiptCallbacks(DataSource dataSource, SmsApiProperties settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.callbackTimeout()).build();
    }

    @Override
    public void afterPropertiesSet() {
        if (settings.receiptCallbackUrl().isEmpty()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sms-receipt-callbacks");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runSafely, 1, 1, TimeUnit.SECONDS);
    }

    private void runSafely() {
        try {
            while (runOnce() > 0) {
                // more may be due
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("SMS receipt callbacks failed, retrying: {}", e.toString());
        }
    }

    private record Due(long id, ObjectNode body, int attempts) {
    }

    /** Posts what is due once; returns how many were handled. */
    int runOnce() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Due> due = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(DUE); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ObjectNode body = json.createObjectNode();
                        body.put("id", rs.getLong(1));
                        body.put("to", rs.getString(2));
                        body.put("status", rs.getString(3));
                        body.put("segments", rs.getInt(4));
                        body.put("errorCode", rs.getString(5));
                        body.put("error", rs.getString(6));
                        time(body, "submittedAt", rs.getTimestamp(7));
                        time(body, "finishedAt", rs.getTimestamp(8));
                        due.add(new Due(rs.getLong(1), body, rs.getInt(9)));
                    }
                }
                for (Due d : due) {
                    String failure = post(d.body());
                    record(c, d, failure);
                }
                c.commit();
                return due.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void time(ObjectNode body, String name, Timestamp t) {
        body.put(name, t == null ? null : t.toInstant().toString());
    }

    /** Null when the receiver answered 2xx, else why not. */
    private String post(ObjectNode body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.receiptCallbackUrl()))
                    .timeout(settings.callbackTimeout()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void record(Connection c, Due d, String failure) throws SQLException {
        int attempts = d.attempts() + 1;
        boolean done = failure == null || attempts >= settings.callbackMaxAttempts();
        long waitMillis = Math.min(TimeUnit.HOURS.toMillis(1), 10_000L << Math.min(20, attempts - 1));
        try (PreparedStatement ps = c.prepareStatement("""
                update sms_messages set callback_attempts = ?, callback_error = ?,
                    callback_done_at = case when ? then now() end,
                    callback_next_at = now() + ? * interval '1 millisecond'
                where id = ?""")) {
            ps.setInt(1, attempts);
            ps.setString(2, failure == null ? null : (done ? "gave up: " : "") + failure);
            ps.setBoolean(3, done);
            ps.setLong(4, waitMillis);
            ps.setLong(5, d.id());
            ps.executeUpdate();
        }
        if (failure != null && done) {
            log.warn("SMS {}: receipt callback given up after {} attempts: {}", d.id(), attempts, failure);
        }
    }

    @Override
    public void destroy() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
