package org.hotline.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** A scripted browser for tests: logs in with the real form (CSRF included) and reads the agent WebSocket. */
public final class AgentClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private volatile WebSocket socket;
    private volatile String lastLocation;
    private volatile int closedWith = -1;

    private AgentClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Logs in and returns the client, or throws when the server refuses the login. */
    public static AgentClient login(int port, String username, String password) {
        AgentClient c = new AgentClient(URI.create("http://127.0.0.1:" + port));
        int status = c.postLogin(username, password);
        if (status != 302) {
            throw new IllegalStateException("login answered " + status);
        }
        return c;
    }

    /** A client that never logs in: what a stranger's browser sends (it still fetches CSRF tokens). */
    public static AgentClient anonymous(int port) {
        return new AgentClient(URI.create("http://127.0.0.1:" + port));
    }

    /** Posts the login form and returns where the server redirects (the page or {@code ?error}). */
    public static String loginRedirect(int port, String username, String password) {
        AgentClient c = new AgentClient(URI.create("http://127.0.0.1:" + port));
        c.postLogin(username, password);
        return c.lastLocation;
    }


    private int postLogin(String username, String password) {
        try {
            JsonNode csrf = JSON.readTree(get("/api/csrf").body());
            String form = "username=" + enc(username) + "&password=" + enc(password) + "&"
                    + csrf.get("parameterName").asText() + "=" + enc(csrf.get("token").asText());
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            lastLocation = r.headers().firstValue("Location").orElse("");
            boolean refused = lastLocation.contains("error") || lastLocation.contains("locked");
            return r.statusCode() == 302 && !refused ? 302 : 401;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs a path with the session cookie. */
    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs a path with the session cookie and these headers (name, value, …), the body as bytes (audio, files). */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
            for (int i = 0; i + 1 < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a JSON body with the session cookie and the CSRF header, as the page's Hotline.api does. */
    public HttpResponse<String> postJson(String path, String json) {
        return sendJson("POST", path, json);
    }

    /** Sends a JSON body with {@code method} (POST, PUT, DELETE, PATCH), the session cookie and the CSRF header. */
    public HttpResponse<String> sendJson(String method, String path, String json) {
        return send(method, path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    /** POSTs any body with the session cookie and the CSRF token (an unknown-length publisher is sent chunked). */
    public HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) {
        return send("POST", path, contentType, body);
    }

    private HttpResponse<String> send(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        try {
            JsonNode csrf = JSON.readTree(get("/api/csrf").body());
            return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                    .header(csrf.get("headerName").asText(), csrf.get("token").asText())
                    .method(method, body).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The close code the server sent on the WebSocket, or -1 while it is open (or was never opened). */
    public int socketClosedWith() {
        return closedWith;
    }

    /** Opens the agent WebSocket; frames are collected in arrival order. */
    public AgentClient connect() {
        return connect("/ws/agent");
    }

    /** Opens the WebSocket at {@code path} (e.g. /ws/supervisor); frames are collected in arrival order. */
    public AgentClient connect(String path) {
        String ws = "ws://" + base.getHost() + ":" + base.getPort() + path;
        socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(ws), new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
        return this;
    }

    /**
     * Tries the WebSocket upgrade at {@code path} and closes an accepted socket at once: 101 when the server
     * accepted, else the HTTP status it refused with.
     */
    public int handshake(String path) {
        String ws = "ws://" + base.getHost() + ":" + base.getPort() + path;
        try {
            http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(ws), new WebSocket.Listener() { }).orTimeout(10, TimeUnit.SECONDS).join()
                    .abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** Closes the socket (as a browser tab would) without logging out. */
    public void disconnect() {
        WebSocket s = socket;
        if (s != null) {
            s.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).join();
        }
    }

    /** Every frame received so far. */
    public List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** Every pop received so far (from snapshots and live frames), in order. */
    public List<JsonNode> pops() {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode f : frames) {
            if ("pop".equals(f.path("type").asText())) {
                out.add(f.get("pop"));
            } else if ("snapshot".equals(f.path("type").asText())) {
                f.get("pops").forEach(out::add);
            }
        }
        return out;
    }

    /** Waits until a pop matching the predicate has arrived and returns it. */
    public JsonNode awaitPop(Predicate<JsonNode> matching) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> pops().stream().filter(matching).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    /** Waits for the first frame of the given type. */
    public JsonNode awaitFrame(String type) {
        return awaitFrame(type, data -> true);
    }

    /** Waits up to 20 s for the first frame of {@code type} whose data matches. */
    public JsonNode awaitFrame(String type, Predicate<JsonNode> data) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> frames.stream()
                        .filter(f -> type.equals(f.path("type").asText()) && data.test(f.path("data")))
                        .findFirst().orElse(null), java.util.Objects::nonNull);
    }

    @Override
    public void close() {
        WebSocket s = socket;
        if (s != null) {
            s.abort();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException("not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith = statusCode;
            return null;
        }
    }
}
