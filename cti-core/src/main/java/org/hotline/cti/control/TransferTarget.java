package org.hotline.cti.control;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a transfer goes: another agent (by extension or username), a queue, or an outside number; {@link #exten()}
 * is the extension in {@code hotline.control.transfer-context}.
 */
public record TransferTarget(Type type, String value) {

    /** The kinds of target. */
    public enum Type {
        /** Another agent: an extension such as 1002 or a username such as agent1002. */
        AGENT,
        /** A queue by name. */
        QUEUE,
        /** An outside number. */
        NUMBER;

        /** Parses {@code agent}, {@code queue} or {@code number} (null means number). */
        public static Type parse(String s) {
            if (s == null || s.isBlank()) {
                return NUMBER;
            }
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ControlException(ControlException.Kind.INVALID,
                        "target type '" + s + "' (expected: agent, queue or number)");
            }
        }
    }

    /** Validates the fields. */
    public TransferTarget {
        Objects.requireNonNull(type, "type");
        if (value == null || value.isBlank()) {
            throw new ControlException(ControlException.Kind.INVALID, "transfer target is empty");
        }
        value = value.strip();
    }
}
