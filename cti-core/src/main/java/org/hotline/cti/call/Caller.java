package org.hotline.cti.call;

/**
 * The calling party as Asterisk reports it: raw number and name, exactly as sent (may be {@code <unknown>},
 * {@code anonymous} or hostile text; it is data, never markup).
 */
public record Caller(String number, String name) {
    /** Stands for a caller whose number Asterisk does not know. */
    public static final Caller UNKNOWN = new Caller("", "");

    /** Replaces Asterisk's {@code <unknown>} placeholders with empty strings. */
    public Caller {
        number = clean(number);
        name = clean(name);
    }

    private static String clean(String s) {
        return s == null || s.equals("<unknown>") || s.equals("unknown") ? "" : s;
    }
}
