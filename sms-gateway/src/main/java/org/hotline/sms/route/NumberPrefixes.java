package org.hotline.sms.route;

import java.util.List;
import java.util.TreeSet;

/** Reads an account's number prefixes as configured: digits, or ranges of equally long prefixes ({@code 134-139}). */
public final class NumberPrefixes {

    private static final int MAX_RANGE = 1_000;

    private NumberPrefixes() {
    }

    /**
     * The prefixes of {@code configured} one by one, sorted, without duplicates; empty when none (any number).
     *
     * @throws IllegalArgumentException naming the account and the entry that is neither digits nor a range
     */
    public static List<String> expand(String account, List<String> configured) {
        TreeSet<String> out = new TreeSet<>();
        if (configured == null) {
            return List.of();
        }
        for (String raw : configured) {
            for (String entry : raw.split("[,，\\s]+")) {
                String e = entry.strip().replace('–', '-');
                if (e.isEmpty()) {
                    continue;
                }
                int dash = e.indexOf('-');
                if (dash < 0) {
                    out.add(digits(account, e, e));
                    continue;
                }
                String from = digits(account, e.substring(0, dash), e);
                String to = digits(account, e.substring(dash + 1), e);
                long a = Long.parseLong(from);
                long b = Long.parseLong(to);
                if (from.length() != to.length() || a > b || b - a >= MAX_RANGE) {
                    throw invalid(account, e);
                }
                for (long n = a; n <= b; n++) {
                    out.add(String.format("%0" + from.length() + "d", n));
                }
            }
        }
        return List.copyOf(out);
    }

    private static String digits(String account, String s, String entry) {
        if (!s.matches("[0-9]{1,11}")) {
            throw invalid(account, entry);
        }
        return s;
    }

    private static IllegalArgumentException invalid(String account, String entry) {
        return new IllegalArgumentException("hotline.sms.smsc[" + account + "].prefixes: '" + entry
                + "' (expected: digits such as 139, or a range of equally long prefixes such as 134-139)");
    }
}
