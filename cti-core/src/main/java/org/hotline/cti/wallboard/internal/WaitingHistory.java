package org.hotline.cti.wallboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls waiting in each queue over the last {@code span}, one sample per {@code step}: what the wallboard's
 * 30-minute chart shows from the moment a page opens (issue #16), instead of what that page saw since it loaded.
 * Thread-safe.
 */
public final class WaitingHistory {

    /** One sample: when, and the calls waiting per queue then. */
    public record Point(Instant at, Map<String, Integer> waiting) {
        /** Copies the map. */
        public Point {
            waiting = Map.copyOf(waiting);
        }
    }

    private final Duration span;
    private final Duration step;
    private final Deque<Point> points = new ArrayDeque<>();

    /** A history of {@code span} sampled every {@code step} at most. */
    public WaitingHistory(Duration span, Duration step) {
        this.span = span;
        this.step = step;
    }

    /** Offers the waiting counts at {@code at}: kept when a step has passed since the last sample; older ones go. */
    public synchronized void offer(Instant at, Map<String, Integer> waiting) {
        Point last = points.peekLast();
        if (last == null || !at.isBefore(last.at().plus(step))) {
            points.addLast(new Point(at, new LinkedHashMap<>(waiting)));
        }
        Instant oldest = at.minus(span);
        while (!points.isEmpty() && points.peekFirst().at().isBefore(oldest)) {
            points.removeFirst();
        }
    }

    /** The samples, oldest first. */
    public synchronized List<Point> points() {
        return new ArrayList<>(points);
    }
}
