package org.hotline.workorder.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.workorder.BusinessCalendar;
import org.hotline.workorder.ClockEvent.PointRecorded;
import org.hotline.workorder.OrderType;
import org.hotline.workorder.Point;
import org.hotline.workorder.WorkOrderClock;
import org.hotline.workorder.WorkOrderClock.ClockState;
import org.hotline.workorder.WorkOrderProperties.TimerSettings;

/** The timers an order's clock state calls for; the store adds the missing ones and cancels the rest. Pure. */
public final class DesiredTimers {

    /** A timer: fires at {@code dueAt} unless {@code point} is recorded first. */
    public record Timer(String kind, Point point, Instant dueAt) {
    }

    private DesiredTimers() {
    }

    /** The timers of {@code s}: the current stage's warning and alarm, the acceptance pair, the promise pair. */
    public static List<Timer> of(ClockState s, BusinessCalendar calendar, TimerSettings settings) {
        List<Timer> out = new ArrayList<>();
        if (s.closedAt() != null) {
            return out;
        }
        OrderType type = s.type();
        Point awaiting = s.awaiting();
        Instant deadline = WorkOrderClock.deadline(s, calendar);
        if (deadline != null) {
            Instant start = s.points().get(type.stageEndingAt(awaiting).from()).at();
            out.add(new Timer("warning", awaiting, warningAt(start, deadline, settings.warningRatio())));
            out.add(new Timer("alarm", awaiting, deadline));
        }
        PointRecorded a = s.points().get(Point.A);
        if (type.promise() != null && a != null && !s.points().containsKey(type.lastPoint())) {
            Instant promised = calendar.deadline(a.at(), type.promise());
            out.add(new Timer("promise_warning", type.lastPoint(), warningAt(a.at(), promised, settings.warningRatio())));
            out.add(new Timer("promise_alarm", type.lastPoint(), promised));
        }
        PointRecorded handedOver = type.acceptFrom() == null ? null : s.points().get(type.acceptFrom());
        if (handedOver != null && !s.points().containsKey(type.acceptPoint())) {
            out.add(new Timer("acceptance", type.acceptPoint(), handedOver.at().plus(settings.acceptanceAlarmAfter())));
            out.add(new Timer("escalation", type.acceptPoint(), handedOver.at().plus(settings.escalationAfter())));
        }
        return out;
    }

    private static Instant warningAt(Instant start, Instant deadline, double ratio) {
        long millis = Duration.between(start, deadline).toMillis();
        return start.plusMillis((long) (millis * ratio));
    }
}
