package org.hotline.cti.push;

import java.util.Objects;

/**
 * One message for the browsers of one target, sent from the node that produced it to every node: a screen-pop,
 * an agent-state change or a wallboard frame.
 *
 * @param target   who receives it: an agent's username, or a topic such as {@link #SUPERVISORS}
 * @param type     what the payload is, such as {@link #TYPE_POP}; browsers dispatch on it
 * @param payload  the JSON text sent to the browser as is
 * @param origin   the id of the node that produced it ({@code hotline.push.node-id})
 * @param sequence the origin's counter, increasing by one per message, so a receiver can order and spot gaps
 */
public record PushMessage(String target, String type, String payload, String origin, long sequence) {

    /** Type of a {@code ScreenPop} payload (see {@link PopJson}). */
    public static final String TYPE_POP = "pop";

    /** Type of an agent-state payload. */
    public static final String TYPE_AGENT_STATE = "agent-state";

    /** Type of a wallboard frame. */
    public static final String TYPE_WALLBOARD = "wallboard";

    /** Type of a work-order warning or alarm (issue #12), sent to {@link #SUPERVISORS}. */
    public static final String TYPE_WORKORDER_ALARM = "workorder-alarm";

    /** Type of a committed work-order change (issue #12), sent to {@link #SUPERVISORS}. */
    public static final String TYPE_WORKORDER_CHANGED = "workorder-changed";

    /** Type of a crew's report or assignment on a work order (issue #12: cannot go, accepted …), to {@link #SUPERVISORS}. */
    public static final String TYPE_WORKORDER_CREW = "workorder-crew";

    /**
     * Type of "the user's sessions end" (disabled, or a new password handed out), sent to {@link #CONTROL}; the payload
     * is the user name as a JSON string. Every node ends its sessions and sockets of that user.
     */
    public static final String TYPE_SESSIONS_ENDED = "sessions-ended";

    /**
     * The callers waiting, to every desk ({@link #AGENTS}): a whole list, so a newer one replaces an older one not yet
     * delivered (issue #16).
     */
    public static final String TYPE_QUEUE_WAITING = "queue-waiting";

    /** Topic for the nodes themselves, never sent to a browser (no user name starts with '#'). */
    public static final String CONTROL = "#control";

    /** Topic read by every agent's desk (e.g. work-order revisits to call back, issue #12). */
    public static final String AGENTS = "agents";

    /** Topic read by every supervisor's wallboard. */
    public static final String SUPERVISORS = "supervisors";

    /** Whether this message carries a whole state, so that a newer one of its type makes it useless. */
    public boolean replacesEarlier() {
        return TYPE_QUEUE_WAITING.equals(type);
    }

    /** The user name of a {@link #TYPE_SESSIONS_ENDED} message to {@link #CONTROL}, or null for any other message. */
    public String sessionsEndedUser() {
        if (!CONTROL.equals(target) || !TYPE_SESSIONS_ENDED.equals(type)) {
            return null;
        }
        String p = payload.strip();
        return p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"") ? p.substring(1, p.length() - 1) : null;
    }

    /** Validates the fields. */
    public PushMessage {
        requireText(target, "target", "an agent username or a topic");
        requireText(type, "type", "a message type such as pop");
        Objects.requireNonNull(payload, "payload");
        requireText(origin, "origin", "a node id");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence: " + sequence + " (expected: >= 0)");
        }
    }

    private static void requireText(String value, String name, String expected) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + ": '" + value + "' (expected: " + expected + ")");
        }
    }
}
