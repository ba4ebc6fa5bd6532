package org.hotline.sms.message;

import java.util.Locale;

/** The {@code stat:} of a delivery receipt (SMPP 3.4 Appendix B), with the spellings SMSCs use in practice. */
public enum ReceiptState {
    /** DELIVRD: reached the handset. */
    DELIVERED(true),
    /** EXPIRED: validity period ran out. */
    EXPIRED(true),
    /** DELETED: deleted at the SMSC. */
    DELETED(true),
    /** UNDELIV: undeliverable. */
    UNDELIVERABLE(true),
    /** ACCEPTD: accepted on the subscriber's behalf (final per Appendix B). */
    ACCEPTED(true),
    /** REJECTD: rejected by the SMSC or network. */
    REJECTED(true),
    /** ENROUTE: still on its way (intermediate notification). */
    ENROUTE(false),
    /** UNKNOWN, or a state no SMSC spelling matched. */
    UNKNOWN(false);

    private final boolean terminal;

    ReceiptState(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether no further receipt is expected for the message. */
    public boolean terminal() {
        return terminal;
    }

    /** Reads a stat value, case-insensitively, accepting the 7-letter codes and the long words. */
    public static ReceiptState parse(String stat) {
        if (stat == null) {
            return UNKNOWN;
        }
        return switch (stat.trim().toUpperCase(Locale.ROOT)) {
            case "DELIVRD", "DELIVERED" -> DELIVERED;
            case "EXPIRED" -> EXPIRED;
            case "DELETED" -> DELETED;
            case "UNDELIV", "UNDELIVERABLE", "UNDELIVERED" -> UNDELIVERABLE;
            case "ACCEPTD", "ACCEPTED" -> ACCEPTED;
            case "REJECTD", "REJECTED" -> REJECTED;
            case "ENROUTE" -> ENROUTE;
            default -> UNKNOWN;
        };
    }
}
