package org.hotline.sms.cmpp.internal;

import java.nio.ByteBuffer;

/**
 * CMPP_DELIVER (section 7.4.5): an MO message, or (Registered_Delivery 1) a status report in Msg_Content. 2.0:
 * Src_terminal_Id of 21 octets and 8 reserved octets at the end; 3.0: 32 octets plus a type octet, and a LinkID.
 *
 * @param msgId the gateway's id of this deliver (acknowledged in DELIVER_RESP)
 * @param destId the SP's number: the 106 access code and the extension the user replied to
 * @param serviceId the business code
 * @param tpUdhi 1 when the content starts with a UDH
 * @param msgFmt 0 ASCII, 8 UCS-2, 15 GBK
 * @param srcTerminalId the sender's number (MO) or the destination of the reported message
 * @param registeredDelivery 1 for a status report, 0 for an MO message
 * @param content Msg_Content
 * @param linkId LinkID (3.0 only)
 */
public record CmppDeliver(long msgId, String destId, String serviceId, int tpUdhi, int msgFmt, String srcTerminalId,
                          int registeredDelivery, byte[] content, String linkId) {

    /** Whether Msg_Content is a status report. */
    public boolean statusReport() {
        return registeredDelivery == 1;
    }

    /** The body octets for {@code v}. */
    public byte[] encode(CmppVersion v) {
        ByteBuffer b = ByteBuffer.allocate(8 + 21 + 10 + 3 + v.terminalIdLength() + (v.v3() ? 1 : 0) + 2
                + content.length + (v.v3() ? 20 : 8));
        b.putLong(msgId);
        Octets.putString(b, destId, 21, "Dest_Id");
        Octets.putString(b, serviceId, 10, "Service_Id");
        b.put((byte) 0).put((byte) tpUdhi).put((byte) msgFmt);
        Octets.putString(b, srcTerminalId, v.terminalIdLength(), "Src_terminal_Id");
        if (v.v3()) {
            b.put((byte) 0);
        }
        b.put((byte) registeredDelivery).put((byte) content.length).put(content);
        Octets.putString(b, v.v3() ? linkId : "", v.v3() ? 20 : 8, v.v3() ? "LinkID" : "Reserved");
        return b.array();
    }

    /** Reads a body sent in {@code v}. */
    public static CmppDeliver decode(byte[] body, CmppVersion v) {
        return Octets.read(body, "CMPP_DELIVER", b -> {
            long msgId = b.getLong();
            String destId = Octets.getString(b, 21);
            String serviceId = Octets.getString(b, 10);
            b.get(); // TP_pid
            int udhi = Octets.getUnsigned(b);
            int fmt = Octets.getUnsigned(b);
            String src = Octets.getString(b, v.terminalIdLength());
            if (v.v3()) {
                b.get();
            }
            int registered = Octets.getUnsigned(b);
            byte[] content = Octets.getBytes(b, Octets.getUnsigned(b));
            String linkId = v.v3() ? Octets.getString(b, 20) : "";
            return new CmppDeliver(msgId, destId, serviceId, udhi, fmt, src, registered, content, linkId);
        });
    }
}
