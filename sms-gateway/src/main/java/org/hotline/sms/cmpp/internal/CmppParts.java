package org.hotline.sms.cmpp.internal;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.hotline.sms.message.ReceivedPart;
import org.hotline.sms.smpp.OutboundPart;

/**
 * Between the outbox's SMPP-shaped parts and CMPP's fields: data_coding 8 is Msg_Fmt 8 (UCS-2); data_coding 0 (GSM-7
 * septets, unpacked) goes as Msg_Fmt 0 in ASCII; the concatenation UDH stays in front with TP_udhi 1 and gives
 * Pk_total / Pk_number. Received GBK (Msg_Fmt 15) becomes UCS-2 so the codec reads every part one way.
 */
final class CmppParts {

    static final int FMT_ASCII = 0;
    static final int FMT_UCS2 = 8;
    static final int FMT_GBK = 15;
    private static final Charset GBK = Charset.forName("GBK");

    /** Msg_Fmt, TP_udhi, Pk_total, Pk_number and Msg_Content of one outbound part. */
    record Fields(int msgFmt, int tpUdhi, int pkTotal, int pkNumber, byte[] content) {
    }

    private CmppParts() {
    }

    static Fields outbound(OutboundPart part) {
        byte[] sm = part.shortMessage();
        boolean udhi = (part.esmClass() & 0x40) != 0 && sm.length > 0;
        int udhLength = udhi ? (sm[0] & 0xff) + 1 : 0;
        int total = 1;
        int number = 1;
        if (udhi && udhLength >= 6 && udhLength <= sm.length) {
            int iei = sm[1] & 0xff;
            if (iei == 0x00 && udhLength >= 6) {
                total = sm[4] & 0xff;
                number = sm[5] & 0xff;
            } else if (iei == 0x08 && udhLength >= 7) {
                total = sm[5] & 0xff;
                number = sm[6] & 0xff;
            }
        }
        return switch (part.dataCoding()) {
            case 8 -> new Fields(FMT_UCS2, udhi ? 1 : 0, total, number, sm);
            case 0 -> {
                // unpacked GSM-7 septets: written as the ASCII characters they stand for, '?' for the rest
                byte[] septets = java.util.Arrays.copyOfRange(sm, udhLength, sm.length);
                String text = new ReceivedPart("", 0, 0, 1, 1, septets).text();
                byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
                ByteBuffer b = ByteBuffer.allocate(udhLength + ascii.length);
                b.put(sm, 0, udhLength).put(ascii);
                yield new Fields(FMT_ASCII, udhi ? 1 : 0, total, number, b.array());
            }
            default -> throw new IllegalArgumentException("data_coding: " + part.dataCoding()
                    + " (expected: 0 or 8 for CMPP)");
        };
    }

    /** The SMPP-like data_coding and octets of a received Msg_Content (GBK recoded to UCS-2, UDH kept). */
    static int dataCoding(int msgFmt) {
        return switch (msgFmt) {
            case FMT_UCS2, FMT_GBK -> 8;
            default -> 1; // ASCII; binary and card formats read as ASCII rather than refused
        };
    }

    static byte[] content(int msgFmt, int tpUdhi, byte[] content) {
        if (msgFmt != FMT_GBK) {
            return content;
        }
        int udh = tpUdhi == 1 && content.length > 0 ? Math.min(content.length, (content[0] & 0xff) + 1) : 0;
        byte[] text = new String(content, udh, content.length - udh, GBK).getBytes(StandardCharsets.UTF_16BE);
        ByteBuffer b = ByteBuffer.allocate(udh + text.length);
        return b.put(content, 0, udh).put(text).array();
    }
}
