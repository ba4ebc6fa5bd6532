package org.hotline.cti.ami.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns AMI header names: the same few hundred names repeat in every frame, so decoding each once
 * saves an allocation per field on the hot path.
 */
final class HeaderNames {

    private static final int SLOTS = 1024;
    private final byte[][] keys = new byte[SLOTS][];
    private final String[] names = new String[SLOTS];

    /** The name in {@code a[start, start+length)}, whose {@code 31*h+b} hash (seeded with 1) is {@code hash}. */
    String name(byte[] a, int start, int length, int hash) {
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == length && same(key, a, start)) {
            return names[slot];
        }
        String name = new String(a, start, length, StandardCharsets.UTF_8);
        if (length <= 64) {
            // A collision simply replaces the slot: names are few, so it settles quickly.
            keys[slot] = Arrays.copyOfRange(a, start, start + length);
            names[slot] = name;
        }
        return name;
    }

    // A plain loop: names are ~10 bytes, where Arrays.equals' vectorized mismatch costs more than it saves.
    private static boolean same(byte[] key, byte[] a, int start) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != a[start + i]) {
                return false;
            }
        }
        return true;
    }
}
