package org.hotline.cti.callrecord;

import java.util.Objects;
import java.util.Set;

/**
 * A call record rebuilt from a second source ({@code queue_log} when {@code calls} lacked the call, or an imported
 * file): written only where no row for the call exists, marked with its {@code source}.
 */
public record RecoveredCall(CallRecord record, String source) {

    private static final Set<String> SOURCES = Set.of("queue_log", "import");

    /** Checks the source is one {@code calls.source} allows besides {@code ami}. */
    public RecoveredCall {
        Objects.requireNonNull(record, "record");
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("source: " + source + " (expected: one of " + SOURCES + ")");
        }
    }
}
