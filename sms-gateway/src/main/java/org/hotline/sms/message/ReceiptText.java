package org.hotline.sms.message;

/**
 * Compares a delivery receipt's {@code text:} with the text of the part it may report on, the way SMSCs write that
 * field (ADR 0026): the first characters only (often 20), in GSM/ASCII with {@code ?} for what they cannot show, or
 * nothing at all. A receipt says nothing against a part when its text is empty.
 */
public final class ReceiptText {

    private ReceiptText() {
    }

    /**
     * Whether {@code receiptText} could be an SMSC's rendering of the start of {@code partText}: character by
     * character (code points), equal or {@code ?} standing for any one character (a surrogate pair may also show as
     * two). Empty or absent receipt text is compatible with every part.
     */
    public static boolean compatible(String partText, String receiptText) {
        if (receiptText == null) {
            return true;
        }
        String shown = receiptText.strip();
        if (shown.isEmpty()) {
            return true;
        }
        return matches(partText == null ? "" : partText, 0, shown, 0);
    }

    private static boolean matches(String part, int p, String shown, int s) {
        while (s < shown.length()) {
            if (p >= part.length()) {
                // SMSCs pad or cut at their own limit; trailing spaces of the rendering say nothing
                return shown.substring(s).isBlank();
            }
            int pc = part.codePointAt(p);
            char sc = shown.charAt(s);
            if (sc == '?') {
                if (Character.charCount(pc) == 2 && s + 1 < shown.length() && shown.charAt(s + 1) == '?'
                        && matches(part, p + 2, shown, s + 2)) {
                    return true; // a pair shown as two '?', one per UTF-16 unit
                }
                p += Character.charCount(pc);
                s++;
                continue;
            }
            int scp = shown.codePointAt(s);
            if (scp != pc && !sameLetter(pc, scp)) {
                return false;
            }
            p += Character.charCount(pc);
            s += Character.charCount(scp);
        }
        return true;
    }

    /** SMSCs that keep only ASCII fold full-width forms (Ａ, ０, ：) to their ASCII letters. */
    private static boolean sameLetter(int part, int shown) {
        return part >= 0xFF01 && part <= 0xFF5E && part - 0xFEE0 == shown;
    }
}
