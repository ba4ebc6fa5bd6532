package org.hotline.cti.customer;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Normalizes mainland-China phone numbers as callers' numbers arrive from the PBX or as agents type them: mobiles to
 * 11 digits, landlines to area code (with its 0) plus local number, service numbers to their bare digits.
 * Thread-safe.
 */
public final class PhoneNumbers {

    private static final Set<String> WITHHELD_WORDS = Set.of("", "unknown", "<unknown>", "anonymous", "withheld",
            "private", "restricted", "unavailable", "blocked", "hidden", "null");

    private final PhoneProperties properties;

    /** Normalizes with the given settings. */
    public PhoneNumbers(PhoneProperties properties) {
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /** Normalizes a number as received; never throws, unusable input gives {@code WITHHELD} or {@code INVALID}. */
    public PhoneNumber normalize(String raw) {
        String original = raw == null ? "" : raw;
        String compact = strip(original);
        if (WITHHELD_WORDS.contains(compact.toLowerCase(Locale.ROOT))) {
            return new PhoneNumber(original, "", PhoneNumber.Kind.WITHHELD);
        }
        boolean plus = compact.startsWith("+");
        String digits = plus ? compact.substring(1) : compact;
        if (digits.isEmpty() || digits.length() > 20 || !allDigits(digits)) {
            return invalid(original);
        }
        PhoneNumber parsed = plus ? international(original, digits) : national(original, digits);
        String prefix = properties.outsideLinePrefix();
        if (parsed.kind() == PhoneNumber.Kind.INVALID && !plus && !prefix.isEmpty()
                && digits.length() > prefix.length() && digits.startsWith(prefix)) {
            // the outside-line digit only comes off when the number makes no sense with it (9 + 95598 stays 95598)
            return national(original, digits.substring(prefix.length()));
        }
        return parsed;
    }

    /** True when the text looks like a phone number an agent typed (digits with optional +, spaces, dashes). */
    public static boolean looksLikeNumber(String text) {
        String s = strip(text == null ? "" : text);
        String digits = s.startsWith("+") ? s.substring(1) : s;
        return digits.length() >= 3 && allDigits(digits);
    }

    private PhoneNumber national(String raw, String d) {
        if (d.startsWith("00")) {
            return d.startsWith("0086") ? international(raw, d.substring(2)) : invalid(raw);
        }
        if (d.startsWith("86") && d.length() == 13 && isMobile(d.substring(2))) {
            return mobile(raw, d.substring(2)); // 86 without + (some trunks send E.164 digits only)
        }
        if (isMobile(d)) {
            return mobile(raw, d);
        }
        if (d.length() == 12 && d.charAt(0) == '0' && isMobile(d.substring(1))) {
            return mobile(raw, d.substring(1)); // trunk prefix 0 before a mobile: 013800138000
        }
        if (isService(d)) {
            return new PhoneNumber(raw, d, PhoneNumber.Kind.SERVICE);
        }
        if (d.charAt(0) == '0') {
            return isLandlineWithAreaCode(d) ? landline(raw, d) : invalid(raw);
        }
        if (isLocal(d)) {
            return landline(raw, properties.localAreaCode() + d);
        }
        if (d.startsWith("86") && d.length() >= 11 && isLandlineWithAreaCode("0" + d.substring(2))) {
            return landline(raw, "0" + d.substring(2)); // 86 + area code without its 0
        }
        if (d.length() >= 9 && isLandlineWithAreaCode("0" + d)) {
            return landline(raw, "0" + d); // area code sent without its trunk 0: 57188886666
        }
        return invalid(raw);
    }

    private PhoneNumber international(String raw, String d) {
        if (!d.startsWith("86")) {
            return invalid(raw); // only mainland numbers can be matched against customer records
        }
        String nsn = d.substring(2);
        if (nsn.startsWith("0")) {
            nsn = nsn.substring(1); // +86 0571… : a stray trunk 0 after the country code
        }
        if (isMobile(nsn)) {
            return mobile(raw, nsn);
        }
        if (isService(nsn)) {
            return new PhoneNumber(raw, nsn, PhoneNumber.Kind.SERVICE);
        }
        return isLandlineWithAreaCode("0" + nsn) ? landline(raw, "0" + nsn) : invalid(raw);
    }

    private static boolean isMobile(String d) {
        return d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3' && d.charAt(1) <= '9';
    }

    private static boolean isService(String d) {
        int n = d.length();
        if (n == 10) {
            return d.startsWith("400") || d.startsWith("800");
        }
        if (n == 3) {
            return d.charAt(0) == '1' && d.charAt(1) <= '2'; // 110, 119, 120, 122
        }
        if (n == 5) {
            return d.startsWith("95") || d.startsWith("96") || d.startsWith("12") || d.startsWith("100");
        }
        if (n == 6) {
            return d.startsWith("95") || d.startsWith("96");
        }
        return false;
    }

    /** 010 and 02x are 3-digit area codes, 03xx–09xx are 4-digit; the local number has 7–8 digits, not 0 or 1 first. */
    private static boolean isLandlineWithAreaCode(String d) {
        if (d.length() < 10 || d.charAt(0) != '0') {
            return false;
        }
        char second = d.charAt(1);
        int areaLength;
        if (second == '1') {
            if (d.charAt(2) != '0') {
                return false;
            }
            areaLength = 3;
        } else if (second == '2') {
            areaLength = 3;
        } else if (second >= '3') {
            areaLength = 4;
        } else {
            return false;
        }
        return isLocal(d.substring(areaLength));
    }

    private static boolean isLocal(String d) {
        return (d.length() == 7 || d.length() == 8) && d.charAt(0) >= '2';
    }

    private static PhoneNumber mobile(String raw, String d) {
        return new PhoneNumber(raw, d, PhoneNumber.Kind.MOBILE);
    }

    private static PhoneNumber landline(String raw, String d) {
        return new PhoneNumber(raw, d, PhoneNumber.Kind.LANDLINE);
    }

    private static PhoneNumber invalid(String raw) {
        return new PhoneNumber(raw, "", PhoneNumber.Kind.INVALID);
    }

    private static String strip(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\uFF0B') {
                c = '+'; // full-width plus typed with a Chinese input method
            } else if (c >= '\uFF10' && c <= '\uFF19') {
                c = (char) ('0' + (c - '\uFF10')); // full-width digits
            }
            if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '\t' || c == '\u3000'
                    || c == '\uFF08' || c == '\uFF09' || c == '\uFF0D') {
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
