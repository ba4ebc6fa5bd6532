package org.hotline.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.hotline.ivr.IvrProperties.CheckDigit;
import org.junit.jupiter.api.Test;

class IvrPropertiesTests {

    @Test
    void theLuhnCheckAcceptsValidNumbersOnlyAndNoneAcceptsAll() {
        assertThat(CheckDigit.LUHN.accepts("79927398713")).isTrue();
        assertThat(CheckDigit.LUHN.accepts("79927398710")).isFalse();
        assertThat(CheckDigit.LUHN.accepts("0")).as("one digit checks nothing").isFalse();
        assertThat(CheckDigit.NONE.accepts("79927398710")).isTrue();
    }

    @Test
    void badSettingsAreRefusedWithTheSettingAndWhatIsExpected() {
        IvrProperties d = IvrProperties.defaults();
        assertThatThrownBy(() -> new IvrProperties(true, "127.0.0.1", 70_000, d.allowedPeers(), 1, 10, d.readTimeout(),
                d.digitTimeout(), 3, 20, CheckDigit.NONE, 2, d.zone(), "repair")).hasMessage("port: 70000 (expected: 0..65535)");
        assertThatThrownBy(() -> new IvrProperties(true, "127.0.0.1", 0, d.allowedPeers(), 1, 10, d.readTimeout(),
                Duration.ofMillis(100), 3, 20, CheckDigit.NONE, 2, d.zone(), "repair")).hasMessageStartingWith("digitTimeout:");
        assertThatThrownBy(() -> new IvrProperties(true, "127.0.0.1", 0, d.allowedPeers(), 50, 10, d.readTimeout(),
                d.digitTimeout(), 3, 20, CheckDigit.NONE, 2, d.zone(), "repair")).hasMessageStartingWith("minThreads: 50");
    }
}
