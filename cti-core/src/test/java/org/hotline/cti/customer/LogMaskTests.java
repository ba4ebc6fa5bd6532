package org.hotline.cti.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogMaskTests {

    @Test
    void aMobileKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(LogMask.phone("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void aLandlineWithItsAreaCodeIsMaskedTheSameWay() {
        assertThat(LogMask.phone("02155550000")).isEqualTo("021****0000");
    }

    @Test
    void aShortNumberKeepsOnlyItsLastTwoDigits() {
        assertThat(LogMask.phone("95598")).isEqualTo("****98");
        assertThat(LogMask.phone("7")).isEqualTo("****7");
    }

    @Test
    void nothingGivesADash() {
        assertThat(LogMask.phone(null)).isEqualTo("-");
        assertThat(LogMask.phone("  ")).isEqualTo("-");
    }
}
