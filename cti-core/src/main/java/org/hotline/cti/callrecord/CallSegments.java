package org.hotline.cti.callrecord;

import java.util.List;
import java.util.Objects;
import org.hotline.cti.call.CallId;

/** A finished call's segments in the order they ended, written beside its record. */
public record CallSegments(CallId callId, List<CallSegment> segments) {

    /** Copies the segments. */
    public CallSegments {
        Objects.requireNonNull(callId, "callId");
        segments = List.copyOf(segments);
    }
}
