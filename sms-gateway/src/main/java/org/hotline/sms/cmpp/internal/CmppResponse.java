package org.hotline.sms.cmpp.internal;

import java.nio.ByteBuffer;

/**
 * CMPP_SUBMIT_RESP and CMPP_DELIVER_RESP, laid out alike: Msg_Id 8, Result (1 octet in 2.0, 4 in 3.0).
 *
 * @param msgId the gateway's Msg_Id (SUBMIT_RESP) or the Msg_Id of the DELIVER acknowledged
 * @param result 0 success, else a reason code
 */
public record CmppResponse(long msgId, int result) {

    /** The body octets for {@code v}. */
    public byte[] encode(CmppVersion v) {
        ByteBuffer b = ByteBuffer.allocate(8 + v.resultLength());
        b.putLong(msgId);
        Octets.putResult(b, result, v);
        return b.array();
    }

    /** Reads a body sent in {@code v}. */
    public static CmppResponse decode(byte[] body, CmppVersion v) {
        return Octets.read(body, "CMPP_*_RESP", b -> new CmppResponse(b.getLong(), Octets.getResult(b, v)));
    }

    /** Msg_Id as the unsigned decimal number the outbox stores and receipts are matched by. */
    public static String canonicalId(long msgId) {
        return Long.toUnsignedString(msgId);
    }
}
