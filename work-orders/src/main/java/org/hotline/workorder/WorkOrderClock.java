package org.hotline.workorder;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.workorder.ClockCommand.CloseOrder;
import org.hotline.workorder.ClockCommand.CorrectPoint;
import org.hotline.workorder.ClockCommand.MarkDone;
import org.hotline.workorder.ClockCommand.RecordPoint;
import org.hotline.workorder.ClockCommand.ReopenOrder;
import org.hotline.workorder.ClockCommand.RerouteOrder;
import org.hotline.workorder.ClockEvent.OrderClosed;
import org.hotline.workorder.ClockEvent.OrderReopened;
import org.hotline.workorder.ClockEvent.OrderRerouted;
import org.hotline.workorder.ClockEvent.PointRecorded;
import org.hotline.workorder.ClockEvent.WorkDone;

/**
 * The order clock as a pure state machine: {@link #apply} turns a state and a command into the next state and the
 * event to log, or a refusal; {@link #evolve} replays logged events. No I/O, no clock of its own.
 */
public final class WorkOrderClock {

    private WorkOrderClock() {
    }

    /**
     * An order's clock.
     *
     * @param type          the order's type as it started (its limits snapshot)
     * @param points        the points in effect (after corrections and re-routes), by point
     * @param teamElsewhere whether the receiving team is away from the sender's site
     * @param closedAt      when the order closed, or null while open
     * @param doneAt        when the work was reported done (and not reopened since), or null
     */
    public record ClockState(OrderType type, Map<Point, PointRecorded> points, boolean teamElsewhere,
                             Instant closedAt, Instant doneAt) {

        /** Copies the points. */
        public ClockState {
            Objects.requireNonNull(type, "type");
            EnumMap<Point, PointRecorded> copy = new EnumMap<>(Point.class);
            copy.putAll(points);
            points = Collections.unmodifiableMap(copy);
        }

        /** The point the clock waits for: null when the last point is recorded or the order is closed. */
        public Point awaiting() {
            if (closedAt != null) {
                return null;
            }
            Point p = Point.A;
            while (p != null && points.containsKey(p)) {
                if (p == type.lastPoint()) {
                    return null;
                }
                p = p.next();
            }
            return p;
        }

        /** The latest point in effect, or null before A. */
        public PointRecorded latest() {
            PointRecorded last = null;
            for (PointRecorded r : points.values()) {
                last = r;
            }
            return last;
        }
    }

    /** Why a command was refused. */
    public enum RefusalKind {
        /** The order is closed. */
        CLOSED,
        /** The point is not one of the type's points. */
        NOT_A_POINT_OF_TYPE,
        /** The point was recorded already (a second "arrive"). */
        ALREADY_RECORDED,
        /** The point or its time comes before one it must follow. */
        OUT_OF_ORDER,
        /** There is nothing to correct or re-route at that point. */
        NOT_RECORDED,
        /** "Done" before every point is recorded, twice, or a reopen of an order not done. */
        NOT_DONE_YET,
        /** A required field is missing. */
        INVALID
    }

    /** The outcome of a command. */
    public sealed interface Transition {
    }

    /** The command was accepted: log {@code event}, the clock is now {@code state}. */
    public record Accepted(ClockState state, ClockEvent event) implements Transition {
    }

    /** The command was refused; nothing is logged. */
    public record Refused(RefusalKind kind, String reason) implements Transition {
    }

    /** A new order's clock, before A. */
    public static ClockState start(OrderType type) {
        return new ClockState(type, Map.of(), false, null, null);
    }

    /** The one transition function: the next state and the event to log, or a refusal. */
    public static Transition apply(ClockState s, ClockCommand command) {
        Objects.requireNonNull(s, "state");
        Objects.requireNonNull(command, "command");
        if (s.closedAt() != null) {
            return new Refused(RefusalKind.CLOSED, "the order is closed since " + s.closedAt()
                    + ": nothing more is recorded on it");
        }
        if (command instanceof RecordPoint r) {
            return record(s, r);
        }
        if (command instanceof CorrectPoint c) {
            return correct(s, c);
        }
        if (command instanceof RerouteOrder r) {
            return reroute(s, r);
        }
        if (command instanceof MarkDone d) {
            return done(s, d);
        }
        if (command instanceof ReopenOrder r) {
            return reopen(s, r);
        }
        CloseOrder c = (CloseOrder) command;
        return accept(s, new OrderClosed(c.at(), c.by(), blankToNull(c.reason())));
    }

    /** Applies a logged event without checks (replaying the log). */
    public static ClockState evolve(ClockState s, ClockEvent event) {
        EnumMap<Point, PointRecorded> points = new EnumMap<>(Point.class);
        points.putAll(s.points());
        if (event instanceof PointRecorded r) {
            points.put(r.point(), r);
            return new ClockState(s.type(), points, r.teamElsewhere() == null ? s.teamElsewhere() : r.teamElsewhere(),
                    s.closedAt(), s.doneAt());
        }
        if (event instanceof OrderRerouted r) {
            points.keySet().removeIf(p -> p.ordinal() > r.after().ordinal());
            PointRecorded was = points.get(r.after());
            // the correct routing happens now: the next stage is measured from it, the lost time is the router's
            points.put(r.after(), new PointRecorded(r.after(), r.at(), r.by(), was == null ? PointSource.DESK
                    : was.source(), r.unit(), "re-routed: " + r.reason(), r.teamElsewhere()));
            // a new team brings its own site: the D→E limit follows it
            return new ClockState(s.type(), points, r.teamElsewhere() == null ? s.teamElsewhere() : r.teamElsewhere(),
                    s.closedAt(), null);
        }
        if (event instanceof WorkDone d) {
            return new ClockState(s.type(), points, s.teamElsewhere(), s.closedAt(), d.at());
        }
        if (event instanceof OrderReopened) {
            return new ClockState(s.type(), points, s.teamElsewhere(), s.closedAt(), null);
        }
        return new ClockState(s.type(), points, s.teamElsewhere(), ((OrderClosed) event).at(), s.doneAt());
    }

    /** Replays a log from the start. */
    public static ClockState replay(OrderType type, List<ClockEvent> log) {
        ClockState s = start(type);
        for (ClockEvent e : log) {
            s = evolve(s, e);
        }
        return s;
    }

    /**
     * When the stage the clock waits in runs out: from the previous point's time by the stage's limit (the long
     * D→E limit when the team is elsewhere); null before A, or when complete or closed.
     */
    public static Instant deadline(ClockState s, BusinessCalendar calendar) {
        Point awaiting = s.awaiting();
        if (awaiting == null || awaiting == Point.A) {
            return null;
        }
        Stage stage = s.type().stageEndingAt(awaiting);
        return calendar.deadline(s.points().get(stage.from()).at(), stage.limitFor(s.teamElsewhere()));
    }

    private static Transition record(ClockState s, RecordPoint r) {
        OrderType type = s.type();
        if (!type.uses(r.point())) {
            return new Refused(RefusalKind.NOT_A_POINT_OF_TYPE, "point " + r.point() + " is not a point of type "
                    + type.code() + " (A to " + type.lastPoint() + ")");
        }
        PointRecorded was = s.points().get(r.point());
        if (was != null) {
            return new Refused(RefusalKind.ALREADY_RECORDED, "point " + r.point() + " (" + type.pointName(r.point())
                    + ") was already recorded at " + was.at() + (was.by() == null ? "" : " by " + was.by())
                    + ": send a correction with a reason to change its time");
        }
        Point awaiting = s.awaiting();
        if (r.point() != awaiting) {
            return new Refused(RefusalKind.OUT_OF_ORDER, "point " + r.point() + " (" + type.pointName(r.point())
                    + ") cannot come before " + awaiting + " (" + type.pointName(awaiting) + "): the clock waits for "
                    + awaiting);
        }
        PointRecorded previous = s.latest();
        if (previous != null && r.at().isBefore(previous.at())) {
            return new Refused(RefusalKind.OUT_OF_ORDER, "point " + r.point() + " at " + r.at()
                    + " is earlier than point " + previous.point() + " at " + previous.at());
        }
        return accept(s, new PointRecorded(r.point(), r.at(), r.by(), r.source(), r.unit(), null, r.teamElsewhere()));
    }

    private static Transition correct(ClockState s, CorrectPoint c) {
        if (blankToNull(c.reason()) == null) {
            return new Refused(RefusalKind.INVALID, "reason: empty (expected: why point " + c.point()
                    + " is corrected; the log is evidence)");
        }
        if (!s.points().containsKey(c.point())) {
            return new Refused(RefusalKind.NOT_RECORDED, "point " + c.point() + " is not recorded: nothing to correct");
        }
        PointRecorded before = c.point() == Point.A ? null : s.points().get(Point.values()[c.point().ordinal() - 1]);
        PointRecorded after = c.point().next() == null ? null : s.points().get(c.point().next());
        if (before != null && c.at().isBefore(before.at()) || after != null && c.at().isAfter(after.at())) {
            return new Refused(RefusalKind.OUT_OF_ORDER, "point " + c.point() + " at " + c.at()
                    + " would leave the points out of order (between " + (before == null ? "-" : before.at())
                    + " and " + (after == null ? "-" : after.at()) + ")");
        }
        PointRecorded was = s.points().get(c.point());
        return accept(s, new PointRecorded(c.point(), c.at(), c.by(), c.source(), was.unit(), c.reason().strip(),
                null));
    }

    private static Transition reroute(ClockState s, RerouteOrder r) {
        if (blankToNull(r.reason()) == null) {
            return new Refused(RefusalKind.INVALID, "reason: empty (expected: why the order is routed again)");
        }
        PointRecorded routed = s.points().get(r.after());
        Stage routing = s.type().stageEndingAt(r.after());
        if (routed == null || routing == null || r.after() == s.type().lastPoint()) {
            return new Refused(RefusalKind.NOT_RECORDED, "point " + r.after()
                    + " is not a recorded hand-over of this order: nothing to route again");
        }
        if (r.at().isBefore(routed.at())) {
            return new Refused(RefusalKind.OUT_OF_ORDER, "re-route at " + r.at() + " is earlier than the routing at "
                    + routed.at());
        }
        return accept(s, new OrderRerouted(r.after(), r.at(), r.by(), r.unit(), r.reason().strip(),
                Duration.between(routed.at(), r.at()), routing.party(), r.teamElsewhere()));
    }

    private static Transition done(ClockState s, MarkDone d) {
        if (s.doneAt() != null) {
            return new Refused(RefusalKind.NOT_DONE_YET, "the work was already reported done at " + s.doneAt());
        }
        Point awaiting = s.awaiting();
        if (awaiting != null) {
            return new Refused(RefusalKind.NOT_DONE_YET, "the clock still waits for " + awaiting + " ("
                    + s.type().pointName(awaiting) + "): record it before the work is done");
        }
        PointRecorded last = s.latest();
        if (last != null && d.at().isBefore(last.at())) {
            return new Refused(RefusalKind.OUT_OF_ORDER, "done at " + d.at() + " is earlier than point "
                    + last.point() + " at " + last.at());
        }
        return accept(s, new WorkDone(d.at(), d.by(), d.source(), blankToNull(d.note())));
    }

    private static Transition reopen(ClockState s, ReopenOrder r) {
        if (blankToNull(r.reason()) == null) {
            return new Refused(RefusalKind.INVALID, "reason: empty (expected: why the order is reopened)");
        }
        if (s.doneAt() == null) {
            return new Refused(RefusalKind.NOT_DONE_YET, "the work is not reported done: nothing to reopen");
        }
        return accept(s, new OrderReopened(r.at(), r.by(), r.reason().strip()));
    }

    private static Accepted accept(ClockState s, ClockEvent e) {
        return new Accepted(evolve(s, e), e);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
