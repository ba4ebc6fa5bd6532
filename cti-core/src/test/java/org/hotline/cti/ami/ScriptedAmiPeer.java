package org.hotline.cti.ami;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.cti.testing.AmiFixtures;

/**
 * A scripted Asterisk Manager peer over real TCP on a free loopback port: sends a banner, checks {@code Login}
 * (plain or MD5 challenge), answers {@code Ping}, {@code Logoff} and the resync lists with items recorded in
 * {@code 08-resync-during-calls}, and lets a test push any bytes (e.g. a capture) or drop the connection.
 */
public final class ScriptedAmiPeer implements AutoCloseable {

    /** Answers one action on one connection. */
    @FunctionalInterface
    public interface ActionHandler {
        /** Handles {@code action} (its fields as sent) by writing to {@code conn}. */
        void handle(AmiMessage action, Conn conn) throws IOException;
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Conn> conns = new CopyOnWriteArrayList<>();
    private final List<AmiMessage> actions = new CopyOnWriteArrayList<>();
    private final Map<String, ActionHandler> handlers = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile String banner = "Asterisk Call Manager/13.0.0";
    private volatile String username = "hotline";
    private volatile String secret = "hotline";
    private volatile byte[] afterLogin = "Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private volatile String challenge = "123456789";

    /** Binds a free port on 127.0.0.1 and starts accepting. */
    public ScriptedAmiPeer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        handlers.put("login", this::login);
        handlers.put("challenge", (a, c) -> c.write(response(a, "Success", "Challenge", challenge)));
        handlers.put("ping", (a, c) -> c.write(response(a, "Success", "Ping", "Pong", "Timestamp", "1795434939.465085")));
        handlers.put("logoff", (a, c) -> {
            c.write(response(a, "Goodbye", "Message", "Thanks for all the fish."));
            c.close();
        });
        handlers.put("coreshowchannels", (a, c) -> c.write(recordedList("resync-coreshowchannels", a.actionId())));
        handlers.put("queuestatus", (a, c) -> c.write(recordedList("resync-queuestatus", a.actionId())));
        acceptor = new Thread(this::acceptLoop, "ami-peer-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port to connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /** The banner line sent on connect (without line end). */
    public ScriptedAmiPeer banner(String banner) {
        this.banner = banner;
        return this;
    }

    /** The credentials that {@code Login} must carry. */
    public ScriptedAmiPeer credentials(String username, String secret) {
        this.username = username;
        this.secret = secret;
        return this;
    }

    /** Bytes written right after a successful login response (default: a FullyBooted event). */
    public ScriptedAmiPeer afterLogin(byte[] bytes) {
        this.afterLogin = bytes;
        return this;
    }

    /** Replaces the handler of an action (name case-insensitive); {@code null} makes the peer ignore it. */
    public ScriptedAmiPeer on(String action, ActionHandler handler) {
        String key = action.toLowerCase(java.util.Locale.ROOT);
        if (handler == null) {
            handlers.put(key, (a, c) -> { });
        } else {
            handlers.put(key, handler);
        }
        return this;
    }

    /** Every action received so far, on every connection, in order. */
    public List<AmiMessage> actions() {
        return new ArrayList<>(actions);
    }

    /** The actions received with this name. */
    public List<AmiMessage> actions(String name) {
        return actions.stream().filter(a -> name.equalsIgnoreCase(a.get("Action"))).toList();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** The newest connection (waits for none: fails if there is none). */
    public Conn latest() {
        if (conns.isEmpty()) {
            throw new IllegalStateException("no connection yet");
        }
        return conns.get(conns.size() - 1);
    }

    /** Closes every open connection, as a crashed or restarted Asterisk would. */
    public void dropConnections() {
        for (Conn c : conns) {
            c.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }

    /** A response frame (with the action's ActionID) and the given extra fields. */
    public static String response(AmiMessage action, String status, String... fields) {
        StringBuilder sb = new StringBuilder("Response: ").append(status).append("\r\n");
        if (action.actionId() != null) {
            sb.append("ActionID: ").append(action.actionId()).append("\r\n");
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            sb.append(fields[i]).append(": ").append(fields[i + 1]).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    /** The frames of a list recorded in 08-resync-during-calls, with {@code actionId} in place of the recorded one. */
    public static String recordedList(String recordedActionId, String actionId) {
        StringBuilder sb = new StringBuilder();
        for (AmiMessage m : Recorded.FRAMES) {
            if (!recordedActionId.equals(m.actionId())) {
                continue;
            }
            for (int i = 0; i < m.size(); i++) {
                String value = m.name(i).equals("ActionID") ? actionId : m.value(i);
                sb.append(m.name(i)).append(": ").append(value).append("\r\n");
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    /** The bytes of a capture after its banner line and the login response that follows it. */
    public static byte[] captureBody(String name) {
        byte[] all = AmiFixtures.bytes(name);
        String head = new String(all, 0, Math.min(all.length, 400), StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n");
        if (!head.startsWith("Asterisk Call Manager/") || end < 0) {
            throw new IllegalArgumentException(name + ": does not start with a banner and a login response");
        }
        int from = end + 4;
        byte[] body = new byte[all.length - from];
        System.arraycopy(all, from, body, 0, body.length);
        return body;
    }

    /** The resync capture, decoded once. */
    private static final class Recorded {
        static final List<AmiMessage> FRAMES = AmiFixtures.messages("08-resync-during-calls.ami.txt");
    }

    private void login(AmiMessage a, Conn c) throws IOException {
        boolean ok = username.equals(a.get("Username"));
        if ("MD5".equalsIgnoreCase(a.get("AuthType"))) {
            ok &= md5(challenge + secret).equalsIgnoreCase(a.get("Key", ""));
        } else {
            ok &= secret.equals(a.get("Secret"));
        }
        if (!ok) {
            // Asterisk's action_login returns -1 on a failed login, which ends the session (manager.c).
            c.write(response(a, "Error", "Message", "Authentication failed"));
            c.close();
            return;
        }
        c.write(response(a, "Success", "Message", "Authentication accepted"));
        byte[] after = afterLogin;
        if (after != null && after.length > 0) {
            c.write(after);
        }
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                connections.incrementAndGet();
                Conn c = new Conn(s);
                conns.add(c);
                Thread t = new Thread(() -> serve(c), "ami-peer-conn-" + connections.get());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Conn c) {
        try {
            c.write(banner + "\r\n");
            InputStream in = new BufferedInputStream(c.socket.getInputStream());
            for (AmiMessage action; (action = readAction(in)) != null; ) {
                actions.add(action);
                String name = action.get("Action", "").toLowerCase(java.util.Locale.ROOT);
                ActionHandler h = handlers.get(name);
                if (h != null) {
                    h.handle(action, c);
                } else {
                    c.write(response(action, "Error", "Message", "Invalid/unknown command"));
                }
            }
        } catch (IOException e) {
            // the client or the test closed the connection
        } finally {
            c.close();
        }
    }

    private static AmiMessage readAction(InputStream in) throws IOException {
        List<String> fields = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String l = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (l.endsWith("\r")) {
                l = l.substring(0, l.length() - 1);
            }
            if (l.isEmpty()) {
                if (!fields.isEmpty()) {
                    return AmiMessage.of(fields.toArray(String[]::new));
                }
                continue;
            }
            int colon = l.indexOf(':');
            fields.add(colon < 0 ? l : l.substring(0, colon));
            fields.add(colon < 0 ? "" : l.substring(colon + 1).strip());
        }
        return null;
    }

    /** One accepted connection; writes are serialized. */
    public static final class Conn {
        private final Socket socket;
        private final OutputStream out;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        /** Writes text as UTF-8. */
        public void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Writes bytes and flushes. */
        public synchronized void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Closes the socket. */
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }

        /** True until closed by either side (as far as this side knows). */
        public boolean isOpen() {
            return !socket.isClosed();
        }
    }
}
