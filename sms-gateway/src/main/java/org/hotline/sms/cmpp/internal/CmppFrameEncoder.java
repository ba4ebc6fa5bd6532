package org.hotline.sms.cmpp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes a {@link CmppFrame} as its 12-octet header and body. */
@Sharable
public final class CmppFrameEncoder extends MessageToByteEncoder<CmppFrame> {

    @Override
    protected void encode(ChannelHandlerContext ctx, CmppFrame frame, ByteBuf out) {
        out.writeInt(frame.totalLength());
        out.writeInt(frame.commandId());
        out.writeInt(frame.sequenceId());
        out.writeBytes(frame.body());
    }
}
