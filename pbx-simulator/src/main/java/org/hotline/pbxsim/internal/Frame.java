package org.hotline.pbxsim.internal;

import java.nio.charset.StandardCharsets;

/** One AMI message being written: {@code Key: Value} lines ending in CRLF, closed by a blank line. */
public final class Frame {

    private final StringBuilder text = new StringBuilder(512);
    private final String name;
    private final String privilege;
    private String linkedid;
    private String agentInterface;
    private byte[] joined;

    private Frame(String name, String privilege) {
        this.name = name;
        this.privilege = privilege;
    }

    /** An event with its Privilege and, as {@code timestampevents=yes} gives, a Timestamp. */
    public static Frame event(String name, String privilege, Clock clock) {
        Frame f = new Frame(name, privilege);
        f.add("Event", name).add("Privilege", privilege).add("Timestamp", clock.timestamp());
        return f;
    }

    /** An event re-sent from a capture: the caller adds every header after Event in the captured order. */
    public static Frame replayed(String name, String privilege) {
        Frame f = new Frame(name, privilege);
        f.add("Event", name);
        return f;
    }

    /** A list item or other event without Privilege and Timestamp (CoreShowChannel, QueueMember, FullyBooted…). */
    public static Frame bare(String name) {
        Frame f = new Frame(name, null);
        f.add("Event", name);
        return f;
    }

    /** A response; the ActionID follows the Response line as Asterisk writes it, and is left out when absent. */
    public static Frame response(String status, String actionId) {
        Frame f = new Frame(null, null);
        f.add("Response", status);
        if (actionId != null) {
            f.add("ActionID", actionId);
        }
        return f;
    }

    /** Several frames sent back to back as one write (a list action's response, items and completion). */
    public static Frame concat(java.util.List<Frame> frames) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Frame f : frames) {
            out.writeBytes(f.bytes());
        }
        Frame f = new Frame(null, null);
        f.joined = out.toByteArray();
        return f;
    }

    /** Appends one header line. */
    public Frame add(String key, Object value) {
        text.append(key).append(": ").append(value == null ? "" : value).append("\r\n");
        return this;
    }

    /** Appends an ActionID line when one was given. */
    public Frame actionId(String actionId) {
        return actionId == null ? this : add("ActionID", actionId);
    }

    /** Marks this frame as an AgentCalled to report to {@code AgentCalledListener}s once flushed. */
    public Frame agentCalled(String linkedidValue, String interfaceName) {
        this.linkedid = linkedidValue;
        this.agentInterface = interfaceName;
        return this;
    }

    /** The event name, or {@code null} for a response. */
    public String name() {
        return name;
    }

    /** The Privilege categories, or {@code null} when the frame is not a broadcast event. */
    public String privilege() {
        return privilege;
    }

    /** The Linkedid of a marked AgentCalled, else {@code null}. */
    public String hookLinkedid() {
        return linkedid;
    }

    /** The interface of a marked AgentCalled, else {@code null}. */
    public String hookInterface() {
        return agentInterface;
    }

    /** The encoded frame, blank line included. */
    public byte[] bytes() {
        if (joined != null) {
            return joined;
        }
        return (text + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
