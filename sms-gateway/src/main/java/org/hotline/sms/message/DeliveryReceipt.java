package org.hotline.sms.message;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A delivery receipt's text ({@code id:… sub:… dlvrd:… submit date:… done date:… stat:… err:… text:…}, SMPP 3.4
 * Appendix B), read leniently: any case, extra spaces, fields missing or reordered, {@code submit_date} spellings and
 * dates with or without seconds. Missing numbers and unreadable dates are null; {@code raw} keeps the original.
 *
 * @param id the SMSC message id as written (normalise with {@link MessageIds} to correlate)
 * @param submitted {@code sub:}, or null
 * @param delivered {@code dlvrd:}, or null
 * @param submitDate {@code submit date:} in the SMSC's local time, or null
 * @param doneDate {@code done date:} in the SMSC's local time, or null
 * @param state the {@code stat:} read into a state
 * @param stat the {@code stat:} as written, or null
 * @param error {@code err:} as written (network-specific code), or null
 * @param text the first characters of the message, or null
 * @param raw the whole receipt text
 */
public record DeliveryReceipt(String id, Integer submitted, Integer delivered, LocalDateTime submitDate,
        LocalDateTime doneDate, ReceiptState state, String stat, String error, String text, String raw) {

    // keys start a field only at the start or after whitespace; "text:" ends the scan, its value may hold anything
    private static final Pattern KEY = Pattern.compile(
            "(?i)(?<![^\\s])(id|sub|dlvrd|submit[ _]?date|done[ _]?date|stat|err|text)\\s*:");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuMMddHHmm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuMMddHHmmss", Locale.ROOT);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT);

    /**
     * Reads a receipt text.
     *
     * @throws IllegalArgumentException when the text has no {@code id:} field, so it is no receipt
     */
    public static DeliveryReceipt parse(String raw) {
        return tryParse(raw).orElseThrow(() -> new IllegalArgumentException(
                "not a delivery receipt (expected: an id: field): " + abbreviate(raw)));
    }

    /** Reads a receipt text, or empty when it has no {@code id:} field (an ordinary MO message). */
    public static Optional<DeliveryReceipt> tryParse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String[] values = new String[8];
        Matcher matcher = KEY.matcher(raw);
        int field = -1;
        int valueStart = 0;
        while (field != 7 && matcher.find()) {
            store(values, field, raw.substring(valueStart, matcher.start()));
            field = index(matcher.group(1));
            valueStart = matcher.end();
        }
        store(values, field, raw.substring(valueStart));
        if (values[0] == null || values[0].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryReceipt(values[0], number(values[1]), number(values[2]), date(values[3]),
                date(values[4]), ReceiptState.parse(values[5]), values[5], values[6], values[7], raw));
    }

    private static void store(String[] values, int field, String value) {
        // the first occurrence wins; text keeps inner spacing, other values are single tokens
        if (field >= 0 && values[field] == null) {
            values[field] = field == 7 ? value.strip() : value.trim();
        }
    }

    private static int index(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
        return switch (k) {
            case "id" -> 0;
            case "sub" -> 1;
            case "dlvrd" -> 2;
            case "submitdate" -> 3;
            case "donedate" -> 4;
            case "stat" -> 5;
            case "err" -> 6;
            default -> 7;
        };
    }

    private static Integer number(String value) {
        if (value == null || value.isEmpty() || !value.chars().allMatch(Character::isDigit) || value.length() > 9) {
            return null;
        }
        return Integer.valueOf(value);
    }

    private static LocalDateTime date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (value.length()) {
                case 10 -> LocalDateTime.parse(value, MINUTES);
                case 12 -> LocalDateTime.parse(value, SECONDS);
                case 14 -> LocalDateTime.parse(value, FULL);
                default -> null;
            };
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String abbreviate(String raw) {
        return raw == null ? "null" : raw.length() <= 80 ? raw : raw.substring(0, 80) + "…";
    }
}
