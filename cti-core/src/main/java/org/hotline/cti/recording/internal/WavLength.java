package org.hotline.cti.recording.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long a WAV file plays, from its {@code fmt } chunk's byte rate and the bytes after its {@code data} header (not
 * the header's data size, which a recorder that did not close the file leaves at zero).
 */
public final class WavLength {

    private WavLength() {
    }

    /** The play time in milliseconds, or -1 when the file is no PCM WAV this can read. */
    public static long millis(Path file) throws IOException {
        long size = Files.size(file);
        byte[] head = new byte[(int) Math.min(size, 4096)];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n < 12) {
                return -1;
            }
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (!"RIFF".equals(tag(head, 0)) || !"WAVE".equals(tag(head, 8))) {
            return -1;
        }
        int byteRate = -1;
        int at = 12;
        while (at + 8 <= head.length) {
            String id = tag(head, at);
            long length = b.getInt(at + 4) & 0xffffffffL;
            if ("fmt ".equals(id) && at + 16 <= head.length) {
                byteRate = b.getInt(at + 8 + 8);
            } else if ("data".equals(id)) {
                return byteRate <= 0 ? -1 : (size - (at + 8)) * 1000 / byteRate;
            }
            at += 8 + (int) Math.min(length + (length & 1), head.length);
        }
        return -1;
    }

    private static String tag(byte[] b, int at) {
        return new String(b, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
