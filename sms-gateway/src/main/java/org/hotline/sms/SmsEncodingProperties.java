package org.hotline.sms;

import org.hotline.sms.message.Gsm7Packing;
import org.hotline.sms.message.OutOfRangeRule;
import org.hotline.sms.message.SmsCodecSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How texts are encoded (ADR 0007, {@code hotline.sms.encoding.*}).
 *
 * @param outOfRange characters UCS-2 cannot carry (emoji, rare CJK): {@code keep-as-utf16} (default: sent as UTF-16
 *     pairs in UCS-2, which handsets show), {@code reject} (refused with the character and its place, HTTP 400 at
 *     the API) or {@code replace} (one {@code ?} each; the API answers with the text as sent)
 * @param gsm7Packing {@code unpacked} (default: what SMPP SMSCs expect for data_coding 0) or {@code packed}
 * @param maxParts the most parts one message may have (default 10)
 */
@ConfigurationProperties("hotline.sms.encoding")
public record SmsEncodingProperties(OutOfRangeRule outOfRange, Gsm7Packing gsm7Packing, Integer maxParts) {

    /** Fills defaults. */
    public SmsEncodingProperties {
        outOfRange = outOfRange == null ? OutOfRangeRule.KEEP_AS_UTF16 : outOfRange;
        gsm7Packing = gsm7Packing == null ? Gsm7Packing.UNPACKED : gsm7Packing;
        maxParts = maxParts == null ? 10 : maxParts;
    }

    /** The codec's settings. */
    public SmsCodecSettings codecSettings() {
        return new SmsCodecSettings(outOfRange, gsm7Packing, maxParts);
    }
}
