package org.hotline.sms.outbox;

import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The 106 extension per purpose ({@code hotline.sms.extensions.*}, ADR 0035): appended to an account's source code
 * (when it has {@code extended-source}), so a reply to {@code <106 code><extension>} names what it answers. A
 * campaign may have its own extension instead. Digits, at most 6 each; empty: no extension for that kind.
 *
 * @param arrears payment reminders (default 01)
 * @param outage outage and restoration notices (default 02)
 * @param workOrder work-order confirmations (default 03)
 * @param escalation escalations to managers (default 04)
 * @param general API clients' messages and anything else (default 05)
 */
@ConfigurationProperties("hotline.sms.extensions")
public record SourceExtensions(String arrears, String outage, String workOrder, String escalation, String general) {

    /** Fills the defaults and checks the digits. */
    public SourceExtensions {
        arrears = check("arrears", arrears, "01");
        outage = check("outage", outage, "02");
        workOrder = check("work-order", workOrder, "03");
        escalation = check("escalation", escalation, "04");
        general = check("general", general, "05");
        java.util.List<String> used = java.util.stream.Stream.of(arrears, outage, workOrder, escalation, general)
                .filter(e -> !e.isEmpty()).toList();
        if (used.stream().distinct().count() != used.size()) {
            throw new IllegalArgumentException("hotline.sms.extensions: " + used
                    + " (expected: a different extension per kind)");
        }
    }

    /** The documented defaults: arrears 01, outage 02, work-order 03, escalation 04, general 05. */
    public static SourceExtensions defaults() {
        return new SourceExtensions(null, null, null, null, null);
    }

    private static String check(String name, String value, String fallback) {
        String v = value == null ? fallback : value.strip();
        if (!v.matches("[0-9]{0,6}")) {
            throw new IllegalArgumentException("hotline.sms.extensions." + name + ": '" + v
                    + "' (expected: up to 6 digits)");
        }
        return v;
    }

    /** The extension of {@code kind}'s messages ("" for none). */
    public String of(SmsKind kind) {
        return switch (kind) {
            case ARREARS -> arrears;
            case OUTAGE -> outage;
            case WORK_ORDER -> workOrder;
            case ESCALATION -> escalation;
            case GENERAL -> general;
        };
    }

    /** The kind whose extension is {@code extension}, if one is. */
    public Optional<SmsKind> kindOf(String extension) {
        if (extension == null || extension.isEmpty()) {
            return Optional.empty();
        }
        for (SmsKind k : SmsKind.values()) {
            if (extension.equals(of(k))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
