package org.hotline.sms.message.internal;

import java.util.ArrayList;
import java.util.List;
import org.hotline.sms.message.SmsEncoding;

/**
 * Where a text is cut into parts: never inside a GSM-7 escape pair (a character is its septets) nor a surrogate pair.
 *
 * @param encoding the chosen alphabet
 * @param units septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text
 * @param bounds {@code bounds[i]..bounds[i+1]} are the char indexes of part i
 * @param partUnits units in each part
 */
public record Split(SmsEncoding encoding, int units, int[] bounds, int[] partUnits) {

    /** Splits an already prepared text, choosing GSM-7 when every character has a GSM-7 form. */
    public static Split of(String text) {
        SmsEncoding encoding = Gsm7Alphabet.fits(text) ? SmsEncoding.GSM7 : SmsEncoding.UCS2;
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += width(encoding, text.charAt(i));
        }
        if (total <= encoding.singleCapacity()) {
            return new Split(encoding, total, new int[] {0, text.length()}, new int[] {total});
        }
        List<Integer> cuts = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        cuts.add(0);
        int inPart = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int step = encoding == SmsEncoding.UCS2 && Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
            int need = step == 2 ? 2 : width(encoding, c);
            if (inPart + need > encoding.partCapacity()) {
                cuts.add(i);
                sizes.add(inPart);
                inPart = 0;
            }
            inPart += need;
            i += step;
        }
        cuts.add(text.length());
        sizes.add(inPart);
        return new Split(encoding, total, cuts.stream().mapToInt(Integer::intValue).toArray(),
                sizes.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int width(SmsEncoding encoding, char c) {
        return encoding == SmsEncoding.GSM7 ? Gsm7Alphabet.septets(c) : 1;
    }

    /** Number of parts. */
    public int parts() {
        return partUnits.length;
    }
}
