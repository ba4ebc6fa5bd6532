package org.hotline.cti.call.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldsTests {

    @Test
    void intsParseDecimalDigitsWithLeadingSpaces() {
        assertThat(Fields.parseInt("16")).isEqualTo(16);
        assertThat(Fields.parseInt(" 0")).isZero();
        assertThat(Fields.parseInt("999999999")).isEqualTo(999_999_999);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-1", "16x", "1.5", "abc", "9999999999", "١٦"})
    void garbageIntsAreTheSentinelNotAnException(String s) {
        assertThat(Fields.parseInt(s)).isEqualTo(Fields.NO_INT);
    }

    @Test
    void timestampsAreEpochMicrosWithShortFractionsPadded() {
        assertThat(Fields.parseTimestampMicros("1795434946.606824")).isEqualTo(1_795_434_946_606_824L);
        assertThat(Fields.parseTimestampMicros("1795434946.6")).isEqualTo(1_795_434_946_600_000L);
        assertThat(Fields.parseTimestampMicros("1795434946")).isEqualTo(1_795_434_946_000_000L);
        assertThat(Fields.parseTimestampMicros("1795434946.1234567")).isEqualTo(1_795_434_946_123_456L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".5", "x1795434946.1", "1795434946.1x", "12345678901234.0"})
    void garbageTimestampsAreTheSentinel(String s) {
        assertThat(Fields.parseTimestampMicros(s)).isEqualTo(Fields.NO_LONG);
        assertThat(Fields.parseTimestampMicros(null)).isEqualTo(Fields.NO_LONG);
    }

    @Test
    void durationsAreHoursMinutesSeconds() {
        assertThat(Fields.parseHms("00:00:08")).isEqualTo(8);
        assertThat(Fields.parseHms("01:02:03")).isEqualTo(3723);
        assertThat(Fields.parseHms("45")).isEqualTo(45);
        assertThat(Fields.parseHms("")).isEqualTo(Fields.NO_INT);
        assertThat(Fields.parseHms("00::08")).isEqualTo(Fields.NO_INT);
        assertThat(Fields.parseHms("0a:00:08")).isEqualTo(Fields.NO_INT);
    }
}
