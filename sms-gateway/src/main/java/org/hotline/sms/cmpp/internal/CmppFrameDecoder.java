package org.hotline.sms.cmpp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * Splits the CMPP byte stream into {@link CmppFrame}s: a 12-octet header (Total_Length, Command_Id, Sequence_Id, big
 * endian) and {@code Total_Length - 12} body octets.
 *
 * <p>Limits are reported with {@code fireExceptionCaught}, like the AMI decoder, without tearing the stream apart: a
 * frame longer than {@code maxFrameLength} and one with an unknown Command_Id are skipped whole (the length says where
 * the next one starts). Only a Total_Length below the header's 12 octets is fatal: nothing says where the next frame
 * starts, so the rest of the stream is discarded and the handler closes the connection.
 */
public final class CmppFrameDecoder extends ByteToMessageDecoder {

    /** Where the decoder is in the stream. */
    enum State {
        /** Waiting for a whole header. */
        READ_HEADER,
        /** Waiting for the body of the header just read. */
        READ_BODY,
        /** Skipping the body of a frame that is too long or unknown. */
        DISCARD_BODY,
        /** The stream lost its framing: everything is dropped. */
        FAILED
    }

    /** The default largest frame: a 3.0 SUBMIT to 100 numbers is ~3,400 octets. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 4096;

    private final int maxFrameLength;
    private State state = State.READ_HEADER;
    private int commandId;
    private int sequenceId;
    private int bodyLength;
    private long discardLeft;

    /** A decoder refusing frames longer than {@code maxFrameLength} (header included). */
    public CmppFrameDecoder(int maxFrameLength) {
        if (maxFrameLength < CmppCommand.HEADER_LENGTH) {
            throw new IllegalArgumentException("maxFrameLength: " + maxFrameLength + " (expected: >= 12)");
        }
        this.maxFrameLength = maxFrameLength;
    }

    State state() {
        return state;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        // a body of 0 octets (ACTIVE_TEST, TERMINATE) completes with nothing left to read: loop on progress, not input
        while (true) {
            boolean progressed = switch (state) {
                case READ_HEADER -> readHeader(ctx, in);
                case READ_BODY -> readBody(in, out);
                case DISCARD_BODY -> discard(in);
                case FAILED -> {
                    in.skipBytes(in.readableBytes());
                    yield false;
                }
            };
            if (!progressed) {
                return;
            }
        }
    }

    private boolean readHeader(ChannelHandlerContext ctx, ByteBuf in) {
        if (in.readableBytes() < CmppCommand.HEADER_LENGTH) {
            return false;
        }
        long total = in.readUnsignedInt();
        commandId = in.readInt();
        sequenceId = in.readInt();
        if (total < CmppCommand.HEADER_LENGTH) {
            state = State.FAILED;
            in.skipBytes(in.readableBytes());
            ctx.fireExceptionCaught(new CorruptedFrameException(
                    "Total_Length: " + total + " (expected: >= " + CmppCommand.HEADER_LENGTH + ")"));
            return false;
        }
        if (total > maxFrameLength) {
            discardLeft = total - CmppCommand.HEADER_LENGTH;
            state = State.DISCARD_BODY;
            ctx.fireExceptionCaught(new TooLongFrameException(
                    "maxFrameLength: " + total + " (expected: <= " + maxFrameLength + ")"));
            return true;
        }
        if (!CmppCommand.known(commandId)) {
            discardLeft = total - CmppCommand.HEADER_LENGTH;
            state = State.DISCARD_BODY;
            ctx.fireExceptionCaught(new CorruptedFrameException(
                    "Command_Id: " + CmppCommand.name(commandId) + " (expected: a CMPP 2.0/3.0 command this client "
                            + "handles)"));
            return true;
        }
        bodyLength = (int) total - CmppCommand.HEADER_LENGTH;
        state = State.READ_BODY;
        return true;
    }

    private boolean readBody(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < bodyLength) {
            return false;
        }
        byte[] body = new byte[bodyLength];
        in.readBytes(body);
        out.add(new CmppFrame(commandId, sequenceId, body));
        state = State.READ_HEADER;
        return true;
    }

    private boolean discard(ByteBuf in) {
        int n = (int) Math.min(discardLeft, in.readableBytes());
        in.skipBytes(n);
        discardLeft -= n;
        if (discardLeft == 0) {
            state = State.READ_HEADER;
            return true;
        }
        return false; // more of the skipped body is still to come
    }
}
