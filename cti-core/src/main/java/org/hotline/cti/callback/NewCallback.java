package org.hotline.cti.callback;

import java.time.Instant;
import java.util.Objects;

/**
 * A callback an agent schedules: the normalized number, when it is due, an optional note and optional assignee
 * (username; null lets any agent take it), created by {@code createdBy} (username).
 */
public record NewCallback(String number, Long customerId, Instant dueAt, String note, String assignee,
                          String createdBy) {

    /** Longest note accepted, in characters. */
    public static final int MAX_NOTE = 1000;

    /** Validates the command. */
    public NewCallback {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(createdBy, "createdBy");
        if (number == null || !number.matches("[0-9]{3,20}")) {
            throw new IllegalArgumentException("number: '" + number + "' (expected: a phone number, 3 to 20 digits)");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("note: " + note.length() + " characters (expected: <= " + MAX_NOTE + ")");
        }
    }
}
