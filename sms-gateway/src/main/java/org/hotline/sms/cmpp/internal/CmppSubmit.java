package org.hotline.sms.cmpp.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * CMPP_SUBMIT (section 7.4.3). 2.0: terminal ids of 21 octets, 8 reserved octets at the end. 3.0: terminal ids of 32
 * octets, each followed by a terminal type octet, and a 20-octet LinkID at the end.
 *
 * @param msgId 0 (the gateway assigns it)
 * @param pkTotal parts of the message
 * @param pkNumber this part, from 1
 * @param registeredDelivery 1 asks for a status report
 * @param msgLevel priority
 * @param serviceId the business code (Service_Id, 10)
 * @param feeUserType 0 bill the destination, 1 the source, 2 the SP, 3 the fee terminal
 * @param feeTerminalId billed number when feeUserType is 3
 * @param tpUdhi 1 when the content starts with a UDH
 * @param msgFmt 0 ASCII, 8 UCS-2, 15 GBK
 * @param msgSrc the SP id (Msg_src, 6)
 * @param feeType 01 free, 02 per message, 03 monthly
 * @param feeCode fee in fen (FeeCode, 6)
 * @param srcId the 106 access code and extension (Src_Id, 21)
 * @param destTerminalIds the destination numbers
 * @param content Msg_Content, UDH included
 * @param linkId LinkID (3.0 only, may be empty)
 */
public record CmppSubmit(long msgId, int pkTotal, int pkNumber, int registeredDelivery, int msgLevel,
                         String serviceId, int feeUserType, String feeTerminalId, int tpUdhi, int msgFmt,
                         String msgSrc, String feeType, String feeCode, String srcId, List<String> destTerminalIds,
                         byte[] content, String linkId) {

    /** The largest Msg_Content: 160 octets in ASCII, 140 otherwise (section 7.4.3, Msg_Length). */
    public static int maxContent(int msgFmt) {
        return msgFmt == 0 ? 160 : 140;
    }

    /** The body octets for {@code v}. */
    public byte[] encode(CmppVersion v) {
        if (content.length > maxContent(msgFmt)) {
            throw new IllegalArgumentException("Msg_Length: " + content.length + " (expected: <= "
                    + maxContent(msgFmt) + ")");
        }
        int t = v.terminalIdLength() + (v.v3() ? 1 : 0);
        ByteBuffer b = ByteBuffer.allocate(8 + 4 + 10 + 1 + t + 3 + 6 + 2 + 6 + 17 + 17 + 21 + 1
                + destTerminalIds.size() * v.terminalIdLength() + (v.v3() ? 1 : 0) + 1 + content.length
                + (v.v3() ? 20 : 8));
        b.putLong(msgId);
        b.put((byte) pkTotal).put((byte) pkNumber).put((byte) registeredDelivery).put((byte) msgLevel);
        Octets.putString(b, serviceId, 10, "Service_Id");
        b.put((byte) feeUserType);
        Octets.putString(b, feeTerminalId, v.terminalIdLength(), "Fee_terminal_Id");
        if (v.v3()) {
            b.put((byte) 0); // Fee_terminal_type: a real number, not a pseudo code
        }
        b.put((byte) 0); // TP_pId
        b.put((byte) tpUdhi).put((byte) msgFmt);
        Octets.putString(b, msgSrc, 6, "Msg_src");
        Octets.putString(b, feeType, 2, "FeeType");
        Octets.putString(b, feeCode, 6, "FeeCode");
        Octets.putString(b, "", 17, "ValId_Time");
        Octets.putString(b, "", 17, "At_Time");
        Octets.putString(b, srcId, 21, "Src_Id");
        b.put((byte) destTerminalIds.size());
        for (String dest : destTerminalIds) {
            Octets.putString(b, dest, v.terminalIdLength(), "Dest_terminal_Id");
        }
        if (v.v3()) {
            b.put((byte) 0); // Dest_terminal_type
        }
        b.put((byte) content.length);
        b.put(content);
        Octets.putString(b, v.v3() ? linkId : "", v.v3() ? 20 : 8, v.v3() ? "LinkID" : "Reserve");
        return b.array();
    }

    /** Reads a body sent in {@code v}. */
    public static CmppSubmit decode(byte[] body, CmppVersion v) {
        return Octets.read(body, "CMPP_SUBMIT", b -> {
            long msgId = b.getLong();
            int pkTotal = Octets.getUnsigned(b);
            int pkNumber = Octets.getUnsigned(b);
            int registered = Octets.getUnsigned(b);
            int level = Octets.getUnsigned(b);
            String serviceId = Octets.getString(b, 10);
            int feeUserType = Octets.getUnsigned(b);
            String feeTerminal = Octets.getString(b, v.terminalIdLength());
            if (v.v3()) {
                b.get();
            }
            b.get(); // TP_pId
            int udhi = Octets.getUnsigned(b);
            int fmt = Octets.getUnsigned(b);
            String msgSrc = Octets.getString(b, 6);
            String feeType = Octets.getString(b, 2);
            String feeCode = Octets.getString(b, 6);
            Octets.getString(b, 17);
            Octets.getString(b, 17);
            String srcId = Octets.getString(b, 21);
            int n = Octets.getUnsigned(b);
            List<String> dests = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                dests.add(Octets.getString(b, v.terminalIdLength()));
            }
            if (v.v3()) {
                b.get();
            }
            byte[] content = Octets.getBytes(b, Octets.getUnsigned(b));
            String linkId = v.v3() ? Octets.getString(b, 20) : "";
            if (!v.v3()) {
                Octets.getBytes(b, 8);
            }
            return new CmppSubmit(msgId, pkTotal, pkNumber, registered, level, serviceId, feeUserType, feeTerminal,
                    udhi, fmt, msgSrc, feeType, feeCode, srcId, dests, content, linkId);
        });
    }
}
