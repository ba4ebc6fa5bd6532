package org.hotline.workorder;

import java.time.Duration;
import java.time.Instant;

/** What happened to an order's clock: one row of the append-only points log. */
public sealed interface ClockEvent {

    /** When it happened. */
    Instant at();

    /** A time point was recorded, or corrected ({@code reason} set) . */
    record PointRecorded(Point point, Instant at, String by, PointSource source, String unit, String reason,
                         Boolean teamElsewhere) implements ClockEvent {
        /** Whether this corrects an earlier row. */
        public boolean correction() {
            return reason != null;
        }
    }

    /** The order was routed again; {@code lost} is charged to {@code chargedParty}, who routed it wrongly. */
    record OrderRerouted(Point after, Instant at, String by, String unit, String reason, Duration lost,
                         Party chargedParty, Boolean teamElsewhere) implements ClockEvent {
        /** A re-route that keeps the team's site as it was. */
        public OrderRerouted(Point after, Instant at, String by, String unit, String reason, Duration lost,
                             Party chargedParty) {
            this(after, at, by, unit, reason, lost, chargedParty, null);
        }
    }

    /** The order was closed. */
    record OrderClosed(Instant at, String by, String reason) implements ClockEvent {
    }

    /** The work was reported done. */
    record WorkDone(Instant at, String by, PointSource source, String note) implements ClockEvent {
    }

    /** A done order was reopened. */
    record OrderReopened(Instant at, String by, String reason) implements ClockEvent {
    }
}
