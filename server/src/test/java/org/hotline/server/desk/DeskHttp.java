package org.hotline.server.desk;

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

/** A logged-in HTTP session for the desk's JSON APIs: GET, and POST with the CSRF header the page sends. */
final class DeskHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status and parsed body (null when empty). */
    record Answer(int status, JsonNode body) {
        String message() {
            return body == null || body.get("message") == null ? null : body.get("message").asText();
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private JsonNode csrf;

    private DeskHttp(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** Logs in with the real form. */
    static DeskHttp login(int port, String username, String password) {
        DeskHttp c = new DeskHttp(port);
        c.csrf = c.get("/api/csrf").body();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&"
                + c.csrf.get("parameterName").asText() + "=" + enc(c.csrf.get("token").asText());
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(c.base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login of " + username + " answered " + r.statusCode());
        }
        c.csrf = c.get("/api/csrf").body(); // the token changes with the session
        return c;
    }

    Answer get(String path) {
        return answer(send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").GET()
                .build()));
    }

    Answer post(String path, Object body) {
        try {
            return answer(send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .header(csrf.get("headerName").asText(), csrf.get("token").asText())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer put(String path, Object body) {
        try {
            return answer(send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .header(csrf.get("headerName").asText(), csrf.get("token").asText())
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer answer(HttpResponse<String> r) {
        try {
            String text = r.body();
            return new Answer(r.statusCode(), text == null || text.isBlank() ? null : JSON.readTree(text));
        } catch (IOException e) {
            return new Answer(r.statusCode(), null);
        }
    }
}
