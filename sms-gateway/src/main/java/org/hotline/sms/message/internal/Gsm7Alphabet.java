package org.hotline.sms.message.internal;

import java.util.Arrays;

/** The GSM 03.38 default alphabet and its extension table (reached through the escape septet 0x1B). */
public final class Gsm7Alphabet {

    /** The escape septet that announces a character of the extension table. */
    public static final int ESCAPE = 0x1B;

    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // pairs of (septet after the escape, character)
    private static final int[][] EXTENSION = {
        {0x0A, '\f'}, {0x14, '^'}, {0x28, '{'}, {0x29, '}'}, {0x2F, '\\'},
        {0x3C, '['}, {0x3D, '~'}, {0x3E, ']'}, {0x40, '|'}, {0x65, '€'}
    };

    // char → septet; -1 means not in the table (index by char, the alphabet lies within U+0000..U+20AC)
    private static final int[] BASIC_SEPTET = new int[0x20AD];
    private static final int[] EXTENSION_SEPTET = new int[0x20AD];
    private static final char[] EXTENSION_CHAR = new char[128];

    static {
        if (BASIC.length() != 128) {
            throw new IllegalStateException("GSM 03.38 basic table must have 128 entries, has " + BASIC.length());
        }
        Arrays.fill(BASIC_SEPTET, -1);
        Arrays.fill(EXTENSION_SEPTET, -1);
        for (int septet = 0; septet < 128; septet++) {
            if (septet != ESCAPE) {
                BASIC_SEPTET[BASIC.charAt(septet)] = septet;
            }
        }
        for (int[] entry : EXTENSION) {
            EXTENSION_SEPTET[entry[1]] = entry[0];
            EXTENSION_CHAR[entry[0]] = (char) entry[1];
        }
    }

    private Gsm7Alphabet() {
    }

    /** Septets needed for the character: 1 (basic table), 2 (extension table) or 0 when it has no GSM-7 form. */
    public static int septets(char c) {
        if (c >= BASIC_SEPTET.length) {
            return 0;
        }
        if (BASIC_SEPTET[c] >= 0) {
            return 1;
        }
        return EXTENSION_SEPTET[c] >= 0 ? 2 : 0;
    }

    /** Whether every character of the text has a GSM-7 form. */
    public static boolean fits(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Appends the character's septets (escape first for the extension table) to the buffer at {@code at}. */
    public static int write(char c, byte[] out, int at) {
        int basic = c < BASIC_SEPTET.length ? BASIC_SEPTET[c] : -1;
        if (basic >= 0) {
            out[at] = (byte) basic;
            return at + 1;
        }
        int extension = c < EXTENSION_SEPTET.length ? EXTENSION_SEPTET[c] : -1;
        if (extension < 0) {
            throw new IllegalArgumentException("no GSM-7 form for U+%04X".formatted((int) c));
        }
        out[at] = ESCAPE;
        out[at + 1] = (byte) extension;
        return at + 2;
    }

    /**
     * Decodes unpacked septets; an unknown escape sequence reads as the basic-table character (03.38's fallback) and
     * a trailing lone escape as a space.
     */
    public static String decode(byte[] septets, int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int septet = septets[i] & 0x7F;
            if (septet != ESCAPE) {
                text.append(BASIC.charAt(septet));
            } else if (i + 1 < to) {
                int next = septets[++i] & 0x7F;
                char extension = EXTENSION_CHAR[next];
                text.append(extension != 0 ? extension : next == ESCAPE ? ' ' : BASIC.charAt(next));
            } else {
                text.append(' ');
            }
        }
        return text.toString();
    }
}
