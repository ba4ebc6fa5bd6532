package org.hotline.cti.ami.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns AMI header names (and event names): the same few hundred names repeat in every frame, so decoding each
 * once saves an allocation per field on the hot path.
 *
 * <p>A slot keeps the name's first and last eight bytes and its length side by side in one array: for names up to
 * 16 bytes that comparison is exact and reads one cache line (a lookup per field, so cache misses showed).
 */
final class HeaderNames {

    private static final int BITS = 12;
    private static final int SLOTS = 1 << BITS;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    // Per slot: head, tail, length, unused (32 bytes, two slots per cache line).
    private final long[] table = new long[SLOTS * 4];
    private final byte[][] keys = new byte[SLOTS][];
    private final String[] names = new String[SLOTS];

    /** The UTF-8 text in {@code a[start, start+length)}, the same instance each time while it keeps its slot. */
    String name(byte[] a, int start, int length) {
        if (length == 0) {
            return ""; // an empty slot's key would match it
        }
        long head;
        long tail;
        if (length >= 8) {
            head = (long) LONGS.get(a, start);
            tail = (long) LONGS.get(a, start + length - 8);
        } else {
            head = 0;
            for (int i = length - 1; i >= 0; i--) {
                head = head << 8 | (a[start + i] & 0xFF);
            }
            tail = 0;
        }
        int slot = (int) (((head * 31 + tail) * 31 + length) * 0x9E3779B97F4A7C15L >>> (64 - BITS));
        int at = slot << 2;
        if (table[at] == head && table[at + 1] == tail && table[at + 2] == length
                && (length <= 16 || same(keys[slot], a, start))) {
            return names[slot];
        }
        String name = new String(a, start, length, StandardCharsets.UTF_8);
        if (length <= 64) {
            // A collision simply replaces the slot: names are few, so it settles quickly. The JVM's copy makes
            // a reader's equals() with a literal an identity check, and its hash code is computed once.
            name = name.intern();
            table[at] = head;
            table[at + 1] = tail;
            table[at + 2] = length;
            keys[slot] = length > 16 ? Arrays.copyOfRange(a, start, start + length) : null;
            names[slot] = name;
        }
        return name;
    }

    // A plain loop: names are ~20 bytes, where Arrays.equals' vectorized mismatch costs more than it saves.
    private static boolean same(byte[] key, byte[] a, int start) {
        for (int i = 8; i < key.length - 8; i++) {
            if (key[i] != a[start + i]) {
                return false;
            }
        }
        return true;
    }
}
