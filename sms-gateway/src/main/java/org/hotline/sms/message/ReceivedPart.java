package org.hotline.sms.message;

import java.util.Arrays;
import org.hotline.sms.message.internal.TextDecoder;

/**
 * One received short message (an MO part), decoded down to its text units so parts can be joined before decoding.
 *
 * @param source the sender's address
 * @param dataCoding the SMPP data_coding it arrived with
 * @param reference concatenation reference (0 for an unsplit message)
 * @param total parts in the message (1 for an unsplit message)
 * @param sequence 1-based position of this part
 * @param units unpacked septets (data_coding 0) or the text octets (others), without UDH
 */
public record ReceivedPart(String source, int dataCoding, int reference, int total, int sequence, byte[] units) {

    /** Checks the fields and copies the units. */
    public ReceivedPart {
        if (source == null) {
            throw new IllegalArgumentException("source is null");
        }
        if (total < 1 || sequence < 1 || sequence > total) {
            throw new IllegalArgumentException("part %d of %d (expected: 1 <= part <= total)".formatted(sequence, total));
        }
        TextDecoder.requireText(dataCoding);
        units = units.clone();
    }

    @Override
    public byte[] units() {
        return units.clone();
    }

    /** This part's text on its own (a character split across parts by the sender decodes only once joined). */
    public String text() {
        return TextDecoder.decode(dataCoding, units);
    }

    /** Whether this is one part of a concatenated message. */
    public boolean concatenated() {
        return total > 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceivedPart part && source.equals(part.source) && dataCoding == part.dataCoding
                && reference == part.reference && total == part.total && sequence == part.sequence
                && Arrays.equals(units, part.units);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * source.hashCode() + reference) + Arrays.hashCode(units);
    }

    @Override
    public String toString() {
        return "ReceivedPart[%s %d/%d ref=%d dc=%d %d units]".formatted(source, sequence, total, reference,
                dataCoding, units.length);
    }
}
