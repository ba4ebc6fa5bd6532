package org.hotline.cti.ami.internal;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Interns AMI header names: the same few hundred names repeat in every frame, so decoding each once
 * saves an allocation per field on the hot path.
 */
final class HeaderNames {

    private static final int SLOTS = 1024;
    private final byte[][] keys = new byte[SLOTS][];
    private final String[] names = new String[SLOTS];

    String name(ByteBuf in, int start, int length) {
        int h = 1;
        for (int i = 0; i < length; i++) {
            h = 31 * h + in.getByte(start + i);
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == length && sameBytes(key, in, start)) {
            return names[slot];
        }
        byte[] copy = new byte[length];
        in.getBytes(start, copy);
        String name = new String(copy, StandardCharsets.UTF_8);
        if (length <= 64) {
            // A collision simply replaces the slot: names are few, so it settles quickly.
            keys[slot] = copy;
            names[slot] = name;
        }
        return name;
    }

    private static boolean sameBytes(byte[] key, ByteBuf in, int start) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != in.getByte(start + i)) {
                return false;
            }
        }
        return true;
    }
}
