package org.hotline.cti.outage;

import java.time.Instant;

/**
 * An outage as pages show it: the outage, how it was restored ({@code manual}, {@code auto}, or null while open),
 * whether supply is off under it now, and how many customers with an open account sit beneath it.
 */
public record OutageView(Outage outage, String restoreKind, boolean active, long customersAffected) {

    /** Whether supply is off beneath it at {@code at} (same as {@link Outage#activeAt}). */
    public boolean activeAt(Instant at) {
        return outage.activeAt(at);
    }
}
