package org.hotline.cti.push.internal;

import java.time.Instant;
import java.util.Comparator;
import org.hotline.cti.screenpop.ScreenPop;

/** The order of a snapshot: oldest ringing first, ties by call id, so every node lists an agent's pops alike. */
final class PopOrder {

    static final Comparator<ScreenPop> SNAPSHOT = Comparator
            .comparing(ScreenPop::ringingAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(ScreenPop::callId);

    private PopOrder() {
    }
}
