package org.hotline.asterisklab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/** 8 kHz 16-bit mono WAV files, the format Asterisk's format_wav plays without transcoding. */
final class Wav {

    private static final int RATE = 8000;

    private Wav() {
    }

    /** A sine tone of {@code hz} at a fifth of full scale. */
    static byte[] tone(int hz, Duration length) {
        int samples = (int) (RATE * length.toMillis() / 1000);
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (Math.sin(2 * Math.PI * hz * i / RATE) * 6500));
        }
        return b.array();
    }
}
