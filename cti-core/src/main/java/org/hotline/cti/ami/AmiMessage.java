package org.hotline.cti.ami;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cti.ami.internal.WireMessages;

/**
 * One AMI frame (an event or a response) as its ordered header fields, exactly as Asterisk sent them.
 *
 * <p>Fields keep their order and may repeat ({@code ChanVariable}, {@code Variable}); lookups scan the
 * array because an event has about twenty fields and a scan beats hashing at that size. A decoded frame keeps its
 * values as UTF-8 bytes and makes a value's String on first read: most fields of most events are never read.
 */
public final class AmiMessage {

    /** Field that names an event frame. */
    public static final String EVENT = "Event";
    /** Field that names a response frame. */
    public static final String RESPONSE = "Response";

    static {
        WireMessages.register(new WireMessages() {
            @Override
            protected AmiMessage create(String[] names, String[] values, byte[] bytes, int[] spans, int size,
                    long receivedNanos) {
                return new AmiMessage(names, values, bytes, spans, size, receivedNanos);
            }
        });
    }

    private final String[] names;
    // Filled on first read when bytes != null; a racy fill is benign: Strings are immutable and safely published.
    private final String[] values;
    private final byte[] bytes;
    private final int[] spans;
    private final int size;
    private final long receivedNanos;

    /** Builds a message over the first {@code size} entries of the arrays, which it takes over. */
    public AmiMessage(String[] names, String[] values, int size, long receivedNanos) {
        if (names.length < size || values.length < size) {
            throw new IllegalArgumentException("size: " + size + " (expected: <= " + Math.min(names.length, values.length) + ")");
        }
        this.names = names;
        this.values = values;
        this.bytes = null;
        this.spans = null;
        this.size = size;
        this.receivedNanos = receivedNanos;
    }

    private AmiMessage(String[] names, String[] values, byte[] bytes, int[] spans, int size, long receivedNanos) {
        this.names = names;
        this.values = values;
        this.bytes = bytes;
        this.spans = spans;
        this.size = size;
        this.receivedNanos = receivedNanos;
    }

    /** Builds a message from alternating names and values, for tests and the simulator. */
    public static AmiMessage of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("namesAndValues.length: " + namesAndValues.length + " (expected: even)");
        }
        int n = namesAndValues.length / 2;
        String[] names = new String[n];
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = namesAndValues[2 * i];
            values[i] = namesAndValues[2 * i + 1];
        }
        return new AmiMessage(names, values, n, System.nanoTime());
    }

    /** True when the frame is an event. */
    public boolean isEvent() {
        return size > 0 && EVENT.equals(names[0]);
    }

    /** True when the frame is a response to an action. */
    public boolean isResponse() {
        return size > 0 && RESPONSE.equals(names[0]);
    }

    /** The event name (e.g. {@code AgentCalled}), or {@code null} when this is not an event. */
    public String eventName() {
        return isEvent() ? valueAt(0) : null;
    }

    /** The response status (e.g. {@code Success}), or {@code null} when this is not a response. */
    public String responseStatus() {
        return isResponse() ? valueAt(0) : null;
    }

    /** The action id that ties a response or list item to its action, or {@code null}. */
    public String actionId() {
        return get("ActionID");
    }

    /** The first value of the named field (exact case first, then ignoring case), or {@code null}. */
    public String get(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return valueAt(i);
            }
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return valueAt(i);
            }
        }
        return null;
    }

    /** The value of the named field, or {@code fallback} when it is missing. */
    public String get(String name, String fallback) {
        String v = get(name);
        return v == null ? fallback : v;
    }

    /** Every value of a repeated field, in order. */
    public List<String> getAll(String name) {
        List<String> out = null;
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                if (out == null) {
                    out = new ArrayList<>(4);
                }
                out.add(valueAt(i));
            }
        }
        return out == null ? List.of() : out;
    }

    /**
     * The {@code NAME=value} pairs of a repeated variable field: {@code ChanVariable} for the channel,
     * {@code DestChanVariable} for the dialled leg (manager.conf {@code channelvars}).
     */
    public Map<String, String> variables(String field) {
        Map<String, String> out = null;
        for (int i = 0; i < size; i++) {
            if (names[i].equals(field)) {
                String v = valueAt(i);
                int eq = v.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                if (out == null) {
                    out = new LinkedHashMap<>();
                }
                out.put(v.substring(0, eq), v.substring(eq + 1));
            }
        }
        return out == null ? Map.of() : Collections.unmodifiableMap(out);
    }

    /** Number of fields. */
    public int size() {
        return size;
    }

    /** Name of field {@code i}. */
    public String name(int i) {
        return names[checkIndex(i)];
    }

    /** Value of field {@code i}. */
    public String value(int i) {
        return valueAt(checkIndex(i));
    }

    /** {@link System#nanoTime()} when the last byte of the frame was read, for lag measurement. */
    public long receivedNanos() {
        return receivedNanos;
    }

    private String valueAt(int i) {
        String v = values[i];
        if (v == null && bytes != null) {
            int length = spans[2 * i + 1];
            v = length == 0 ? "" : new String(bytes, spans[2 * i], length, StandardCharsets.UTF_8);
            values[i] = v;
        }
        return v;
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index: " + i + " (expected: 0 <= index < " + size + ")");
        }
        return i;
    }

    /** The frame in AMI wire form (without the terminating blank line). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(size * 24);
        for (int i = 0; i < size; i++) {
            sb.append(names[i]).append(": ").append(valueAt(i)).append("\r\n");
        }
        return sb.toString();
    }
}
