package org.hotline.sms.message;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a text costs to send, for template previews: alphabet, parts, characters in each part, and the limit.
 *
 * @param encoding GSM-7 or UCS-2
 * @param characters characters of the text as sent (code points; a replaced emoji counts as its '?')
 * @param units septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2)
 * @param parts number of submit_sm the text needs
 * @param capacityPerPart units one part holds (160/153 GSM-7, 70/67 UCS-2)
 * @param charactersPerPart characters that land in each part
 * @param unitsPerPart units in each part
 * @param replaced characters the out-of-range rule replaced by '?'
 * @param maxParts the configured part limit
 */
public record SegmentCount(SmsEncoding encoding, int characters, int units, int parts, int capacityPerPart,
        List<Integer> charactersPerPart, List<Integer> unitsPerPart, int replaced, int maxParts) {

    /** Copies the list. */
    public SegmentCount {
        charactersPerPart = List.copyOf(charactersPerPart);
        unitsPerPart = List.copyOf(unitsPerPart);
    }

    /** Whether the text fits the configured part limit. */
    public boolean withinLimit() {
        return parts <= maxParts;
    }

    /** Units still free in the last part before the text would need another part (or a longer UDH-less one). */
    public int remainingInLastPart() {
        int capacity = parts == 1 ? encoding.singleCapacity() : encoding.partCapacity();
        return Math.max(0, capacity - unitsPerPart.get(unitsPerPart.size() - 1));
    }

    /** The cost of sending: parts × price per part. */
    public BigDecimal cost(BigDecimal pricePerPart) {
        return pricePerPart.multiply(BigDecimal.valueOf(parts));
    }
}
