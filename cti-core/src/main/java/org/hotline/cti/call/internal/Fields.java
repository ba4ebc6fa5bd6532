package org.hotline.cti.call.internal;

/** Allocation-free parsers for AMI field values; malformed input gives a sentinel instead of an exception. */
public final class Fields {

    /** Returned by the parsers for a missing or malformed value. */
    public static final int NO_INT = Integer.MIN_VALUE;
    /** Returned by the parsers for a missing or malformed value. */
    public static final long NO_LONG = Long.MIN_VALUE;

    private Fields() {
    }

    /** A non-negative decimal int ({@code Cause: 16}), or {@link #NO_INT}. */
    public static int parseInt(String s) {
        if (s == null) {
            return NO_INT;
        }
        int n = s.length();
        int start = 0;
        while (start < n && s.charAt(start) == ' ') {
            start++;
        }
        if (start == n || n - start > 9) {
            return NO_INT;
        }
        int v = 0;
        for (int i = start; i < n; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return NO_INT;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Epoch microseconds of a {@code Timestamp: 1795434946.606824} value, or {@link #NO_LONG}. */
    public static long parseTimestampMicros(String s) {
        if (s == null) {
            return NO_LONG;
        }
        int n = s.length();
        long secs = 0;
        int i = 0;
        for (; i < n && s.charAt(i) != '.'; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9 || i > 12) {
                return NO_LONG;
            }
            secs = secs * 10 + d;
        }
        if (i == 0) {
            return NO_LONG;
        }
        long micros = 0;
        int digits = 0;
        for (i++; i < n; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return NO_LONG;
            }
            if (digits < 6) {
                micros = micros * 10 + d;
                digits++;
            }
        }
        for (; digits < 6; digits++) {
            micros *= 10;
        }
        return secs * 1_000_000L + micros;
    }

    /** Seconds of a {@code Duration: 01:02:03} value ({@code CoreShowChannel}), or {@link #NO_INT}. */
    public static int parseHms(String s) {
        if (s == null) {
            return NO_INT;
        }
        int total = 0;
        int part = 0;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                if (digits == 0) {
                    return NO_INT;
                }
                total = total * 60 + part;
                part = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 6) {
                part = part * 10 + (c - '0');
                digits++;
            } else {
                return NO_INT;
            }
        }
        return digits == 0 ? NO_INT : total * 60 + part;
    }
}
