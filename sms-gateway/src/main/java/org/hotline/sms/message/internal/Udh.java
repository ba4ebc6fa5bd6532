package org.hotline.sms.message.internal;

/** Writes and reads the concatenation information elements of a User Data Header (3GPP TS 23.040 §9.2.3.24). */
public final class Udh {

    /** Length in octets of the UDH we send: UDHL, IEI 0x00, IEDL 3, reference, total, sequence. */
    public static final int CONCAT_LENGTH = 6;

    private Udh() {
    }

    /** The 6-octet header {@code 05 00 03 ref total seq}. */
    public static byte[] concat(int reference, int total, int sequence) {
        return new byte[] {0x05, 0x00, 0x03, (byte) reference, (byte) total, (byte) sequence};
    }

    /**
     * Reads the header at the start of {@code shortMessage}: returns {length of the header including UDHL, reference,
     * total, sequence}, with total 0 when it carries no concatenation element (8-bit IEI 0x00 or 16-bit IEI 0x08).
     */
    public static int[] read(byte[] shortMessage) {
        if (shortMessage.length == 0) {
            throw new IllegalArgumentException("UDHI set but short_message is empty");
        }
        int length = (shortMessage[0] & 0xFF) + 1;
        if (length > shortMessage.length) {
            throw new IllegalArgumentException(
                    "UDH length: %d (expected: <= %d)".formatted(length - 1, shortMessage.length - 1));
        }
        int[] result = {length, 0, 0, 0};
        int at = 1;
        while (at + 1 < length) {
            int iei = shortMessage[at] & 0xFF;
            int iedl = shortMessage[at + 1] & 0xFF;
            int data = at + 2;
            if (data + iedl > length) {
                throw new IllegalArgumentException("UDH element 0x%02X overruns the header".formatted(iei));
            }
            if (iei == 0x00 && iedl == 3) {
                result[1] = shortMessage[data] & 0xFF;
                result[2] = shortMessage[data + 1] & 0xFF;
                result[3] = shortMessage[data + 2] & 0xFF;
            } else if (iei == 0x08 && iedl == 4) {
                result[1] = (shortMessage[data] & 0xFF) << 8 | shortMessage[data + 1] & 0xFF;
                result[2] = shortMessage[data + 2] & 0xFF;
                result[3] = shortMessage[data + 3] & 0xFF;
            }
            at = data + iedl;
        }
        return result;
    }
}
