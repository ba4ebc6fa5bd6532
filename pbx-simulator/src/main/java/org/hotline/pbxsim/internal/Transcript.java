package org.hotline.pbxsim.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A captured AMI byte stream split into its messages, each an ordered list of headers; the banner is dropped. */
public final class Transcript {

    private Transcript() {
    }

    /** One captured message: headers in order. */
    public record Message(List<Map.Entry<String, String>> headers) {

        /** The first value of a header, or {@code null}. */
        public String get(String key) {
            for (Map.Entry<String, String> h : headers) {
                if (h.getKey().equalsIgnoreCase(key)) {
                    return h.getValue();
                }
            }
            return null;
        }

        /** The Event name, or {@code null} for a response. */
        public String event() {
            return get("Event");
        }
    }

    /** Parses a transcript (CRLF or LF line ends), skipping the banner line. */
    public static List<Message> parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<Message> out = new ArrayList<>();
        List<Map.Entry<String, String>> current = new ArrayList<>();
        boolean first = true;
        for (String line : text.split("\n", -1)) {
            if (first) {
                first = false;
                if (!line.contains(": ") && !line.endsWith(":")) {
                    continue;
                }
            }
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    out.add(new Message(current));
                    current = new ArrayList<>();
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String value = line.substring(colon + 1);
                current.add(Map.entry(line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value));
            }
        }
        if (!current.isEmpty()) {
            out.add(new Message(current));
        }
        return out;
    }

    /**
     * Whether a captured message is a broadcast event worth replaying: it carries a Timestamp (every real-time event
     * does under {@code timestampevents=yes}; list items and FullyBooted do not) and is not the capturing session's
     * own SuccessfulAuth.
     */
    public static boolean replayable(Message m) {
        String event = m.event();
        return event != null && m.get("Timestamp") != null && !"SuccessfulAuth".equals(event);
    }
}
