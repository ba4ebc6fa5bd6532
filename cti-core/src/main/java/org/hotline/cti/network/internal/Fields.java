package org.hotline.cti.network.internal;

import java.util.regex.Pattern;

/** Checks shared by imports and edits, each returning an error message or null when the value is fine. */
public final class Fields {

    /** Longest name of a substation, line, area, centre or person. */
    public static final int MAX_NAME = 100;

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z_.-]{1,32}");
    private static final Pattern CENTRE_CODE = Pattern.compile("[0-9A-Za-z_-]{1,32}");
    // what people write: 0755-12345678, +86 138 0013 8000, 95598; separators dropped before counting digits
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,20}");

    private Fields() {
    }

    /** A network code: letters, digits, {@code _ . -}, 1..32. */
    public static String code(String value) {
        return CODE.matcher(value).matches() ? null : "bad code \"" + value + "\" (expected: 1-32 of A-Z a-z 0-9 _ . -)";
    }

    /** A repair centre code: letters, digits, {@code _ -}, 1..32. */
    public static String centreCode(String value) {
        return CENTRE_CODE.matcher(value).matches() ? null
                : "bad repair centre code \"" + value + "\" (expected: 1-32 of A-Z a-z 0-9 _ -)";
    }

    /** A name: not blank, at most {@link #MAX_NAME} characters. */
    public static String name(String value) {
        if (value.isBlank()) {
            return "missing";
        }
        return value.length() > MAX_NAME ? value.length() + " chars (expected: <= " + MAX_NAME + ")" : null;
    }

    /** A phone number as people write it, 3 to 20 digits once spaces, dashes and brackets are dropped. */
    public static String phone(String value) {
        String digits = value.replaceAll("[\\s()\\-]", "");
        return PHONE.matcher(digits).matches() ? null
                : "bad phone \"" + value + "\" (expected: 3-20 digits, spaces and dashes allowed)";
    }

    /** Null for null or blank text, else the text stripped. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
