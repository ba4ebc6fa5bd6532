package org.hotline.asterisklab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The test driver's own AMI client: deliberately independent of Hotline's (a plain socket and a reader thread), so
 * what the tests see of Asterisk does not pass through the code under test. Keeps every event it read.
 */
public final class LabAmi implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, CompletableFuture<List<Message>>> pending = new ConcurrentHashMap<>();
    private final Map<String, List<Message>> lists = new ConcurrentHashMap<>();
    private final List<Message> events = new CopyOnWriteArrayList<>();
    private final List<Consumer<Message>> listeners = new CopyOnWriteArrayList<>();
    private final Object changed = new Object();
    private volatile boolean retain = true;

    private LabAmi(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Connects and logs in as {@code user}. */
    public static LabAmi connect(int port, String user, String secret) {
        try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            LabAmi ami = new LabAmi(s);
            Thread reader = new Thread(ami::read, "lab-ami-reader");
            reader.setDaemon(true);
            reader.start();
            ami.action("Login", "Username", user, "Secret", secret);
            return ami;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends an action (name, then header/value pairs) and returns its Success response; an Error throws. */
    public Message action(String name, String... headers) {
        List<Message> reply = send(name, false, headers);
        Message response = reply.get(0);
        if (!"Success".equalsIgnoreCase(response.get("Response")) && !"Goodbye".equalsIgnoreCase(response.get("Response"))) {
            throw new IllegalStateException(name + " failed: " + response);
        }
        return response;
    }

    /** Sends an action without waiting for its response (load generation). */
    public void fire(String name, String... headers) {
        StringBuilder b = new StringBuilder("Action: ").append(name).append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        b.append("\r\n");
        try {
            synchronized (out) {
                out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends an action and returns its response, whatever it says. */
    public Message actionAnyResponse(String name, String... headers) {
        return send(name, false, headers).get(0);
    }

    /** Sends a list action (QueueStatus, CoreShowChannels …) and returns its items, without the Complete event. */
    public List<Message> list(String name, String... headers) {
        List<Message> all = send(name, true, headers);
        return all.subList(1, all.size() - 1);
    }

    /** Calls {@code listener} on the reader thread for every event read from now on (it must be quick). */
    public void onEvent(Consumer<Message> listener) {
        listeners.add(listener);
    }

    /** Stops keeping events (for load runs: listeners still get them; {@link #awaitEvent} then sees none). */
    public void retainEvents(boolean keep) {
        retain = keep;
        if (!keep) {
            events.clear();
        }
    }

    /** Every event read so far. */
    public List<Message> events() {
        return List.copyOf(events);
    }

    /** Waits for an event (already read or still to come) that matches. */
    public Message awaitEvent(Predicate<Message> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (true) {
                for (Message m : events) {
                    if (match.test(m)) {
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no matching AMI event in " + timeout);
                }
                try {
                    changed.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private List<Message> send(String name, boolean isList, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers: " + headers.length + " (expected: name/value pairs)");
        }
        String id = "lab-" + ids.incrementAndGet();
        StringBuilder b = new StringBuilder("Action: ").append(name).append("\r\nActionID: ").append(id).append("\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            b.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        b.append("\r\n");
        CompletableFuture<List<Message>> f = new CompletableFuture<>();
        pending.put(id, f);
        if (isList) {
            lists.put(id, new ArrayList<>());
        }
        try {
            synchronized (out) {
                out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            return f.get(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(name + ": no response", e);
        } finally {
            pending.remove(id);
            lists.remove(id);
        }
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            r.readLine(); // the banner
            List<String[]> headers = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    headers.add(colon < 0 ? new String[] {line, ""}
                            : new String[] {line.substring(0, colon), line.substring(colon + 1).strip()});
                    continue;
                }
                if (!headers.isEmpty()) {
                    dispatch(new Message(List.copyOf(headers)));
                    headers.clear();
                }
            }
        } catch (IOException e) {
            // closed
        }
        pending.values().forEach(f -> f.completeExceptionally(new IOException("AMI connection closed")));
    }

    private void dispatch(Message m) {
        String id = m.get("ActionID");
        List<Message> list = id == null ? null : lists.get(id);
        if (list != null) {
            list.add(m);
            if (m.get("Response") != null && "Error".equalsIgnoreCase(m.get("Response"))
                    || "Complete".equalsIgnoreCase(m.get("EventList"))) {
                CompletableFuture<List<Message>> f = pending.get(id);
                if (f != null) {
                    f.complete(List.copyOf(list));
                }
            }
            return;
        }
        if (m.get("Event") != null) {
            for (Consumer<Message> l : listeners) {
                l.accept(m);
            }
            if (retain) {
                events.add(m);
                synchronized (changed) {
                    changed.notifyAll();
                }
            }
            return;
        }
        if (m.get("Response") != null && id != null) {
            CompletableFuture<List<Message>> f = pending.get(id);
            if (f != null) {
                f.complete(List.of(m));
            }
        }
    }

    /**
     * One AMI message as its header lines, in order (a name may repeat, as ChanVariable does).
     *
     * @param headers name and value pairs
     */
    public record Message(List<String[]> headers) {

        /** The first value of {@code name} (case-insensitive), or null. */
        public String get(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        /** Whether this is the event {@code name}. */
        public boolean is(String name) {
            return name.equalsIgnoreCase(get("Event"));
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            for (String[] h : headers) {
                b.append(h[0]).append(": ").append(h[1]).append(" | ");
            }
            return b.toString();
        }
    }
}
