package org.hotline.cti.call;

import java.util.Map;

/**
 * Counters of a {@link CallTracker} since it was created: frames seen, events handled, ignored on purpose or
 * unknown (by name), field values malformed or missing (skipped, never thrown), list items, resyncs, domain events
 * emitted, sink failures, and the calls and agents tracked now.
 */
public record TrackerStats(long messages, long events, long responses, long handled, long ignored, long unknown,
                           Map<String, Long> unknownByName, long malformedValues, long missingFields,
                           long unknownChannels, long listItems, long resyncs, long emitted, long sinkFailures,
                           int liveCalls, int agents) {
    /** Copies the map. */
    public TrackerStats {
        unknownByName = Map.copyOf(unknownByName);
    }
}
