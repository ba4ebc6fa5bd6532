package org.hotline.workorder;

/** Where a time point was recorded from. */
public enum PointSource {
    /** The agent's or dispatcher's desk. */
    DESK,
    /** The crew's phone app. */
    CREW_APP,
    /** The IVR (e.g. a fault reported by keypad). */
    IVR,
    /** The server itself (e.g. point A from the call record). */
    SYSTEM;

    /** The name stored in the database. */
    public String dbName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a database or JSON name (case-insensitive, '-' or '_'). */
    public static PointSource of(String name) {
        if (name != null) {
            for (PointSource s : values()) {
                if (s.name().equalsIgnoreCase(name.strip().replace('-', '_'))) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("source: '" + name + "' (expected: desk, crew_app, ivr or system)");
    }
}
