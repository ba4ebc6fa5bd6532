package org.hotline.workorder;

import java.time.Instant;
import java.util.List;

/**
 * One order's clock as a timeline: the log as recorded, each stage against its limit, the alarms.
 *
 * @param order  the order
 * @param log    every row of the points log in order (corrections and re-routes included)
 * @param stages the stages with the points in effect
 * @param alarms the warnings and alarms that fired
 */
public record WorkOrderTimeline(WorkOrderSummary order, List<LogEntry> log, List<StageTime> stages,
                                List<AlarmView> alarms) {

    /**
     * A row of the points log.
     *
     * @param kind          point, correction, reroute or close
     * @param lostSeconds   for a re-route, the time charged to {@code chargedParty}
     * @param chargedUnit   for a re-route, the unit that routed wrongly (hotline, or the repair centre's code)
     */
    public record LogEntry(long id, String kind, Point point, Instant at, String by, PointSource source, String unit,
                           String reason, Long lostSeconds, Party chargedParty, String chargedUnit,
                           Instant recordedAt) {
    }

    /**
     * A stage: its limit, its deadline and how long it took (null while running or not started).
     *
     * @param rerouteSeconds time lost to wrong routings at its start point, charged to its party
     */
    public record StageTime(Point from, Point to, String name, Party party, String limit, Instant startedAt,
                            Instant deadline, Instant endedAt, Long elapsedSeconds, Boolean withinLimit,
                            long rerouteSeconds) {
    }
}
