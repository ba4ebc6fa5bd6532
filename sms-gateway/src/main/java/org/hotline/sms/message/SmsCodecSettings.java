package org.hotline.sms.message;

import java.util.Objects;

/**
 * Settings of {@link SmsCodec}.
 *
 * @param outOfRange what to do with characters UCS-2 cannot carry
 * @param gsm7Packing how GSM-7 septets go into short_message
 * @param maxParts the most parts one message may be split into (1..255)
 */
public record SmsCodecSettings(OutOfRangeRule outOfRange, Gsm7Packing gsm7Packing, int maxParts) {

    /** The defaults: replace out-of-range characters, unpacked GSM-7, at most 10 parts. */
    public static final SmsCodecSettings DEFAULTS = new SmsCodecSettings(OutOfRangeRule.REPLACE, Gsm7Packing.UNPACKED, 10);

    /** Checks the settings. */
    public SmsCodecSettings {
        Objects.requireNonNull(outOfRange, "outOfRange");
        Objects.requireNonNull(gsm7Packing, "gsm7Packing");
        if (maxParts < 1 || maxParts > 255) {
            throw new IllegalArgumentException("maxParts: " + maxParts + " (expected: 1..255)");
        }
    }

    /** A copy with another out-of-range rule. */
    public SmsCodecSettings withOutOfRange(OutOfRangeRule rule) {
        return new SmsCodecSettings(rule, gsm7Packing, maxParts);
    }

    /** A copy with another GSM-7 packing. */
    public SmsCodecSettings withGsm7Packing(Gsm7Packing packing) {
        return new SmsCodecSettings(outOfRange, packing, maxParts);
    }

    /** A copy with another part limit. */
    public SmsCodecSettings withMaxParts(int parts) {
        return new SmsCodecSettings(outOfRange, gsm7Packing, parts);
    }
}
