package org.hotline.sms.cmpp.internal;

import java.nio.ByteBuffer;

/**
 * CMPP_CONNECT_RESP: Status (1 octet in 2.0, 4 in 3.0), AuthenticatorISMG 16, Version 1.
 *
 * @param status 0 accepted, 1 bad structure, 2 bad source address, 3 authentication failed, 4 version too high
 * @param authenticatorIsmg MD5(Status + AuthenticatorSource + secret), zeros on refusal
 * @param version the gateway's version octet
 */
public record CmppConnectResp(int status, byte[] authenticatorIsmg, int version) {

    /** The body octets for {@code v}. */
    public byte[] encode(CmppVersion v) {
        ByteBuffer b = ByteBuffer.allocate(v.resultLength() + 17);
        Octets.putResult(b, status, v);
        b.put(authenticatorIsmg, 0, 16);
        b.put((byte) version);
        return b.array();
    }

    /** Reads a body sent in {@code v}. */
    public static CmppConnectResp decode(byte[] body, CmppVersion v) {
        return Octets.read(body, "CMPP_CONNECT_RESP", b -> new CmppConnectResp(Octets.getResult(b, v),
                Octets.getBytes(b, 16), Octets.getUnsigned(b)));
    }

    /** The readable reason of a refusal (section 7.4.2). */
    public static String reason(int status) {
        String text = switch (status) {
            case 0 -> "accepted";
            case 1 -> "bad message structure";
            case 2 -> "bad source address (sp id)";
            case 3 -> "authentication failed (wrong password)";
            case 4 -> "version too high";
            default -> "other error";
        };
        return "status " + status + " " + text;
    }
}
