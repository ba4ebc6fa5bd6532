package org.hotline.cti.ami.internal;

import org.hotline.cti.ami.AmiMessage;

/**
 * Lets the decoder build an {@link AmiMessage} over a frame's raw bytes without widening AmiMessage's public API:
 * AmiMessage registers the one implementation when its class initializes (the JDK's "shared secrets" pattern).
 */
public abstract class WireMessages {

    private static volatile WireMessages access;

    /** For AmiMessage's subclass only. */
    protected WireMessages() {
    }

    /** Called once by AmiMessage's static initializer; later calls are ignored. */
    public static void register(WireMessages implementation) {
        if (access == null) {
            access = implementation;
        }
    }

    static WireMessages get() {
        WireMessages a = access;
        if (a == null) {
            try {
                Class.forName(AmiMessage.class.getName(), true, AmiMessage.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = access;
        }
        return a;
    }

    /**
     * A message over {@code bytes}: field {@code i} is named {@code names[i]} and its UTF-8 value spans
     * {@code bytes[spans[2i], spans[2i] + spans[2i+1])}, decoded on first use unless {@code values[i]} is given.
     */
    protected abstract AmiMessage create(String[] names, String[] values, byte[] bytes, int[] spans, int size,
            long receivedNanos);
}
