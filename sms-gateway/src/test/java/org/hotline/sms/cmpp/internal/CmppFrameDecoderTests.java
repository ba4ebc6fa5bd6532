package org.hotline.sms.cmpp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing by Total_Length: split reads joined, limits reported without losing the frames after them. */
class CmppFrameDecoderTests {

    /** A channel whose decoder's reports are collected rather than thrown by the embedded channel. */
    private static EmbeddedChannel channel(CmppFrameDecoder decoder, List<Throwable> reports) {
        return new EmbeddedChannel(decoder, new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                reports.add(cause);
            }
        });
    }

    private static ByteBuf frame(int total, int command, int seq, int bodyLength) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(total).writeInt(command).writeInt(seq).writeZero(bodyLength);
        return b;
    }

    @Test
    void aFrameSplitAcrossReadsIsJoinedAndTheEncoderWritesTheSameOctets() {
        EmbeddedChannel ch = new EmbeddedChannel(new CmppFrameDecoder(4096));
        ByteBuf whole = frame(12 + 9, CmppCommand.SUBMIT_RESP, 77, 9);
        ch.writeInbound(whole.retainedSlice(0, 5));
        assertThat((Object) ch.readInbound()).isNull();
        ch.writeInbound(whole.retainedSlice(5, 16));
        CmppFrame f = ch.readInbound();
        assertThat(f.commandId()).isEqualTo(CmppCommand.SUBMIT_RESP);
        assertThat(f.sequenceId()).isEqualTo(77);
        assertThat(f.body()).hasSize(9);
        EmbeddedChannel out = new EmbeddedChannel(new CmppFrameEncoder());
        out.writeOutbound(f);
        ByteBuf written = out.readOutbound();
        assertThat(written).isEqualTo(whole.resetReaderIndex());
    }

    @Test
    void aFrameOverTheLimitIsReportedAndSkippedWholeAndTheNextOneIsRead() {
        List<Throwable> reports = new ArrayList<>();
        EmbeddedChannel ch = channel(new CmppFrameDecoder(4096), reports);
        ch.writeInbound(Unpooled.wrappedBuffer(frame(9000, CmppCommand.DELIVER, 1, 9000 - 12),
                frame(12, CmppCommand.ACTIVE_TEST, 2, 0)));
        assertThat(reports).singleElement().isInstanceOf(TooLongFrameException.class)
                .hasFieldOrPropertyWithValue("message", "maxFrameLength: 9000 (expected: <= 4096)");
        CmppFrame next = ch.readInbound();
        assertThat(next.commandId()).isEqualTo(CmppCommand.ACTIVE_TEST);
        assertThat(next.sequenceId()).isEqualTo(2);
    }

    @Test
    void anUnknownCommandIsReportedAndSkippedNotCrashing() {
        List<Throwable> reports = new ArrayList<>();
        EmbeddedChannel ch = channel(new CmppFrameDecoder(4096), reports);
        ch.writeInbound(Unpooled.wrappedBuffer(frame(20, 0x00000006, 1, 8), frame(12, CmppCommand.TERMINATE, 2, 0)));
        assertThat(reports).singleElement().isInstanceOf(CorruptedFrameException.class)
                .extracting(Throwable::getMessage).asString().startsWith("Command_Id: 0x00000006");
        assertThat(((CmppFrame) ch.readInbound()).commandId()).isEqualTo(CmppCommand.TERMINATE);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void aTotalLengthShorterThanTheHeaderIsReportedAndTheRestDiscarded() {
        CmppFrameDecoder decoder = new CmppFrameDecoder(4096);
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        ByteBuf in = Unpooled.wrappedBuffer(frame(8, CmppCommand.SUBMIT, 1, 0), frame(12, CmppCommand.TERMINATE, 2, 0));
        assertThatThrownBy(() -> ch.writeInbound(in)).isInstanceOf(CorruptedFrameException.class)
                .hasMessage("Total_Length: 8 (expected: >= 12)");
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(decoder.state()).isEqualTo(CmppFrameDecoder.State.FAILED);
        assertThatThrownBy(() -> new CmppFrameDecoder(8)).hasMessage("maxFrameLength: 8 (expected: >= 12)");
    }
}
