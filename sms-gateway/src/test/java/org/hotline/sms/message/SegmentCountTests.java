package org.hotline.sms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SegmentCountTests {

    private final SmsCodec codec = new SmsCodec(SmsCodecSettings.DEFAULTS);

    @Test
    void theOutageNoticeCostsThreeParts() {
        SegmentCount count = codec.count(SmsCodecUcs2Tests.OUTAGE_NOTICE);

        assertThat(count.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(count.parts()).isEqualTo(3);
        assertThat(count.characters()).isEqualTo(140);
        assertThat(count.capacityPerPart()).isEqualTo(67);
        assertThat(count.charactersPerPart()).containsExactly(67, 67, 6);
        assertThat(count.remainingInLastPart()).isEqualTo(61);
        assertThat(count.cost(new BigDecimal("0.045"))).isEqualByComparingTo("0.135");
    }

    @Test
    void aShortAsciiReminderIsOneGsm7Part() {
        SegmentCount count = codec.count("Dear customer, your bill of 128.50 is overdue. Pay at 95598.");

        assertThat(count.encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(count.parts()).isEqualTo(1);
        assertThat(count.capacityPerPart()).isEqualTo(160);
        assertThat(count.remainingInLastPart()).isEqualTo(160 - 60);
    }

    @Test
    void extensionCharactersCountAsTwoUnitsButOneCharacter() {
        SegmentCount count = codec.count("€{}");

        assertThat(count.characters()).isEqualTo(3);
        assertThat(count.units()).isEqualTo(6);
        assertThat(count.unitsPerPart()).containsExactly(6);
    }

    @Test
    void aReplacedEmojiIsCountedAsItsQuestionMark() {
        SegmentCount count = codec.count("停电😀");

        assertThat(count.characters()).isEqualTo(3);
        assertThat(count.replaced()).isEqualTo(1);
        assertThat(count.units()).isEqualTo(3);
    }

    @Test
    void anOverLongTextIsCountedAndMarkedOutsideTheLimit() {
        SegmentCount count = codec.count("a".repeat(153 * 11));

        assertThat(count.parts()).isEqualTo(11);
        assertThat(count.withinLimit()).isFalse();
        assertThat(codec.count("a".repeat(153 * 10)).withinLimit()).isTrue();
    }

    @Test
    void anEmptyTextCannotBeCounted() {
        assertThatThrownBy(() -> codec.count("")).isInstanceOf(SmsTextException.class);
    }
}
