package org.hotline.bench.wallboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;

/**
 * The benchmark's browsers: logs users in with the real form and CSRF token and opens WebSockets whose frames go to
 * a callback stamped with {@link System#nanoTime()} when the last fragment arrives. Threads are named
 * {@code bench-client-*} so the CPU report can leave them out of the server's share.
 */
final class BenchSockets implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION_COOKIE = "JSESSIONID";

    private final URI base;
    private final ExecutorService executor;
    private final HttpClient http;
    private final HttpClient sockets;
    private final List<WebSocket> open = new ArrayList<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();

    BenchSockets(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-client-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        // handshakes on their own client: a pooled login connection may be closed by Tomcat's keep-alive limit
        this.sockets = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Logs in with the form; returns the session cookie. */
    String login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> csrfResponse = http.send(HttpRequest.newBuilder(base.resolve("/api/csrf")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(csrfResponse, null);
        JsonNode csrf = JSON.readTree(csrfResponse.body());
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&"
                + csrf.get("parameterName").asText() + "=" + enc(csrf.get("token").asText());
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + username + " refused: " + r.statusCode() + " " + location);
        }
        return sessionCookie(r, cookie);
    }

    /** Opens {@code path} with the session cookie; each whole text frame goes to {@code onFrame}. */
    CompletableFuture<WebSocket> connect(String path, String cookie, ObjLongConsumer<String> onFrame) {
        URI ws = URI.create("ws://" + base.getHost() + ":" + base.getPort() + path);
        return sockets.newWebSocketBuilder().header("Cookie", cookie).connectTimeout(Duration.ofSeconds(30))
                .buildAsync(ws, new Listener(onFrame)).thenApply(s -> {
                    synchronized (open) {
                        open.add(s);
                    }
                    return s;
                });
    }

    String describe() {
        return String.format("%,d sockets, %,d frames, %,d MB read, %,d closed by the server", open.size(),
                frames.get(), bytes.get() >> 20, closedByServer.get());
    }

    @Override
    public void close() {
        synchronized (open) {
            open.forEach(WebSocket::abort);
        }
        executor.shutdownNow();
    }

    private static String sessionCookie(HttpResponse<?> response, String previous) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0].trim();
            if (pair.startsWith(SESSION_COOKIE + "=")) {
                return pair;
            }
        }
        if (previous == null) {
            throw new IllegalStateException("no " + SESSION_COOKIE + " cookie from " + response.uri());
        }
        return previous;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private final class Listener implements WebSocket.Listener {
        private final ObjLongConsumer<String> onFrame;
        private final StringBuilder partial = new StringBuilder();

        Listener(ObjLongConsumer<String> onFrame) {
            this.onFrame = onFrame;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                String text = partial.toString();
                partial.setLength(0);
                frames.incrementAndGet();
                bytes.addAndGet(text.length());
                onFrame.accept(text, now);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedByServer.incrementAndGet();
            return null;
        }
    }
}
