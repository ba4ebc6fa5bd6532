package org.hotline.cti.area;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;
import java.util.Objects;

import org.hotline.cti.area.internal.HanInitials;
import org.hotline.cti.area.internal.OverrideTable;

/**
 * Turns a Chinese place name into the initials agents type for it (建设南路 → JSNL), reading place names from an
 * override table before the pinyin library.
 *
 * <p>Rules, applied to the NFKC form of the text (so full-width ＡＢ１ and compatibility ideographs count as their
 * plain forms): a Han character contributes the initial of its reading (the longest override word wins, then the
 * library's most common reading); a house-number measure word right after a digit (2号, 3栋, 5单元) contributes
 * nothing, because agents type "2" for "2号"; ASCII letters and digits are kept upper-cased; everything else
 * (spaces, punctuation, emoji, private-use and unpaired surrogate characters, other scripts, Han characters the
 * library cannot read) is dropped. Any string, of any length, gives a result; none throws. Instances are immutable
 * and thread-safe.
 */
public final class PinyinInitials {

    /** Classpath resource of the standard override table. */
    public static final String OVERRIDES_RESOURCE = "area/pinyin-overrides.tsv";

    /** Measure words of house numbers, longest first; dropped right after a digit. */
    private static final String[] NUMBER_SUFFIXES = {"单元", "号", "栋", "幢", "座", "楼", "层", "室", "弄", "期"};

    private static final class Standard {
        private static final PinyinInitials INSTANCE = new PinyinInitials(loadStandardTable());
    }

    private final OverrideTable overrides;

    private PinyinInitials(OverrideTable overrides) {
        this.overrides = overrides;
    }

    /** Returns the converter with the standard place-name overrides of {@value #OVERRIDES_RESOURCE}. */
    public static PinyinInitials standard() {
        return Standard.INSTANCE;
    }

    /**
     * Returns a converter with only the given overrides (word → one upper-case initial per character).
     *
     * @throws IllegalArgumentException naming the first unusable pair
     */
    public static PinyinInitials withOverrides(Map<String, String> initialsByWord) {
        return new PinyinInitials(OverrideTable.of(initialsByWord));
    }

    /** Returns the number of override words this converter knows. */
    public int overrideCount() {
        return overrides.size();
    }

    /** Returns the initials of {@code text} by the rules above; "" when nothing in it can be typed. */
    public String of(String text) {
        Objects.requireNonNull(text, "text");
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(Math.min(normalized.length(), 256));
        boolean afterDigit = false;
        int i = 0;
        while (i < normalized.length()) {
            int cp = normalized.codePointAt(i);
            if (cp < 0x80) {
                if (isAsciiLetterOrDigit(cp)) {
                    out.append((char) Character.toUpperCase(cp));
                    afterDigit = cp >= '0' && cp <= '9';
                } else {
                    afterDigit = false;
                }
                i++;
                continue;
            }
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                String suffix = afterDigit ? numberSuffixAt(normalized, i) : null;
                if (suffix != null) {
                    // stays "after a digit" so 2号楼 drops both measure words
                    i += suffix.length();
                    continue;
                }
                afterDigit = false;
                String word = overrides.longestWordAt(normalized, i);
                if (word != null) {
                    out.append(overrides.initialsOf(word));
                    i += word.length();
                    continue;
                }
                char initial = HanInitials.initialOf(cp);
                if (initial != 0) {
                    out.append(initial);
                }
            } else {
                afterDigit = false;
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Returns true when {@code text} holds a Han character, i.e. it is Chinese text rather than typed initials. */
    public static boolean containsHan(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static boolean isAsciiLetterOrDigit(int cp) {
        return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
    }

    private static String numberSuffixAt(String text, int index) {
        for (String suffix : NUMBER_SUFFIXES) {
            if (text.startsWith(suffix, index)) {
                return suffix;
            }
        }
        return null;
    }

    private static OverrideTable loadStandardTable() {
        InputStream in = PinyinInitials.class.getClassLoader().getResourceAsStream(OVERRIDES_RESOURCE);
        if (in == null) {
            throw new IllegalStateException(OVERRIDES_RESOURCE + " is missing from the classpath");
        }
        return OverrideTable.parse(new InputStreamReader(in, StandardCharsets.UTF_8), OVERRIDES_RESOURCE);
    }
}
