package org.hotline.sms.message.internal;

/** Packs and unpacks GSM-7 septets into octets (GSM 03.38 §6.1.2.1.1), with leading fill bits after a UDH. */
public final class Septets {

    private Septets() {
    }

    /** Fill bits that make the first septet after a UDH of {@code udhLength} octets start on a septet boundary. */
    public static int fillBits(int udhLength) {
        return udhLength == 0 ? 0 : (7 - (udhLength * 8) % 7) % 7;
    }

    /** Octets that {@code count} septets take when packed after {@code fillBits} fill bits. */
    public static int packedLength(int count, int fillBits) {
        return (fillBits + count * 7 + 7) / 8;
    }

    /**
     * Packs septets LSB first, the first one starting {@code fillBits} bits into the first octet; 7 spare bits at the
     * end carry CR, not zeros that would read as '@' (03.38 §6.1.2.3.1).
     */
    public static byte[] pack(byte[] septets, int from, int to, int fillBits) {
        int count = to - from;
        byte[] out = new byte[packedLength(count, fillBits)];
        int bit = fillBits;
        for (int i = from; i < to; i++, bit += 7) {
            put(out, bit, septets[i] & 0x7F);
        }
        if (out.length * 8 - bit == 7) {
            put(out, bit, CR);
        }
        return out;
    }

    private static void put(byte[] out, int bit, int septet) {
        int value = septet << (bit % 8);
        out[bit / 8] |= (byte) value;
        if (bit % 8 > 1) {
            out[bit / 8 + 1] |= (byte) (value >>> 8);
        }
    }

    /** Unpacks the septets of {@code octets[from..to)} after {@code fillBits}, dropping a CR that only pads. */
    public static byte[] unpack(byte[] octets, int from, int to, int fillBits) {
        int bits = (to - from) * 8 - fillBits;
        int count = Math.max(0, bits / 7);
        byte[] septets = new byte[count];
        int bit = fillBits;
        for (int i = 0; i < count; i++, bit += 7) {
            int index = from + bit / 8;
            int value = (octets[index] & 0xFF) >>> (bit % 8);
            if (bit % 8 > 1 && index + 1 < to) {
                value |= (octets[index + 1] & 0xFF) << (8 - bit % 8);
            }
            septets[i] = (byte) (value & 0x7F);
        }
        if (count > 0 && bits == count * 7 && septets[count - 1] == CR) {
            return java.util.Arrays.copyOf(septets, count - 1);
        }
        return septets;
    }

    private static final int CR = 0x0D;
}
