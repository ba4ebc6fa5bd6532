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

    /**
     * {@code text} as an SMSC shows it in a receipt: the first {@code max} characters, each one the GSM default
     * alphabet (basic or extension table) lacks shown as {@code ?} (a surrogate pair as one).
     */
    static String asGsm(String text, int max) {
        StringBuilder out = new StringBuilder(max);
        for (int i = 0; i < text.length() && out.length() < max; ) {
            int cp = text.codePointAt(i);
            boolean shown = cp < 0x10000 && (BASIC.indexOf(cp) >= 0 && cp != 0x1b || "\f^{}\\[~]|€".indexOf(cp) >= 0);
            out.append(shown ? (char) cp : '?');
            i += Character.charCount(cp);
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
