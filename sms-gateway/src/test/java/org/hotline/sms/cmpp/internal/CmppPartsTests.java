package org.hotline.sms.cmpp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotline.sms.message.EncodedSms;
import org.hotline.sms.message.ReceivedPart;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.hotline.sms.message.SmsPart;
import org.hotline.sms.smpp.OutboundPart;
import org.junit.jupiter.api.Test;

/** Between the codec's parts and CMPP's Msg_Fmt, TP_udhi and Pk fields; GBK MO read as UCS-2. */
class CmppPartsTests {

    private static final SmsCodec CODEC = new SmsCodec(SmsCodecSettings.DEFAULTS);

    private static OutboundPart outbound(SmsPart p, int dataCoding) {
        return new OutboundPart("13900000001", dataCoding, p.esmClass(), p.shortMessage());
    }

    @Test
    void aLongChineseTextKeepsTheCodecsUdhAndGivesPkTotalAndPkNumber() {
        EncodedSms sms = CODEC.encode("【国网供电服务】" + "尊敬的客户，您所在台区将于明日计划停电。".repeat(8), 7);
        assertThat(sms.parts()).hasSizeGreaterThan(2);
        List<CmppParts.Fields> fields = sms.parts().stream().map(p -> CmppParts.outbound(outbound(p, 8))).toList();
        for (int i = 0; i < fields.size(); i++) {
            CmppParts.Fields f = fields.get(i);
            assertThat(f.msgFmt()).isEqualTo(8);
            assertThat(f.tpUdhi()).isEqualTo(1);
            assertThat(f.pkTotal()).isEqualTo(sms.parts().size());
            assertThat(f.pkNumber()).isEqualTo(i + 1);
            assertThat(f.content()).isEqualTo(sms.parts().get(i).shortMessage());
            assertThat(f.content().length).isLessThanOrEqualTo(140);
        }
    }

    @Test
    void gsmSeptetsGoAsAsciiWithMsgFmtZero() {
        EncodedSms sms = CODEC.encode("Power back at 18:00 @ line_7", 0);
        CmppParts.Fields f = CmppParts.outbound(outbound(sms.parts().get(0), 0));
        assertThat(f.msgFmt()).isZero();
        assertThat(f.tpUdhi()).isZero();
        assertThat(new String(f.content(), StandardCharsets.US_ASCII)).isEqualTo("Power back at 18:00 @ line_7");
    }

    @Test
    void aGbkReplyIsReadAsUcs2() {
        byte[] gbk = "退订".getBytes(Charset.forName("GBK"));
        ReceivedPart part = CODEC.decode("13900000001", CmppParts.dataCoding(15), 0, CmppParts.content(15, 0, gbk));
        assertThat(part.text()).isEqualTo("退订");
        assertThat(CODEC.decode("13900000001", CmppParts.dataCoding(0), 0, "TD".getBytes(StandardCharsets.US_ASCII))
                .text()).isEqualTo("TD");
    }
}
