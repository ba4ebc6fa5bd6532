package org.hotline.sms.cmpp.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** CMPP's field types over a ByteBuffer: big-endian integers and fixed-length octet strings padded with NULs. */
final class Octets {

    private Octets() {
    }

    /** Writes {@code text} in ASCII into exactly {@code length} octets, NUL-padded; longer text is refused. */
    static void putString(ByteBuffer b, String text, int length, String field) {
        byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > length) {
            throw new IllegalArgumentException(field + ": " + bytes.length + " octets (expected: <= " + length + ")");
        }
        b.put(bytes);
        for (int i = bytes.length; i < length; i++) {
            b.put((byte) 0);
        }
    }

    /** Reads {@code length} octets as ASCII up to the first NUL. */
    static String getString(ByteBuffer b, int length) {
        byte[] bytes = new byte[length];
        b.get(bytes);
        int end = 0;
        while (end < length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.US_ASCII).trim();
    }

    static byte[] getBytes(ByteBuffer b, int length) {
        byte[] bytes = new byte[length];
        b.get(bytes);
        return bytes;
    }

    static int getUnsigned(ByteBuffer b) {
        return b.get() & 0xff;
    }

    /** A response's Status / Result: one octet in 2.0, four in 3.0. */
    static int getResult(ByteBuffer b, CmppVersion version) {
        return version.resultLength() == 1 ? b.get() & 0xff : b.getInt();
    }

    static void putResult(ByteBuffer b, int result, CmppVersion version) {
        if (version.resultLength() == 1) {
            b.put((byte) result);
        } else {
            b.putInt(result);
        }
    }

    /** Runs a body reader, turning a short body into a clear error naming the command. */
    static <T> T read(byte[] body, String command, Function<ByteBuffer, T> reader) {
        try {
            return reader.apply(ByteBuffer.wrap(body));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException(command + " body: " + body.length + " octets (expected: more)");
        }
    }
}
