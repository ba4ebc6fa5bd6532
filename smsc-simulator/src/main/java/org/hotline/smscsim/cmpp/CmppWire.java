package org.hotline.smscsim.cmpp;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The gateway side's own small CMPP codec, written apart from the client's from the same spec tables (ADR 0034):
 * blocking frame reads, and the field helpers both versions need. Version-dependent sizes come from {@code v3}.
 */
final class CmppWire {

    static final int CONNECT = 0x00000001;
    static final int CONNECT_RESP = 0x80000001;
    static final int TERMINATE = 0x00000002;
    static final int TERMINATE_RESP = 0x80000002;
    static final int SUBMIT = 0x00000004;
    static final int SUBMIT_RESP = 0x80000004;
    static final int DELIVER = 0x00000005;
    static final int DELIVER_RESP = 0x80000005;
    static final int ACTIVE_TEST = 0x00000008;
    static final int ACTIVE_TEST_RESP = 0x80000008;
    static final int MAX_FRAME = 8192;

    /** One frame read off the socket. */
    record Frame(int command, int sequence, byte[] body) {
    }

    private CmppWire() {
    }

    /** Reads one frame; EOF at a frame boundary throws {@link EOFException}. */
    static Frame read(DataInputStream in) throws IOException {
        int total = in.readInt();
        if (total < 12 || total > MAX_FRAME) {
            throw new IOException("Total_Length: " + total + " (expected: 12.." + MAX_FRAME + ")");
        }
        int command = in.readInt();
        int sequence = in.readInt();
        byte[] body = new byte[total - 12];
        in.readFully(body);
        return new Frame(command, sequence, body);
    }

    static byte[] encode(int command, int sequence, byte[] body) {
        return ByteBuffer.allocate(12 + body.length).putInt(12 + body.length).putInt(command).putInt(sequence)
                .put(body).array();
    }

    static int terminalLength(boolean v3) {
        return v3 ? 32 : 21;
    }

    static void putResult(ByteBuffer b, int result, boolean v3) {
        if (v3) {
            b.putInt(result);
        } else {
            b.put((byte) result);
        }
    }

    static void putText(ByteBuffer b, String text, int length) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        b.put(bytes, 0, Math.min(length, bytes.length));
        for (int i = bytes.length; i < length; i++) {
            b.put((byte) 0);
        }
    }

    static String text(ByteBuffer b, int length) {
        byte[] bytes = new byte[length];
        b.get(bytes);
        int end = 0;
        while (end < length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.US_ASCII);
    }

    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
