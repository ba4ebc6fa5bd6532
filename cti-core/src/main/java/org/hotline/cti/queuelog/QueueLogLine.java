package org.hotline.cti.queuelog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of Asterisk's {@code queue_log}: {@code time|callid|queue|agent|event|data1|data2|…} (app_queue's
 * {@code ast_queue_log}; {@code time} in epoch seconds, {@code callid} the queued channel's Uniqueid, {@code agent}
 * the member name or {@code NONE}).
 */
public record QueueLogLine(Instant at, String callId, String queue, String agent, String event, List<String> data) {

    /** The longest line read; app_queue writes a few hundred bytes at most. */
    public static final int MAX_LINE_LENGTH = 8192;

    /** Copies the data fields. */
    public QueueLogLine {
        data = List.copyOf(data);
    }

    /**
     * Parses one line; a line that is not one is refused with the reason, e.g.
     * {@code maxLineLength: 9000 (expected: <= 8192)}.
     */
    public static QueueLogLine parse(String line) {
        if (line.length() > MAX_LINE_LENGTH) {
            throw new QueueLogException("maxLineLength: " + line.length() + " (expected: <= " + MAX_LINE_LENGTH + ")");
        }
        String[] f = line.split("\\|", -1);
        if (f.length < 5) {
            throw new QueueLogException("fields: " + f.length + " (expected: >= 5, time|callid|queue|agent|event)");
        }
        long epoch;
        try {
            epoch = Long.parseLong(f[0].contains(".") ? f[0].substring(0, f[0].indexOf('.')) : f[0]);
        } catch (NumberFormatException ex) {
            throw new QueueLogException("time: '" + clip(f[0]) + "' (expected: epoch seconds)");
        }
        if (epoch < 0 || epoch > 32_503_680_000L) {
            throw new QueueLogException("time: " + epoch + " (expected: epoch seconds before the year 3000)");
        }
        if (f[4].isEmpty()) {
            throw new QueueLogException("event: empty");
        }
        List<String> data = new ArrayList<>(f.length - 5);
        for (int i = 5; i < f.length; i++) {
            data.add(f[i]);
        }
        return new QueueLogLine(Instant.ofEpochSecond(epoch), f[1], f[2], f[3], f[4], data);
    }

    /** The {@code n}-th data field (1-based), or "" when the line has fewer. */
    public String data(int n) {
        return n >= 1 && n <= data.size() ? data.get(n - 1) : "";
    }

    /** The {@code n}-th data field as a whole number, or 0 when absent or not a number. */
    public long number(int n) {
        try {
            return Long.parseLong(data(n).trim());
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    /** The line as app_queue writes it. */
    public String format() {
        StringBuilder b = new StringBuilder().append(at.getEpochSecond()).append('|').append(callId).append('|')
                .append(queue).append('|').append(agent).append('|').append(event);
        for (String d : data) {
            b.append('|').append(d);
        }
        return b.toString();
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
