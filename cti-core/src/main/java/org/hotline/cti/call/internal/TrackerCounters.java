package org.hotline.cti.call.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Mutable counters of the engine, written by its single thread and copied into a snapshot under its lock. */
final class TrackerCounters {

    /** How many distinct unknown event names are counted by name; the rest only add to {@link #unknown}. */
    static final int MAX_UNKNOWN_NAMES = 64;

    long messages;
    long events;
    long responses;
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
}
