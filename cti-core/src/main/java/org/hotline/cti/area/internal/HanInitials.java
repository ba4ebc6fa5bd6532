package org.hotline.cti.area.internal;

import java.util.Locale;

import net.sourceforge.pinyin4j.PinyinHelper;

/** The first letter of the most common Mandarin reading of each Han character pinyin4j knows (its only user). */
public final class HanInitials {

    /** Marks a character without a usable reading in {@link #TABLE}. */
    private static final char NONE = 0;

    private static final int FIRST = 0x3000;

    private static final int END = 0xA000;

    /** Precomputed once: pinyin4j parses a string per lookup, far too slow for indexing 100,000 names. */
    private static final char[] TABLE = buildTable();

    private HanInitials() {
    }

    /** Returns the upper-case initial of {@code codePoint}'s primary reading, or 0 when the library has none. */
    public static char initialOf(int codePoint) {
        if (codePoint < FIRST || codePoint >= END) {
            return NONE;
        }
        return TABLE[codePoint - FIRST];
    }

    /** Returns every reading pinyin4j lists for {@code c} (tone digits kept), empty when it has none. */
    public static String[] readingsOf(char c) {
        String[] readings = PinyinHelper.toHanyuPinyinStringArray(c);
        return readings == null ? new String[0] : readings.clone();
    }

    private static char[] buildTable() {
        char[] table = new char[END - FIRST];
        for (int cp = FIRST; cp < END; cp++) {
            if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
                continue;
            }
            String[] readings = PinyinHelper.toHanyuPinyinStringArray((char) cp);
            if (readings == null || readings.length == 0) {
                continue;
            }
            String first = readings[0].toUpperCase(Locale.ROOT);
            // pinyin4j marks a few characters it cannot read as "none0"
            if (!first.isEmpty() && !first.startsWith("NONE") && first.charAt(0) >= 'A' && first.charAt(0) <= 'Z') {
                table[cp - FIRST] = first.charAt(0);
            }
        }
        return table;
    }
}
