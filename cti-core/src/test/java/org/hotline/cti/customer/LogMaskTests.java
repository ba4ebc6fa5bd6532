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

    @Test
    void aNameKeepsOnlyItsFirstCharacter() {
        assertThat(LogMask.name("张三丰")).isEqualTo("张**");
        assertThat(LogMask.name("王")).isEqualTo("王*");
        assertThat(LogMask.name("𠀋一")).as("a character outside the BMP is one character").isEqualTo("𠀋*");
        assertThat(LogMask.name(null)).isEqualTo("-");
    }

    @Test
    void scrubMasksEveryMobileLandlineAndIdentityCardInALine() {
        assertThat(LogMask.scrub("MO from 13812345678 and +8613987654321: stop"))
                .isEqualTo("MO from 138****5678 and 139****4321: stop");
        assertThat(LogMask.scrub("called 0571-87654321 / 02155550000"))
                .isEqualTo("called 0571-****4321 / 021****0000");
        assertThat(LogMask.scrub("id 330106199001011234 ok")).isEqualTo("id 330106********1234 ok");
    }

    @Test
    void scrubLeavesIdsTimestampsAndCallIdsWhole() {
        String line = "2026-12-07T11:02:23.148Z call 1733550000.123 order 202612070001 at 1733550000123 port 42377";
        assertThat(LogMask.scrub(line)).isEqualTo(line);
    }

    @Test
    void scrubHidesTheValuesPostgreSqlRepeatsInItsErrors() {
        assertThat(LogMask.scrub("ERROR: new row violates check constraint \"x\"\n  Detail: Failing row contains"
                + " (7, 张三, 建设南路 12 号). Call getNextException"))
                .contains("Failing row contains (…). Call").doesNotContain("张三", "建设南路");
        assertThat(LogMask.scrub("Detail: Key (display_name)=(李四) already exists."))
                .isEqualTo("Detail: Key (display_name)=(…) already exists.");
    }
}
