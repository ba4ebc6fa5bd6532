package org.hotline.bench.screenpop;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many agents' browsers on a few {@link HttpClient}s (one for logins, {@code clients} for the sockets, one selector
 * thread each, not one per agent): each logs in through the real form with its CSRF token, keeps its own session
 * cookie, opens {@code /ws/agent} and stamps {@link System#nanoTime()} the moment the last fragment of a pop frame is
 * read, before parsing it. Frames that are not pops or snapshots are counted, not parsed: a browser reads them on
 * a machine of its own, and here they would hold up other agents' pops behind them on the same threads.
 */
final class AgentSockets implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION_COOKIE = "JSESSIONID";

    private final URI base;
    private final LatencyBook book;
    private final ExecutorService executor;
    private final HttpClient http;
    private final List<HttpClient> sockets = new ArrayList<>();
    private final AtomicInteger nextClient = new AtomicInteger();
    private final List<WebSocket> open = new ArrayList<>();
    private final AtomicInteger snapshots = new AtomicInteger();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private final AtomicLong otherPops = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();

    AgentSockets(int port, LatencyBook book, int clients) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.book = book;
        AtomicInteger n = new AtomicInteger();
        // listener callbacks run here, as many as there are socket clients
        this.executor = Executors.newFixedThreadPool(Math.max(2, clients), r -> {
            Thread t = new Thread(r, "bench-client-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        // A client of their own: a handshake on a pooled login connection can get Tomcat's "Connection: upgrade,
        // close" (its keep-alive request limit reached), which the JDK refuses.
        for (int i = 0; i < clients; i++) {
            sockets.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                    .connectTimeout(Duration.ofSeconds(10)).build());
        }
    }

    /** Logs the agent in with the real form and CSRF token; returns the authenticated session cookie. */
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
        // Spring Security issues a new session id at login (session fixation protection).
        return sessionCookie(r, cookie);
    }

    /** Opens the agent's WebSocket with its session cookie; completes once the server accepted it. */
    CompletableFuture<WebSocket> connect(String cookie) {
        URI ws = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/agent");
        HttpClient client = sockets.get(Math.floorMod(nextClient.getAndIncrement(), sockets.size()));
        return client.newWebSocketBuilder().header("Cookie", cookie).connectTimeout(Duration.ofSeconds(30))
                .buildAsync(ws, new Listener()).thenApply(s -> {
                    synchronized (open) {
                        open.add(s);
                    }
                    return s;
                });
    }

    /** Snapshot frames received: one per connected socket once the server has registered it. */
    int snapshots() {
        return snapshots.get();
    }

    /** A one-line account of the frames read. */
    String describe() {
        return String.format(java.util.Locale.ROOT, "%,d frames: %,d snapshots, %,d ANSWERED, %,d ENDED, %,d other"
                        + " pops; %,d sockets closed by the server", frames.get(), snapshots.get(), answered.get(),
                ended.get(), otherPops.get(), closedByServer.get());
    }

    /** Sockets the server closed (a slow client is dropped by the send limits). */
    long closedByServer() {
        return closedByServer.get();
    }

    @Override
    public void close() {
        synchronized (open) {
            open.forEach(WebSocket::abort);
            open.clear();
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void frame(long nanoTime, String text) {
        frames.incrementAndGet();
        if (!text.startsWith("{\"type\":\"pop\"") && !text.startsWith("{\"type\":\"snapshot\"")) {
            return;
        }
        JsonNode f;
        try {
            f = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
        String type = f.path("type").asText();
        if ("snapshot".equals(type)) {
            snapshots.incrementAndGet();
            return;
        }
        if (!"pop".equals(type)) {
            return;
        }
        JsonNode pop = f.get("pop");
        switch (pop.path("status").asText()) {
            case "RINGING" -> book.popped(pop.path("callId").asText(), pop.path("agentInterface").asText(),
                    !pop.path("customers").isEmpty(), nanoTime);
            case "ANSWERED" -> answered.incrementAndGet();
            case "ENDED" -> ended.incrementAndGet();
            default -> otherPops.incrementAndGet();
        }
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

    /** One socket's listener: fragments are joined, the frame is stamped when its last fragment arrives. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (last) {
                long now = System.nanoTime();
                String text;
                if (partial.isEmpty()) {
                    text = data.toString();
                } else {
                    text = partial.append(data).toString();
                    partial.setLength(0);
                }
                frame(now, text);
            } else {
                partial.append(data);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedByServer.incrementAndGet();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedByServer.incrementAndGet();
        }
    }
}
