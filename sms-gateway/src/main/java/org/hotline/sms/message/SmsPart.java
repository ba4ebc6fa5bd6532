package org.hotline.sms.message;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One submit_sm's worth of a message: its short_message octets (UDH first when concatenated) and the text it carries.
 *
 * @param sequence 1-based position of the part
 * @param total parts in the message
 * @param reference concatenation reference shared by all parts (0 for a single part)
 * @param shortMessage the octets for short_message
 * @param text the characters this part carries
 */
public record SmsPart(int sequence, int total, int reference, byte[] shortMessage, String text) {

    /** The SMPP esm_class UDHI bit (0x40), set on parts that start with a UDH. */
    public static final int ESM_CLASS_UDHI = 0x40;

    /** Copies the octets so the part stays unchanged. */
    public SmsPart {
        shortMessage = shortMessage.clone();
    }

    @Override
    public byte[] shortMessage() {
        return shortMessage.clone();
    }

    /** Whether short_message starts with a concatenation UDH. */
    public boolean hasUdh() {
        return total > 1;
    }

    /** The esm_class to submit with: UDHI for concatenated parts, else 0. */
    public int esmClass() {
        return hasUdh() ? ESM_CLASS_UDHI : 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SmsPart part && sequence == part.sequence && total == part.total
                && reference == part.reference && Arrays.equals(shortMessage, part.shortMessage)
                && text.equals(part.text);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shortMessage) + text.hashCode();
    }

    @Override
    public String toString() {
        return "SmsPart[%d/%d ref=%d %s]".formatted(sequence, total, reference, HexFormat.of().formatHex(shortMessage));
    }
}
