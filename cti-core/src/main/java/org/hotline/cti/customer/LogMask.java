package org.hotline.cti.customer;

/** Phone numbers as they may appear in logs: the middle digits hidden ({@code 138****5678}), never the whole number. */
public final class LogMask {

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
}
