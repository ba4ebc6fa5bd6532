package org.hotline.smscsim;

import java.nio.charset.StandardCharsets;

/** Decodes short_message payloads as an SMSC would show them: UCS-2, or GSM 03.38 unpacked (one septet per octet). */
final class Texts {

    // GSM 03.38 basic table; the escape (0x1B) selects the extension table below
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private Texts() {
    }

    static String decode(int dataCoding, byte[] payload) {
        if (dataCoding == 8) {
            return new String(payload, StandardCharsets.UTF_16BE);
        }
        StringBuilder out = new StringBuilder(payload.length);
        for (int i = 0; i < payload.length; i++) {
            int septet = payload[i] & 0x7f;
            if (septet == 0x1b && i + 1 < payload.length) {
                out.append(extension(payload[++i] & 0x7f));
            } else {
                out.append(BASIC.charAt(septet));
            }
        }
        return out.toString();
    }

    private static char extension(int septet) {
        return switch (septet) {
            case 0x0a -> '\f';
            case 0x14 -> '^';
            case 0x28 -> '{';
            case 0x29 -> '}';
            case 0x2f -> '\\';
            case 0x3c -> '[';
            case 0x3d -> '~';
            case 0x3e -> ']';
            case 0x40 -> '|';
            case 0x65 -> '€';
            default -> ' ';
        };
    }
}
