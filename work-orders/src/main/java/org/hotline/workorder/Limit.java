package org.hotline.workorder;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stage's time limit: minutes and hours run around the clock (a fault is repaired at night too), working days
 * follow the business calendar. Written in settings as {@code 2m}, {@code 4h} or {@code 5wd}.
 *
 * @param amount how many units, always positive
 * @param unit   minutes, hours or working days
 */
public record Limit(long amount, Unit unit) {

    private static final Pattern TEXT = Pattern.compile("^\\s*(-?\\d+)\\s*([a-zA-Z]+)\\s*$");

    /** The units a limit is counted in. */
    public enum Unit {
        /** Wall-clock minutes ({@code m}). */
        MINUTES("m"),
        /** Wall-clock hours ({@code h}). */
        HOURS("h"),
        /** Working days of the business calendar ({@code wd}). */
        WORKING_DAYS("wd");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        /** The suffix in settings. */
        public String suffix() {
            return suffix;
        }
    }

    /** Checks that the amount is positive. */
    public Limit {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("limit: " + amount + unit.suffix + " (expected: more than zero)");
        }
    }

    /** Minutes. */
    public static Limit minutes(long n) {
        return new Limit(n, Unit.MINUTES);
    }

    /** Working days. */
    public static Limit workingDays(long n) {
        return new Limit(n, Unit.WORKING_DAYS);
    }

    /**
     * Parses {@code 2m}, {@code 4h} or {@code 5wd}; {@code setting} names the property in the message.
     *
     * @throws IllegalArgumentException naming the setting for a zero or negative amount or an unknown unit
     */
    public static Limit parse(String text, String setting) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(setting + ": '" + text
                    + "' (expected: a whole number and a unit, m for minutes, h for hours, wd for working days, e.g. 4m)");
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + ": '" + text + "' (expected: a smaller number)");
        }
        String suffix = m.group(2).toLowerCase(Locale.ROOT);
        Unit unit = null;
        for (Unit u : Unit.values()) {
            if (u.suffix.equals(suffix)) {
                unit = u;
            }
        }
        if (unit == null) {
            throw new IllegalArgumentException(setting + ": '" + text
                    + "' has an unknown unit '" + m.group(2) + "' (expected: m, h or wd)");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException(setting + ": '" + text + "' (expected: a limit of more than zero)");
        }
        return new Limit(amount, unit);
    }

    /** The length of a wall-clock limit, or null for working days (those need the calendar). */
    public Duration wallClock() {
        return switch (unit) {
            case MINUTES -> Duration.ofMinutes(amount);
            case HOURS -> Duration.ofHours(amount);
            case WORKING_DAYS -> null;
        };
    }

    @Override
    public String toString() {
        return amount + unit.suffix;
    }
}
