package org.hotline.sms.cmpp.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;

/**
 * CMPP_CONNECT (the same 27 octets in 2.0 and 3.0): Source_Addr 6, AuthenticatorSource 16, Version 1, Timestamp 4.
 *
 * @param sourceAddr the SP id (our system-id)
 * @param authenticator MD5(Source_Addr + 9 zero octets + shared secret + timestamp as MMDDHHMMSS)
 * @param version 0x20 or 0x30
 * @param timestamp MMDDHHMMSS as a number
 */
public record CmppConnect(String sourceAddr, byte[] authenticator, int version, int timestamp) {

    /** Body length. */
    public static final int LENGTH = 27;

    /** A login for {@code spId} with {@code secret} at {@code now}. */
    public static CmppConnect of(String spId, String secret, CmppVersion version, LocalDateTime now) {
        int ts = timestamp(now);
        return new CmppConnect(spId, authenticatorSource(spId, secret, ts), version.wire(), ts);
    }

    /** MMDDHHMMSS of {@code t} as the number CMPP sends. */
    public static int timestamp(LocalDateTime t) {
        return t.getMonthValue() * 100_000_000 + t.getDayOfMonth() * 1_000_000 + t.getHour() * 10_000
                + t.getMinute() * 100 + t.getSecond();
    }

    /** MD5(Source_Addr + 9 zero octets + secret + timestamp written with 10 digits). */
    public static byte[] authenticatorSource(String spId, String secret, int timestamp) {
        MessageDigest md5 = md5();
        md5.update(spId.getBytes(StandardCharsets.US_ASCII));
        md5.update(new byte[9]);
        md5.update(secret.getBytes(StandardCharsets.US_ASCII));
        md5.update("%010d".formatted(timestamp).getBytes(StandardCharsets.US_ASCII));
        return md5.digest();
    }

    /** MD5(Status + AuthenticatorSource + secret), Status written as in the response (1 or 4 octets). */
    public static byte[] authenticatorIsmg(int status, byte[] source, String secret, CmppVersion version) {
        ByteBuffer b = ByteBuffer.allocate(version.resultLength());
        Octets.putResult(b, status, version);
        MessageDigest md5 = md5();
        md5.update(b.array());
        md5.update(source);
        md5.update(secret.getBytes(StandardCharsets.US_ASCII));
        return md5.digest();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }

    /** The body octets. */
    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        Octets.putString(b, sourceAddr, 6, "Source_Addr");
        b.put(authenticator, 0, 16);
        b.put((byte) version);
        b.putInt(timestamp);
        return b.array();
    }

    /** Reads a body. */
    public static CmppConnect decode(byte[] body) {
        return Octets.read(body, "CMPP_CONNECT", b -> new CmppConnect(Octets.getString(b, 6), Octets.getBytes(b, 16),
                Octets.getUnsigned(b), b.getInt()));
    }
}
