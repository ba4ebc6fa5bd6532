package org.hotline.workorder;

import java.util.Objects;

/**
 * One stage of an order type's clock: from one point to the next, with its limit and responsible party.
 *
 * @param from           the point that starts the stage
 * @param to             the point that ends it (the next letter)
 * @param name           what happens at {@code to} (e.g. 热线派单 hotline dispatches)
 * @param party          who answers for the stage's time
 * @param limit          the limit
 * @param limitElsewhere the limit when the receiving team is not at the sending unit's site, or null for the same
 */
public record Stage(Point from, Point to, String name, Party party, Limit limit, Limit limitElsewhere) {

    /** Checks the fields. */
    public Stage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(limit, "limit");
        if (from.next() != to) {
            throw new IllegalArgumentException("stage " + from + "→" + to + " (expected: consecutive points)");
        }
    }

    /** The limit that applies: the elsewhere one when set and the team is elsewhere. */
    public Limit limitFor(boolean teamElsewhere) {
        return teamElsewhere && limitElsewhere != null ? limitElsewhere : limit;
    }
}
