package org.hotline.sms.message.internal;

import java.nio.charset.StandardCharsets;
import org.hotline.sms.message.SmsTextException;

/** Turns the text units of a received message into a string, by SMPP data_coding. */
public final class TextDecoder {

    private TextDecoder() {
    }

    /** Throws {@link SmsTextException} unless the data_coding carries text this decoder reads. */
    public static void requireText(int dataCoding) {
        switch (dataCoding) {
            case 0x00, 0x01, 0x03, 0x08 -> { }
            default -> throw new SmsTextException(
                    "data_coding: 0x%02X (expected: 0x00 GSM-7, 0x01 IA5, 0x03 Latin-1 or 0x08 UCS-2)".formatted(dataCoding));
        }
    }

    /** Decodes unpacked septets (0x00), ASCII (0x01), Latin-1 (0x03) or UTF-16BE (0x08, surrogates kept). */
    public static String decode(int dataCoding, byte[] units) {
        return switch (dataCoding) {
            case 0x00 -> Gsm7Alphabet.decode(units, 0, units.length);
            case 0x01 -> new String(units, StandardCharsets.US_ASCII);
            case 0x03 -> new String(units, StandardCharsets.ISO_8859_1);
            case 0x08 -> new String(units, 0, units.length & ~1, StandardCharsets.UTF_16BE);
            default -> throw new SmsTextException("data_coding: 0x%02X is not text".formatted(dataCoding));
        };
    }
}
