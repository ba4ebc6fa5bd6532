package org.hotline.cti.call.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Mutable counters of the engine, written by its single thread and copied into a snapshot under its lock. */
public final class TrackerCounters {

    /** How many distinct unknown event names are counted by name; the rest only add to {@link #unknown}. */
    static final int MAX_UNKNOWN_NAMES = 64;

    long messages;
    long events;
    long responses;
    long otherFrames;
    long handled;
    long ignored;
    long unknown;
    long malformed;
    long missingFields;
    long unknownChannels;
    long listItems;
    long emitted;
    long resyncs;
    final Map<String, Long> unknownByName = new LinkedHashMap<>();

    void unknown(String name) {
        unknown++;
        Long n = unknownByName.get(name);
        if (n != null) {
            unknownByName.put(name, n + 1);
        } else if (unknownByName.size() < MAX_UNKNOWN_NAMES) {
            unknownByName.put(name, 1L);
        }
    }

    /** Frames applied. */
    public long messages() {
        return messages;
    }

    /** Event frames among them. */
    public long events() {
        return events;
    }

    /** Response frames (ignored: the tracker only follows events). */
    public long responses() {
        return responses;
    }

    /** Frames that are neither events nor responses (the banner). */
    public long otherFrames() {
        return otherFrames;
    }

    /** Events that changed or could change the model. */
    public long handled() {
        return handled;
    }

    /** Known events ignored on purpose (Newexten, VarSet of other variables, DeviceStateChange…). */
    public long ignored() {
        return ignored;
    }

    /** Events with a name the tracker does not know. */
    public long unknown() {
        return unknown;
    }

    /** Field values that could not be parsed (non-numeric Cause, bad Timestamp…); the field was skipped. */
    public long malformed() {
        return malformed;
    }

    /** Required fields that were missing (Uniqueid, Linkedid, Queue…); the event or field was skipped. */
    public long missingFields() {
        return missingFields;
    }

    /** Events about a channel the tracker never saw created (it predates the connection and the last resync). */
    public long unknownChannels() {
        return unknownChannels;
    }

    /** Items of list actions (CoreShowChannel, QueueMember, QueueEntry). */
    public long listItems() {
        return listItems;
    }

    /** Domain events emitted. */
    public long emitted() {
        return emitted;
    }

    /** Resyncs completed. */
    public long resyncs() {
        return resyncs;
    }

    /** Unknown event names with their counts (the first {@value #MAX_UNKNOWN_NAMES} distinct names). */
    public Map<String, Long> unknownByName() {
        return Map.copyOf(unknownByName);
    }
}
