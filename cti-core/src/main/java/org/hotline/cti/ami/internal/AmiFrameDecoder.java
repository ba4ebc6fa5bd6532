package org.hotline.cti.ami.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.hotline.cti.ami.AmiMessage;

/**
 * Splits the AMI byte stream into {@link AmiMessage} frames: a banner line, then blocks of
 * {@code Name: value} lines ended by a blank line (AMI specification, "Manager protocol").
 *
 * <p>Limits are enforced without closing the connection: an over-long line is skipped (its field dropped,
 * the rest of the frame kept) and a line without a colon is ignored; each case is reported with
 * {@code fireExceptionCaught} the way Netty's {@code LineBasedFrameDecoder} does, so a handler can count it.
 * Only a wrong banner is fatal, because the peer is then not Asterisk.
 */
public final class AmiFrameDecoder extends ByteToMessageDecoder {

    /** Where the decoder is in the stream. */
    enum State {
        /** Waiting for {@code Asterisk Call Manager/x.y.z}. */
        READ_BANNER,
        /** Reading header lines of the current frame. */
        READ_FIELDS,
        /** Skipping the rest of a line longer than {@code maxLineLength}. */
        DISCARD_LINE
    }

    /** What the banner must start with. */
    public static final String BANNER_PREFIX = "Asterisk Call Manager/";

    private static final int INITIAL_VALUE_BYTES = 8 * 1024;
    private static final long LF = 0x0A0A0A0A0A0A0A0AL;
    private static final long COLON = 0x3A3A3A3A3A3A3A3AL;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int maxLineLength;
    private final int maxFieldsPerFrame;
    private final HeaderNames headerNames = new HeaderNames();
    // Event and response names repeat like header names do, and the first value is read for every frame.
    private final HeaderNames firstValues = new HeaderNames();
    private final WireMessages messages = WireMessages.get();

    private State state = State.READ_BANNER;
    private String[] names = new String[64];
    private String firstValue;
    // The current frame's values as raw bytes, and each one's start and length in it.
    private byte[] valueBytes = new byte[INITIAL_VALUE_BYTES];
    private int valueBytesUsed;
    private int[] spans = new int[128];
    private int fieldCount;
    // nanoTime of the socket read that completed the frames being decoded: one clock read per read, not per frame.
    private long readNanos;
    private int droppedFields;
    private long discardedBytes;
    private byte[] scratch = new byte[64 * 1024];

    /** Creates a decoder that expects the banner first. */
    public AmiFrameDecoder(int maxLineLength, int maxFieldsPerFrame) {
        this(maxLineLength, maxFieldsPerFrame, true);
    }

    /** Creates a decoder; {@code expectBanner=false} starts directly at frames (for replaying bodies). */
    public AmiFrameDecoder(int maxLineLength, int maxFieldsPerFrame, boolean expectBanner) {
        if (maxLineLength < 64) {
            throw new IllegalArgumentException("maxLineLength: " + maxLineLength + " (expected: >= 64)");
        }
        if (maxFieldsPerFrame < 1) {
            throw new IllegalArgumentException("maxFieldsPerFrame: " + maxFieldsPerFrame + " (expected: >= 1)");
        }
        this.maxLineLength = maxLineLength;
        this.maxFieldsPerFrame = maxFieldsPerFrame;
        this.state = expectBanner ? State.READ_BANNER : State.READ_FIELDS;
    }

    State state() {
        return state;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int readable = in.readableBytes();
        if (readable == 0) {
            return;
        }
        // Parse a heap array, not the ByteBuf: per-byte getByte() calls (bounds and refCnt checks) were the hot spot.
        byte[] a;
        int base;
        if (in.hasArray()) {
            a = in.array();
            base = in.arrayOffset() + in.readerIndex();
        } else {
            if (scratch.length < readable) {
                scratch = new byte[Math.max(readable, scratch.length * 2)];
            }
            a = scratch;
            base = 0;
            in.getBytes(in.readerIndex(), a, 0, readable);
        }
        int limit = base + readable;
        int pos = base;
        readNanos = System.nanoTime();
        try {
            while (pos < limit) {
                int next = switch (state) {
                    case READ_FIELDS -> readLine(ctx, a, pos, limit, out);
                    case DISCARD_LINE -> discard(ctx, a, pos, limit);
                    case READ_BANNER -> readBanner(a, pos, limit, out);
                };
                if (next < 0) {
                    break;
                }
                pos = next;
            }
        } finally {
            in.skipBytes(pos - base);
        }
    }

    /** Reads one header line at {@code start}; returns where the next line starts, or -1 when it is incomplete. */
    private int readLine(ChannelHandlerContext ctx, byte[] a, int start, int limit, List<Object> out) {
        int lf = find(a, start, limit, limit, LF);
        if (lf < 0) {
            if (limit - start > maxLineLength) {
                // Keep memory bounded: an endless line is skipped as it arrives.
                discardedBytes += limit - start;
                state = State.DISCARD_LINE;
                return limit;
            }
            return -1;
        }
        int end = lf > start && a[lf - 1] == '\r' ? lf - 1 : lf;
        int length = end - start;
        if (length > maxLineLength) {
            droppedFields++;
            ctx.fireExceptionCaught(new TooLongFrameException(
                    "maxLineLength: " + length + " (expected: <= " + maxLineLength + ")"));
        } else if (length == 0) {
            endFrame(out);
        } else {
            int colon = find(a, start, end, limit, COLON);
            if (colon <= start) {
                ctx.fireExceptionCaught(new CorruptedFrameException(
                        "line without 'Name: value': '" + preview(a, start, length) + "'"));
            } else {
                addField(ctx, a, start, colon, end);
            }
        }
        return lf + 1;
    }

    private int discard(ChannelHandlerContext ctx, byte[] a, int start, int limit) {
        int lf = find(a, start, limit, limit, LF);
        if (lf < 0) {
            discardedBytes += limit - start;
            return limit;
        }
        long skipped = discardedBytes + lf + 1 - start;
        discardedBytes = 0;
        state = State.READ_FIELDS;
        droppedFields++;
        ctx.fireExceptionCaught(new TooLongFrameException(
                "maxLineLength: " + skipped + " (expected: <= " + maxLineLength + ")"));
        return lf + 1;
    }

    private int readBanner(byte[] a, int start, int limit, List<Object> out) {
        int lf = find(a, start, limit, limit, LF);
        if (lf < 0) {
            if (limit - start > maxLineLength) {
                throw new CorruptedFrameException("banner: more than " + maxLineLength
                        + " bytes without a line end (expected: " + BANNER_PREFIX + "x.y.z)");
            }
            return -1;
        }
        int end = lf > start && a[lf - 1] == '\r' ? lf - 1 : lf;
        String banner = new String(a, start, Math.min(end - start, 200), StandardCharsets.UTF_8);
        if (!banner.startsWith(BANNER_PREFIX)) {
            throw new CorruptedFrameException("banner: '" + banner + "' (expected: " + BANNER_PREFIX + "x.y.z)");
        }
        state = State.READ_FIELDS;
        out.add(AmiMessage.of("Banner", banner));
        return lf + 1;
    }

    private void addField(ChannelHandlerContext ctx, byte[] a, int start, int colon, int end) {
        if (fieldCount == maxFieldsPerFrame) {
            droppedFields++;
            if (droppedFields == 1) {
                ctx.fireExceptionCaught(new TooLongFrameException(
                        "maxFieldsPerFrame: " + (fieldCount + 1) + " (expected: <= " + maxFieldsPerFrame + ")"));
            }
            return;
        }
        int valueStart = colon + 1;
        if (valueStart < end && a[valueStart] == ' ') {
            valueStart++;
        }
        if (fieldCount == names.length) {
            names = Arrays.copyOf(names, fieldCount * 2);
            spans = Arrays.copyOf(spans, fieldCount * 4);
        }
        names[fieldCount] = headerNames.name(a, start, colon - start);
        int length = end - valueStart;
        if (fieldCount == 0 && length > 0) {
            firstValue = firstValues.name(a, valueStart, length);
        }
        // Values stay bytes until read (AmiMessage decodes them as UTF-8 on demand); copy them out of the socket buffer.
        if (valueBytesUsed + length > valueBytes.length) {
            valueBytes = Arrays.copyOf(valueBytes, Math.max(valueBytesUsed + length, valueBytes.length * 2));
        }
        System.arraycopy(a, valueStart, valueBytes, valueBytesUsed, length);
        spans[2 * fieldCount] = valueBytesUsed;
        spans[2 * fieldCount + 1] = length;
        valueBytesUsed += length;
        fieldCount++;
    }

    private void endFrame(List<Object> out) {
        if (fieldCount > 0) {
            String[] values = new String[fieldCount];
            values[0] = firstValue;
            out.add(messages.create(Arrays.copyOf(names, fieldCount), values,
                    Arrays.copyOf(valueBytes, valueBytesUsed), Arrays.copyOf(spans, 2 * fieldCount), fieldCount,
                    readNanos));
        }
        if (valueBytes.length > 64 * INITIAL_VALUE_BYTES) {
            // One huge frame must not pin its buffer for the life of the connection.
            valueBytes = new byte[INITIAL_VALUE_BYTES];
        }
        valueBytesUsed = 0;
        firstValue = null;
        fieldCount = 0;
        droppedFields = 0;
    }

    /**
     * The first {@code b} in {@code a[from, to)}, or -1; reads eight bytes at a time (SWAR) up to {@code limit},
     * because a byte loop over the stream was the hot spot. {@code pattern} is {@code b} in every byte.
     */
    private static int find(byte[] a, int from, int to, int limit, long pattern) {
        int i = from;
        for (; i + 8 <= limit && i < to; i += 8) {
            long x = (long) LONGS.get(a, i) ^ pattern;
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (found != 0) {
                // The lowest flagged byte is always a real match (borrows only run upwards).
                int at = i + (Long.numberOfTrailingZeros(found) >>> 3);
                return at < to ? at : -1;
            }
        }
        for (; i < to; i++) {
            if (a[i] == (byte) pattern) {
                return i;
            }
        }
        return -1;
    }

    private static String preview(byte[] a, int start, int length) {
        String s = new String(a, start, Math.min(length, 60), StandardCharsets.UTF_8);
        return length > 60 ? s + "…" : s;
    }
}
