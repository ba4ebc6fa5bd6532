package org.hotline.cti.control;

import java.util.Locale;

/** How a call is transferred: at once (blind) or after the agent spoke to the target (attended). */
public enum TransferKind {
    /** BlindTransfer: the customer goes to the target at once. */
    BLIND,
    /** Atxfer: the agent consults the target first; hanging up completes the transfer. */
    ATTENDED;

    /** Parses {@code blind} or {@code attended} (null means blind). */
    public static TransferKind parse(String s) {
        if (s == null || s.isBlank()) {
            return BLIND;
        }
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ControlException(ControlException.Kind.INVALID,
                    "transfer kind '" + s + "' (expected: blind or attended)");
        }
    }
}
