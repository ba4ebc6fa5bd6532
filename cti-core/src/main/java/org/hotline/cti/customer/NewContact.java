package org.hotline.cti.customer;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Record a contact (interaction) in a customer's history. {@code customerId} may be null for an unidentified caller
 * (then {@code accountNo}, when given, names the customer); {@code at} null means now.
 */
public record NewContact(Long customerId, String accountNo, String callId, String phone, Channel channel,
                         Category category, String subCategory, String notes, String agentUsername, Instant at) {

    /** Longest notes accepted, in characters. */
    public static final int MAX_NOTES = 4000;

    /** Validates the command. */
    public NewContact {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(category, "category");
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new IllegalArgumentException("notes: " + notes.length() + " characters (expected: <= " + MAX_NOTES
                    + ")");
        }
        if (customerId == null && blank(accountNo) && blank(phone)) {
            throw new IllegalArgumentException(
                    "customerId: null (expected: a customer id, an account number or at least the caller's phone)");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** How the customer reached us. */
    public enum Channel {
        PHONE, SMS, IVR, WEB;

        /** The code stored in {@code contacts.channel}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the contact was about; {@link #label()} is the word agents use. */
    public enum Category {
        FAULT("报修"), ENQUIRY("咨询"), COMPLAINT("投诉"), REQUEST("业务受理"), PRAISE("表扬");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        /** The code stored in {@code contacts.category}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The Chinese term shown to agents (报修, 咨询 …). */
        public String label() {
            return label;
        }
    }
}
