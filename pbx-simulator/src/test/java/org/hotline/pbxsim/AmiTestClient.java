package org.hotline.pbxsim;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A plain-socket AMI client for the tests: reads every message on its own thread and lets tests await them. */
final class AmiTestClient implements AutoCloseable {

    /** One received message, headers in order. */
    record Msg(List<Map.Entry<String, String>> headers) {

        String get(String key) {
            for (Map.Entry<String, String> h : headers) {
                if (h.getKey().equals(key)) {
                    return h.getValue();
                }
            }
            return null;
        }

        String event() {
            return get("Event");
        }

        boolean isEvent(String name) {
            return name.equals(event());
        }

        /** Whether any Linkedid-like field of the message equals the id. */
        boolean linkedTo(String linkedid) {
            for (Map.Entry<String, String> h : headers) {
                if (h.getKey().endsWith("Linkedid") && h.getValue().equals(linkedid)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final List<Msg> messages = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private volatile String banner;
    private volatile boolean eof;
    private int actionSeq;

    AmiTestClient(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread reader = new Thread(this::read, "ami-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects and logs in with the lab's credentials, events on; waits for the login response. */
    static AmiTestClient loggedIn(int port) {
        AmiTestClient c = new AmiTestClient(port);
        Msg r = c.action("Login", "Username", "hotline", "Secret", "hotline", "Events", "on");
        if (!"Success".equals(r.get("Response"))) {
            throw new IllegalStateException("login failed: " + r);
        }
        return c;
    }

    private void read() {
        try (InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 65536)) {
            StringBuilder line = new StringBuilder();
            List<Map.Entry<String, String>> current = new ArrayList<>();
            ByteArrayOutputStream lineBytes = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                synchronized (raw) {
                    raw.write(b);
                }
                if (b != '\n') {
                    lineBytes.write(b);
                    continue;
                }
                String text = lineBytes.toString(StandardCharsets.UTF_8);
                lineBytes.reset();
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (banner == null) {
                    banner = text;
                    continue;
                }
                if (text.isEmpty()) {
                    if (!current.isEmpty()) {
                        messages.add(new Msg(current));
                        current = new ArrayList<>();
                    }
                    continue;
                }
                int colon = text.indexOf(": ");
                if (colon > 0) {
                    current.add(Map.entry(text.substring(0, colon), text.substring(colon + 2)));
                } else if (text.endsWith(":")) {
                    current.add(Map.entry(text.substring(0, text.length() - 1), ""));
                }
                line.setLength(0);
            }
        } catch (IOException e) {
            // a dropped connection ends the reader like EOF does
        } finally {
            eof = true;
        }
    }

    /** Sends raw text. */
    void sendRaw(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends an action with header pairs and a fresh ActionID, and waits for its response. */
    Msg action(String name, String... headers) {
        String id = send(name, headers);
        return awaitMessage(m -> id.equals(m.get("ActionID")) && m.get("Response") != null);
    }

    /** Sends an action and returns its ActionID without waiting. */
    String send(String name, String... headers) {
        String id = name.toLowerCase() + "-" + (++actionSeq);
        StringBuilder sb = new StringBuilder("Action: ").append(name).append("\r\nActionID: ").append(id).append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            sb.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        sendRaw(sb.append("\r\n").toString());
        return id;
    }

    /** Waits for a message matching the predicate and returns the first such. */
    Msg awaitMessage(Predicate<Msg> p) {
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> first(p), m -> m != null);
    }

    private Msg first(Predicate<Msg> p) {
        for (Msg m : messages) {
            if (p.test(m)) {
                return m;
            }
        }
        return null;
    }

    /** Sends a list action and waits for its completion event; returns the response, items and completion. */
    List<Msg> list(String name, String... headers) {
        String id = send(name, headers);
        awaitMessage(m -> id.equals(m.get("ActionID")) && "Complete".equals(m.get("EventList")));
        List<Msg> out = new ArrayList<>();
        for (Msg m : messages) {
            if (id.equals(m.get("ActionID"))) {
                out.add(m);
            }
        }
        return out;
    }

    /** Everything received so far. */
    List<Msg> messages() {
        return messages;
    }

    /** The events received so far. */
    List<Msg> events() {
        return messages.stream().filter(m -> m.event() != null).toList();
    }

    /** The raw bytes received so far. */
    String rawText() {
        synchronized (raw) {
            return raw.toString(StandardCharsets.UTF_8);
        }
    }

    /** The banner line. */
    String banner() {
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> banner, b -> b != null);
    }

    /** Whether the server closed the connection. */
    boolean eof() {
        return eof;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test socket cannot fail in a way that matters
        }
    }
}
