package org.hotline.server.outage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A signed-in (or anonymous) HTTP session for REST tests: session cookie and CSRF header on every write. */
final class ApiSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, a header and the body (JSON when it parses). */
    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private String csrfHeader;
    private String csrfToken;

    private ApiSession(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** A session without login. */
    static ApiSession anonymous(int port) {
        return new ApiSession(port);
    }

    /** A session logged in as {@code username}. */
    static ApiSession login(int port, String username, String password) {
        ApiSession s = new ApiSession(port);
        s.refreshCsrf();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(s.csrfToken);
        Answer r = s.send(HttpRequest.newBuilder(s.base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = r.raw().headers().firstValue("Location").orElse("");
        if (r.status() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + username + " answered " + r.status() + " " + location);
        }
        s.refreshCsrf(); // the session id, and with it the token, changes at login
        return s;
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Answer post(String path, String contentType, String body) {
        return send(write(path, contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer put(String path, String json) {
        return send(write(path, "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder write(String path, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType);
        if (csrfToken != null) {
            b.header(csrfHeader, csrfToken);
        }
        return b;
    }

    private void refreshCsrf() {
        JsonNode csrf = get("/api/csrf").json();
        csrfHeader = csrf.get("headerName").asText();
        csrfToken = csrf.get("token").asText();
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
