package org.hotline.cti.customer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data as it may appear in logs: phone numbers with the middle digits hidden ({@code 138****5678}), names
 * with all but the first character hidden ({@code 张**}), and {@link #scrub} as the safety net every log line passes.
 */
public final class LogMask {

    // a mainland mobile number, alone or after +86 / 86 (not inside a longer run of digits: ids, timestamps)
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86)?(1[3-9][0-9])([0-9]{4})([0-9]{4})(?![0-9])");
    // a landline with its area code, written with a dash (0571-87654321) or without (02155550000: masked as phone())
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(0[1-9][0-9]{1,2})-([0-9]{3,4})([0-9]{4})(?![0-9])");
    private static final Pattern LANDLINE_PLAIN = Pattern.compile("(?<![0-9])(0[1-9][0-9])([0-9]{3,5})([0-9]{4})(?![0-9])");
    // a resident identity card number (18 characters, the last a digit or X)
    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])");
    // PostgreSQL repeats the values of the row or key in its errors: names, numbers, addresses
    private static final Pattern ROW_DETAIL = Pattern.compile("(Failing row contains |Key \\([^)]*\\)=)\\((.*?)\\)(?=[ .,;\\]\\n]|$)");

    private LogMask() {
    }

    /**
     * {@code number} with all but its first three and last four characters replaced by {@code ****}; a short
     * number keeps only its last two, and null or blank gives {@code "-"}.
     */
    public static String phone(String number) {
        if (number == null || number.isBlank()) {
            return "-";
        }
        String n = number.strip();
        if (n.length() >= 8) {
            return n.substring(0, 3) + "****" + n.substring(n.length() - 4);
        }
        // a short number (an extension, a service number) still says nothing whole
        return "****" + n.substring(Math.max(0, n.length() - 2));
    }

    /** {@code name} with its first character kept and each other one replaced by {@code *}; null or blank gives "-". */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "-";
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        return n.substring(0, first) + "*".repeat(Math.max(1, n.codePointCount(first, n.length())));
    }

    /**
     * {@code text} with every mobile and landline number, identity card number and database row detail masked: what
     * a log line may not carry, whatever code wrote it.
     */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(MOBILE, text, m -> m.group(1) + "****" + m.group(3));
        out = replace(LANDLINE, out, m -> m.group(1) + "-****" + m.group(3));
        out = replace(LANDLINE_PLAIN, out, m -> m.group(1) + "****" + m.group(3));
        out = replace(ID_CARD, out, m -> m.group(1) + "********" + m.group(2));
        return replace(ROW_DETAIL, out, m -> m.group(1) + "(…)");
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
