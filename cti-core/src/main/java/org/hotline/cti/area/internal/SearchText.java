package org.hotline.cti.area.internal;

import java.text.Normalizer;
import java.util.Locale;

/** The form names, codes and queries are compared in: NFKC, letters and digits only, upper case. */
public final class SearchText {

    private SearchText() {
    }

    /** Returns {@code text} in search form, so "建设 南路", "建设南路" and "ａ-01" compare as typed ("A01"). */
    public static String of(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(normalized.length());
        normalized.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
