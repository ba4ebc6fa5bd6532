package org.hotline.sms.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SmsCodecGsm7Tests {

    private final SmsCodec unpacked = new SmsCodec(SmsCodecSettings.DEFAULTS);
    private final SmsCodec packed = new SmsCodec(SmsCodecSettings.DEFAULTS.withGsm7Packing(Gsm7Packing.PACKED));

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void unpackedIsTheDefault() {
        assertThat(SmsCodecSettings.DEFAULTS.gsm7Packing()).isEqualTo(Gsm7Packing.UNPACKED);
    }

    @Test
    void oneHundredSixtyCharactersAreOnePartOfOneSeptetPerOctet() {
        EncodedSms sms = unpacked.encode("a".repeat(160), 9);

        assertThat(sms.encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(sms.dataCoding()).isZero();
        assertThat(sms.parts()).singleElement().satisfies(part -> {
            assertThat(part.hasUdh()).isFalse();
            assertThat(hex(part.shortMessage())).isEqualTo("61".repeat(160));
        });
    }

    @Test
    void oneHundredSixtyOneCharactersAreTwoPartsOf153And8() {
        EncodedSms sms = unpacked.encode("a".repeat(161), 9);

        assertThat(sms.parts()).extracting(part -> part.text().length()).containsExactly(153, 8);
        assertThat(hex(sms.parts().get(0).shortMessage())).isEqualTo("050003090201" + "61".repeat(153));
        assertThat(hex(sms.parts().get(1).shortMessage())).isEqualTo("050003090202" + "61".repeat(8));
        assertThat(sms.parts()).extracting(SmsPart::esmClass).containsOnly(0x40);
    }

    @Test
    void threeHundredSixCharactersAreTwoPartsAndThreeHundredSevenAreThree() {
        assertThat(unpacked.encode("x".repeat(306), 1).parts()).extracting(part -> part.text().length())
                .containsExactly(153, 153);
        assertThat(unpacked.encode("x".repeat(307), 1).parts()).extracting(part -> part.text().length())
                .containsExactly(153, 153, 1);
    }

    @Test
    void extensionCharactersCountTwoSeptets() {
        assertThat(unpacked.encode("{".repeat(80), 1).parts()).singleElement()
                .satisfies(part -> assertThat(hex(part.shortMessage())).isEqualTo("1b28".repeat(80)));
        assertThat(unpacked.encode("{".repeat(81), 1).parts()).hasSize(2);
    }

    @Test
    void anEscapePairThatWouldStraddleTheBoundaryMovesWholeToTheNextPart() {
        EncodedSms sms = unpacked.encode("a".repeat(152) + "€" + "b".repeat(10), 3);

        assertThat(sms.parts().get(0).text()).isEqualTo("a".repeat(152));
        assertThat(hex(sms.parts().get(0).shortMessage())).isEqualTo("050003030201" + "61".repeat(152));
        assertThat(hex(sms.parts().get(1).shortMessage())).isEqualTo("050003030202" + "1b65" + "62".repeat(10));
    }

    @Test
    void anEscapePairEndingExactlyAtTheBoundaryStaysInThePart() {
        EncodedSms sms = unpacked.encode("a".repeat(151) + "€" + "b".repeat(10), 3);

        assertThat(hex(sms.parts().get(0).shortMessage())).endsWith("611b65").hasSize((6 + 153) * 2);
        assertThat(sms.parts().get(1).text()).isEqualTo("b".repeat(10));
    }

    @Test
    void basicAndExtensionTableCharactersMapToTheirGsmSeptets() {
        EncodedSms sms = unpacked.encode("@£$¥èé\nΔ_ü§¿[]^|~\\€", 0);

        assertThat(hex(sms.parts().get(0).shortMessage()))
                .isEqualTo("000102030405" + "0a" + "1011" + "7e" + "5f" + "60" + "1b3c1b3e1b141b401b3d1b2f1b65");
    }

    @Test
    void packedSeptetsMatchTheGsm0338Example() {
        assertThat(hex(packed.encode("hellohello", 0).parts().get(0).shortMessage())).isEqualTo("e8329bfd4697d9ec37");
    }

    @Test
    void sevenSpareBitsAtTheEndArePaddedWithCarriageReturn() {
        assertThat(hex(packed.encode("1234567", 0).parts().get(0).shortMessage())).isEqualTo("31d98c56b3dd1a");
    }

    @Test
    void packedPartsStartTheirSeptetsAfterOneFillBitBehindTheUdh() {
        EncodedSms sms = packed.encode("a".repeat(153) + "hello!!!", 0x10);

        assertThat(sms.parts().get(0).shortMessage()).hasSize(140);
        assertThat(hex(sms.parts().get(0).shortMessage())).startsWith("050003100201c2e1");
        assertThat(hex(sms.parts().get(1).shortMessage())).isEqualTo("050003100202" + "d06536fb1d0a851a");
    }

    @Test
    void packedAndUnpackedPartsDecodeBackToTheText() {
        String text = "Power off 18 Jun 08:00-18:00 on Xingfu Rd; ask {95598} €5 fee waived. " .repeat(4);
        for (SmsCodec codec : new SmsCodec[] {packed, unpacked}) {
            StringBuilder back = new StringBuilder();
            for (SmsPart part : codec.encode(text, 77).parts()) {
                ReceivedPart received = codec.decode("95598", 0, part.esmClass(), part.shortMessage());
                assertThat(received.reference()).isEqualTo(77);
                back.append(received.text());
            }
            assertThat(back.toString()).isEqualTo(text);
        }
    }
}
