package org.hotline.cti.call;

import java.util.Objects;

/** Identifies a call: Asterisk's {@code Linkedid}, carried by every leg through re-queues and transfers. */
public record CallId(String value) {
    /** Validates the id. */
    public CallId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("value: blank (expected: a Linkedid such as 1795434946.0)");
        }
    }
}
