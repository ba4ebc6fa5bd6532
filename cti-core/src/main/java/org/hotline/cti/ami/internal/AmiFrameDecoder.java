package org.hotline.cti.ami.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
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

    private final int maxLineLength;
    private final int maxFieldsPerFrame;
    private final HeaderNames headerNames = new HeaderNames();

    private State state = State.READ_BANNER;
    private String[] names = new String[64];
    private String[] values = new String[64];
    private int fieldCount;
    private int droppedFields;
    private long discardedBytes;

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
        for (;;) {
            int start = in.readerIndex();
            int lf = in.indexOf(start, in.writerIndex(), (byte) '\n');
            if (lf < 0) {
                int pending = in.readableBytes();
                if (pending > maxLineLength) {
                    if (state == State.READ_BANNER) {
                        throw new CorruptedFrameException("banner: more than " + maxLineLength
                                + " bytes without a line end (expected: " + BANNER_PREFIX + "x.y.z)");
                    }
                    // Keep memory bounded: an endless line is skipped as it arrives.
                    discardedBytes += pending;
                    in.skipBytes(pending);
                    state = State.DISCARD_LINE;
                }
                return;
            }
            int end = lf > start && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
            int length = end - start;
            in.readerIndex(lf + 1);
            switch (state) {
                case READ_BANNER -> readBanner(in, start, length, out);
                case DISCARD_LINE -> {
                    long skipped = discardedBytes + lf + 1 - start;
                    discardedBytes = 0;
                    state = State.READ_FIELDS;
                    droppedFields++;
                    ctx.fireExceptionCaught(new TooLongFrameException(
                            "maxLineLength: " + skipped + " (expected: <= " + maxLineLength + ")"));
                }
                case READ_FIELDS -> {
                    if (length > maxLineLength) {
                        droppedFields++;
                        ctx.fireExceptionCaught(new TooLongFrameException(
                                "maxLineLength: " + length + " (expected: <= " + maxLineLength + ")"));
                    } else if (length == 0) {
                        endFrame(out);
                    } else {
                        readField(ctx, in, start, length);
                    }
                }
            }
        }
    }

    private void readBanner(ByteBuf in, int start, int length, List<Object> out) {
        String banner = in.toString(start, Math.min(length, 200), StandardCharsets.UTF_8);
        if (!banner.startsWith(BANNER_PREFIX)) {
            throw new CorruptedFrameException("banner: '" + banner + "' (expected: " + BANNER_PREFIX + "x.y.z)");
        }
        state = State.READ_FIELDS;
        out.add(AmiMessage.of("Banner", banner));
    }

    private void readField(ChannelHandlerContext ctx, ByteBuf in, int start, int length) {
        int colon = in.indexOf(start, start + length, (byte) ':');
        if (colon <= start) {
            ctx.fireExceptionCaught(new CorruptedFrameException(
                    "line without 'Name: value': '" + preview(in, start, length) + "'"));
            return;
        }
        if (fieldCount == maxFieldsPerFrame) {
            droppedFields++;
            if (droppedFields == 1) {
                ctx.fireExceptionCaught(new TooLongFrameException(
                        "maxFieldsPerFrame: " + (fieldCount + 1) + " (expected: <= " + maxFieldsPerFrame + ")"));
            }
            return;
        }
        int valueStart = colon + 1;
        int lineEnd = start + length;
        if (valueStart < lineEnd && in.getByte(valueStart) == ' ') {
            valueStart++;
        }
        if (fieldCount == names.length) {
            names = Arrays.copyOf(names, fieldCount * 2);
            values = Arrays.copyOf(values, fieldCount * 2);
        }
        names[fieldCount] = headerNames.name(in, start, colon - start);
        values[fieldCount] = valueStart == lineEnd ? "" : in.toString(valueStart, lineEnd - valueStart, StandardCharsets.UTF_8);
        fieldCount++;
    }

    private void endFrame(List<Object> out) {
        if (fieldCount > 0) {
            out.add(new AmiMessage(Arrays.copyOf(names, fieldCount), Arrays.copyOf(values, fieldCount), fieldCount,
                    System.nanoTime()));
        }
        fieldCount = 0;
        droppedFields = 0;
    }

    private static String preview(ByteBuf in, int start, int length) {
        String s = in.toString(start, Math.min(length, 60), StandardCharsets.UTF_8);
        return length > 60 ? s + "…" : s;
    }
}
