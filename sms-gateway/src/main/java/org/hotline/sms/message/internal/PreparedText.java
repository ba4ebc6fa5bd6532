package org.hotline.sms.message.internal;

import org.hotline.sms.message.OutOfRangeRule;
import org.hotline.sms.message.SmsTextException;

/**
 * A text after the out-of-range rule: what will be sent and how many characters were replaced.
 *
 * @param text the text to encode
 * @param replaced characters replaced by '?'
 */
public record PreparedText(String text, int replaced) {

    /** Applies the rule; throws {@link SmsTextException} for an empty text or a character the rule rejects. */
    public static PreparedText of(String text, OutOfRangeRule rule) {
        if (text == null || text.isEmpty()) {
            throw new SmsTextException("text is empty (expected: at least 1 character)");
        }
        StringBuilder out = null;
        int replaced = 0;
        int index = 0;
        for (int i = 0; i < text.length(); index++) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            boolean lone = width == 1 && Character.isSurrogate(text.charAt(i));
            boolean outside = width == 2 || lone;
            if (outside && (rule == OutOfRangeRule.REJECT || lone && rule == OutOfRangeRule.KEEP_AS_UTF16)) {
                throw new SmsTextException("character %s at index %d cannot be sent in UCS-2%s".formatted(
                        describe(codePoint, lone), index, lone ? " (a lone surrogate)" : " (outside the BMP)"));
            }
            if (outside && rule == OutOfRangeRule.REPLACE) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('?');
                replaced++;
            } else if (out != null) {
                out.append(text, i, i + width);
            }
            i += width;
        }
        return new PreparedText(out == null ? text : out.toString(), replaced);
    }

    private static String describe(int codePoint, boolean lone) {
        String name = "U+%04X".formatted(codePoint);
        return lone ? name : name + " '" + new String(Character.toChars(codePoint)) + "'";
    }
}
