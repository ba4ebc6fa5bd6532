package org.hotline.workorder;

import java.time.Instant;
import java.util.Objects;

/** A command to an order's clock; {@link WorkOrderClock#apply} accepts or refuses it. */
public sealed interface ClockCommand {

    /** When the command says it happened. */
    Instant at();

    /**
     * Record time point {@code point} at {@code at}.
     *
     * @param teamElsewhere for the point handing the order to a team (D of a repair): whether the team is away from
     *                      the sender's site (the longer D→E limit); null leaves it as it was
     */
    record RecordPoint(Point point, Instant at, String by, PointSource source, String unit, Boolean teamElsewhere)
            implements ClockCommand {
        /** Checks the fields. */
        public RecordPoint {
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(source, "source");
        }
    }

    /** Correct the time of an already recorded point, with a reason (a new row in the log, never an update). */
    record CorrectPoint(Point point, Instant at, String by, PointSource source, String reason) implements ClockCommand {
        /** Checks the fields. */
        public CorrectPoint {
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * Route again an order that was routed wrongly at point {@code after} (B: to the wrong repair centre, D: to the
     * wrong team): the clock goes back to wait for the point after it, and the time since the wrong routing is
     * charged to the party that routed.
     */
    record RerouteOrder(Point after, Instant at, String by, String unit, String reason, Boolean teamElsewhere)
            implements ClockCommand {
        /** Checks the fields. */
        public RerouteOrder {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(at, "at");
        }

        /** A re-route that keeps the team's site as it was. */
        public RerouteOrder(Point after, Instant at, String by, String unit, String reason) {
            this(after, at, by, unit, reason, null);
        }
    }

    /** Close the order (done, or cancelled with a reason). */
    record CloseOrder(Instant at, String by, String reason) implements ClockCommand {
        /** Checks the fields. */
        public CloseOrder {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The work is done (the crew's "done", or a dispatcher for it): allowed once every point is recorded; a revisit
     * of the customer follows before the order closes.
     */
    record MarkDone(Instant at, String by, PointSource source, String note) implements ClockCommand {
        /** Checks the fields. */
        public MarkDone {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(source, "source");
        }
    }

    /** The work was not done after all (a dissatisfied customer at the revisit): the order waits for "done" again. */
    record ReopenOrder(Instant at, String by, String reason) implements ClockCommand {
        /** Checks the fields. */
        public ReopenOrder {
            Objects.requireNonNull(at, "at");
        }
    }
}
