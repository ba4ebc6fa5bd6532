package org.hotline.cti.ami.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.testing.AmiFixtures;
import org.junit.jupiter.api.Test;

class AmiFrameDecoderTests {

    private final List<Throwable> errors = new ArrayList<>();

    private EmbeddedChannel channel(int maxLine) {
        return new EmbeddedChannel(new AmiFrameDecoder(maxLine, 16), new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                errors.add(cause);
            }
        });
    }

    private static List<AmiMessage> read(EmbeddedChannel ch) {
        List<AmiMessage> out = new ArrayList<>();
        for (Object o; (o = ch.readInbound()) != null; ) {
            out.add((AmiMessage) o);
        }
        return out;
    }

    private static void write(EmbeddedChannel ch, String s) {
        ch.writeInbound(Unpooled.copiedBuffer(s, StandardCharsets.UTF_8));
    }

    @Test
    void bannerThenFramesAreDecodedWithUtf8Values() {
        EmbeddedChannel ch = channel(8192);
        write(ch, "Asterisk Call Manager/13.0.0\r\nEvent: Newchannel\r\nCallerIDName: 张三\r\nAccountCode: \r\n\r\n");
        List<AmiMessage> frames = read(ch);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).get("Banner")).isEqualTo("Asterisk Call Manager/13.0.0");
        assertThat(frames.get(1).eventName()).isEqualTo("Newchannel");
        assertThat(frames.get(1).get("CallerIDName")).isEqualTo("张三");
        assertThat(frames.get(1).get("AccountCode")).isEmpty();
    }

    @Test
    void valuesDecodeRightAtEveryAlignmentAndLength() {
        EmbeddedChannel ch = channel(8192);
        StringBuilder sb = new StringBuilder("Asterisk Call Manager/13.0.0\r\n");
        for (int pad = 0; pad < 20; pad++) {
            sb.append("Event: T\r\nA").append("b".repeat(pad)).append(": ").append("x".repeat(pad)).append("张三\r\n")
                    .append("Plain: ").append("y".repeat(pad)).append("\n")
                    .append("Lf: 1\r\n\r\n");
        }
        write(ch, sb.toString());
        List<AmiMessage> frames = read(ch);
        assertThat(frames).hasSize(21);
        for (int pad = 0; pad < 20; pad++) {
            AmiMessage m = frames.get(pad + 1);
            assertThat(m.get("A" + "b".repeat(pad))).isEqualTo("x".repeat(pad) + "张三");
            assertThat(m.get("Plain")).isEqualTo("y".repeat(pad));
            assertThat(m.get("Lf")).isEqualTo("1");
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void framesSplitAtEveryByteDecodeTheSame() {
        EmbeddedChannel ch = channel(8192);
        byte[] bytes = "Asterisk Call Manager/13.0.0\nEvent: Hangup\nCause: 16\n\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        List<AmiMessage> frames = read(ch);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(1).get("Cause")).isEqualTo("16");
    }

    @Test
    void wrongBannerIsFatal() {
        EmbeddedChannel ch = channel(8192);
        write(ch, "HTTP/1.1 400 Bad Request\r\n");
        assertThat(read(ch)).isEmpty();
        assertThat(errors).singleElement().isInstanceOf(DecoderException.class).satisfies(e -> assertThat(e).hasMessageContaining("banner: 'HTTP/1.1 400 Bad Request' (expected: Asterisk Call Manager/x.y.z)"));
    }

    @Test
    void overlongLineIsSkippedAndTheRestOfTheFrameKept() {
        EmbeddedChannel ch = channel(8192);
        write(ch, "Asterisk Call Manager/13.0.0\r\nEvent: VarSet\r\nValue: ");
        String mb = "x".repeat(1 << 20);
        for (int i = 0; i < mb.length(); i += 65536) {
            write(ch, mb.substring(i, i + 65536));
        }
        write(ch, "\r\nUniqueid: 1.1\r\n\r\nEvent: Hangup\r\n\r\n");
        List<AmiMessage> frames = read(ch);
        assertThat(frames).extracting(AmiMessage::eventName).containsExactly(null, "VarSet", "Hangup");
        assertThat(frames.get(1).get("Uniqueid")).isEqualTo("1.1");
        assertThat(frames.get(1).get("Value")).isNull();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).hasMessage("maxLineLength: 1048585 (expected: <= 8192)");
    }

    @Test
    void lineWithoutColonIsReportedAndIgnored() {
        EmbeddedChannel ch = channel(8192);
        write(ch, "Asterisk Call Manager/13.0.0\r\nEvent: Hangup\r\ngarbage line\r\nCause: 16\r\n\r\n");
        List<AmiMessage> frames = read(ch);
        assertThat(frames.get(1).get("Cause")).isEqualTo("16");
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("garbage line"));
    }

    @Test
    void tooManyFieldsAreDroppedOncePerFrame() {
        EmbeddedChannel ch = channel(8192);
        StringBuilder sb = new StringBuilder("Asterisk Call Manager/13.0.0\r\nEvent: Big\r\n");
        for (int i = 0; i < 40; i++) {
            sb.append("F").append(i).append(": v\r\n");
        }
        write(ch, sb.append("\r\n").toString());
        List<AmiMessage> frames = read(ch);
        assertThat(frames.get(1).size()).isEqualTo(16);
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessage("maxFieldsPerFrame: 17 (expected: <= 16)"));
    }

    @Test
    void everyCaptureDecodesWithoutErrors() {
        List<AmiMessage> frames = AmiFixtures.messages("01-answered-completed.ami.txt");
        assertThat(frames.get(0).get("Banner")).startsWith("Asterisk Call Manager/");
        assertThat(frames).filteredOn(m -> "AgentCalled".equals(m.eventName())).first()
                .satisfies(m -> {
                    assertThat(m.get("Interface")).isEqualTo("Local/1001@agents/n");
                    assertThat(m.variables("DestChanVariable")).containsEntry("IVR_ACCOUNT", "");
                });
    }

    @Test
    void burstCaptureHasAllItsEvents() {
        long events = AmiFixtures.messages("07-burst.ami.txt.gz").stream().filter(AmiMessage::isEvent).count();
        assertThat(events).isEqualTo(154_470);
    }
}
