package org.hotline.cti.wallboard;

/**
 * A threshold a queue crossed: {@code value} is the current figure (seconds, ratio or count), {@code threshold} the
 * limit it crossed.
 */
public record Alert(String queue, Kind kind, Level level, double value, double threshold) {

    /** What is out of line. */
    public enum Kind {
        /** The oldest waiting call has waited too long. */
        LONGEST_WAIT,
        /** The last hour's service level is too low. */
        SERVICE_LEVEL,
        /** Too few agents are ready while calls wait. */
        AGENTS_READY
    }

    /** How bad. */
    public enum Level {
        /** Look at it. */
        WARNING,
        /** Act now. */
        CRITICAL
    }
}
