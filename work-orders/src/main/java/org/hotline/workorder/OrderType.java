package org.hotline.workorder;

import java.util.List;
import java.util.Objects;

/**
 * An order type as validated from the settings; an order stores the one it started with (its limits snapshot).
 *
 * @param code        the type's code, e.g. {@code repair}
 * @param label       what users read, e.g. 报修
 * @param start       what point A is, e.g. 客户挂机 the customer hangs up
 * @param stages      the stages in order, A→B first
 * @param promise     the limit from A to the last point (the 45-minute promise), or null for none
 * @param acceptFrom  the point that hands the order to a receiver who must accept it, or null for no acceptance alarm
 * @param acceptPoint the point that is the acceptance (F for a repair), null exactly when {@code acceptFrom} is
 */
public record OrderType(String code, String label, String start, List<Stage> stages, Limit promise,
                        Point acceptFrom, Point acceptPoint) {

    /** Checks the fields. */
    public OrderType {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(start, "start");
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("type " + code + ": no stages");
        }
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).from() != Point.values()[i]) {
                throw new IllegalArgumentException("type " + code + ": stage " + i + " starts at "
                        + stages.get(i).from() + " (expected: " + Point.values()[i] + ")");
            }
        }
        if ((acceptFrom == null) != (acceptPoint == null)) {
            throw new IllegalArgumentException("type " + code + ": accept-from and accept-point go together");
        }
    }

    /** The last point (H for a repair). */
    public Point lastPoint() {
        return stages.get(stages.size() - 1).to();
    }

    /** Whether this type uses the point. */
    public boolean uses(Point p) {
        return p.ordinal() <= lastPoint().ordinal();
    }

    /** The stage that ends at {@code to}, or null for A or a point the type does not use. */
    public Stage stageEndingAt(Point to) {
        for (Stage s : stages) {
            if (s.to() == to) {
                return s;
            }
        }
        return null;
    }

    /** The stage that starts at {@code from}, or null for the last point. */
    public Stage stageStartingAt(Point from) {
        for (Stage s : stages) {
            if (s.from() == from) {
                return s;
            }
        }
        return null;
    }

    /** What happens at a point (the start, or the name of the stage ending there). */
    public String pointName(Point p) {
        if (p == Point.A) {
            return start;
        }
        Stage s = stageEndingAt(p);
        return s == null ? p.name() : s.name();
    }
}
