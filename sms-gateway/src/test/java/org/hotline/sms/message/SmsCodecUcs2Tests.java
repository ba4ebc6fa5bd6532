package org.hotline.sms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SmsCodecUcs2Tests {

    static final String OUTAGE_NOTICE = "【某市供电】尊敬的客户：因10千伏城东线设备检修，定于6月18日8:00至18:00对幸福路、和平街、建设大道沿线小区"
            + "暂停供电，请做好停电准备关闭家用电器，避免来电损坏。检修期间如遇恶劣天气将顺延，恢复供电时间以现场为准，给您带来不便敬请谅解。"
            + "如有疑问致电95598。回复TD退订";

    private final SmsCodec codec = new SmsCodec(SmsCodecSettings.DEFAULTS);

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void aChineseOutageNoticeOf140CharactersIsThreeUcs2PartsOf67And67And6() {
        assertThat(OUTAGE_NOTICE).hasSize(140);

        EncodedSms sms = codec.encode(OUTAGE_NOTICE, 0x2A);

        assertThat(sms.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(sms.dataCoding()).isEqualTo(8);
        assertThat(sms.parts()).extracting(part -> part.text().length()).containsExactly(67, 67, 6);
        assertThat(sms.parts()).extracting(SmsPart::esmClass).containsOnly(0x40);
        SmsPart first = sms.parts().get(0);
        assertThat(hex(first.shortMessage())).startsWith("0500032a0301" + "301067d05e024f9b");
        assertThat(first.shortMessage()).hasSize(6 + 134);
        assertThat(hex(sms.parts().get(1).shortMessage())).startsWith("0500032a0302");
        assertThat(hex(sms.parts().get(2).shortMessage()))
                .isEqualTo("0500032a0303" + "56de590d0054004490008ba2");
        StringBuilder joined = new StringBuilder();
        for (SmsPart part : sms.parts()) {
            byte[] bytes = part.shortMessage();
            joined.append(new String(bytes, 6, bytes.length - 6, StandardCharsets.UTF_16BE));
        }
        assertThat(joined.toString()).isEqualTo(OUTAGE_NOTICE);
    }

    @Test
    void seventyChineseCharactersAreOnePartWithoutUdhAndSeventyOneAreTwo() {
        String seventy = "停".repeat(70);

        EncodedSms single = codec.encode(seventy, 1);
        EncodedSms two = codec.encode(seventy + "电", 1);

        assertThat(single.parts()).singleElement().satisfies(part -> {
            assertThat(part.hasUdh()).isFalse();
            assertThat(part.esmClass()).isZero();
            assertThat(part.reference()).isZero();
            assertThat(hex(part.shortMessage())).isEqualTo("505c".repeat(70));
        });
        assertThat(two.parts()).extracting(part -> part.text().length()).containsExactly(67, 4);
    }

    @Test
    void oneChineseCharacterMakesTheWholeTextUcs2() {
        EncodedSms sms = codec.encode("Bill due 12.50 yuan 元", 0);

        assertThat(sms.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(hex(sms.parts().get(0).shortMessage())).startsWith("00420069006c006c").endsWith("5143");
    }

    @Test
    void anEmojiIsReplacedByOneQuestionMarkByDefault() {
        EncodedSms sms = codec.encode("停电通知😀请留意", 0);

        assertThat(sms.text()).isEqualTo("停电通知?请留意");
        assertThat(sms.replaced()).isEqualTo(1);
        assertThat(hex(sms.parts().get(0).shortMessage())).contains("901a77e5" + "003f" + "8bf7");
    }

    @Test
    void rejectNamesTheCharacterAndItsIndex() {
        SmsCodec rejecting = new SmsCodec(SmsCodecSettings.DEFAULTS.withOutOfRange(OutOfRangeRule.REJECT));

        assertThatThrownBy(() -> rejecting.encode("王𠮷先生您好", 0))
                .isInstanceOf(SmsTextException.class)
                .hasMessage("character U+20BB7 '𠮷' at index 1 cannot be sent in UCS-2 (outside the BMP)");
    }

    @Test
    void aLoneSurrogateIsRejectedEvenWhenUtf16IsKept() {
        SmsCodec keeping = new SmsCodec(SmsCodecSettings.DEFAULTS.withOutOfRange(OutOfRangeRule.KEEP_AS_UTF16));

        assertThatThrownBy(() -> keeping.encode("ab\uD83Dc", 0))
                .isInstanceOf(SmsTextException.class)
                .hasMessage("character U+D83D at index 2 cannot be sent in UCS-2 (a lone surrogate)");
    }

    @Test
    void aSurrogatePairAtAPartBoundaryMovesWholeToTheNextPart() {
        SmsCodec keeping = new SmsCodec(SmsCodecSettings.DEFAULTS.withOutOfRange(OutOfRangeRule.KEEP_AS_UTF16));
        String text = "电".repeat(66) + "😀" + "费".repeat(10);

        EncodedSms sms = keeping.encode(text, 7);

        assertThat(sms.parts()).hasSize(2);
        assertThat(sms.parts().get(0).text()).isEqualTo("电".repeat(66));
        assertThat(sms.parts().get(1).text()).startsWith("😀");
        assertThat(hex(sms.parts().get(1).shortMessage())).startsWith("050003070202" + "d83dde00");
        assertThat(hex(sms.parts().get(0).shortMessage())).hasSize((6 + 132) * 2);
    }

    @Test
    void aSurrogatePairThatFitsStaysAtTheEndOfAPart() {
        SmsCodec keeping = new SmsCodec(SmsCodecSettings.DEFAULTS.withOutOfRange(OutOfRangeRule.KEEP_AS_UTF16));

        EncodedSms sms = keeping.encode("电".repeat(65) + "😀" + "费".repeat(10), 7);

        assertThat(sms.parts().get(0).text()).endsWith("😀").hasSize(67);
    }

    @Test
    void emptyTextIsRejected() {
        assertThatThrownBy(() -> codec.encode("", 0))
                .isInstanceOf(SmsTextException.class)
                .hasMessage("text is empty (expected: at least 1 character)");
    }

    @Test
    void moreThanTheMaximumPartsIsRejectedWithTheCount() {
        String text = "停".repeat(67 * 11 + 30);

        assertThatThrownBy(() -> codec.encode(text, 0))
                .isInstanceOf(SmsTextException.class)
                .hasMessage("parts: 12 (expected: <= 10)");
        assertThat(new SmsCodec(SmsCodecSettings.DEFAULTS.withMaxParts(12)).encode(text, 0).parts()).hasSize(12);
    }

    @Test
    void aReferenceOutsideEightBitsIsRefused() {
        assertThatThrownBy(() -> codec.encode("x", 256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reference: 256 (expected: 0..255)");
    }
}
