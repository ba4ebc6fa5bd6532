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

    @Test
    void openingHoursBindFromTheEnvironmentAndDefaultToAroundTheClock() {
        IvrProperties bound = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(java.util.Map.of(
                        "hotline.ivr.hours.open", "22:00", "hotline.ivr.hours.close", "06:30",
                        "hotline.ivr.hours.days", "MONDAY,FRIDAY")))
                .bindOrCreate("hotline.ivr", IvrProperties.class);
        assertThat(bound.hours().open()).isEqualTo(java.time.LocalTime.of(22, 0));
        assertThat(bound.hours().close()).isEqualTo(java.time.LocalTime.of(6, 30));
        assertThat(bound.hours().days()).containsExactlyInAnyOrder(java.time.DayOfWeek.MONDAY,
                java.time.DayOfWeek.FRIDAY);
        IvrProperties defaults = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(java.util.Map.of()))
                .bindOrCreate("hotline.ivr", IvrProperties.class);
        assertThat(defaults.hours()).isEqualTo(IvrProperties.Hours.ALWAYS);
        assertThat(IvrProperties.defaults().hours()).isEqualTo(IvrProperties.Hours.ALWAYS);
    }
}
