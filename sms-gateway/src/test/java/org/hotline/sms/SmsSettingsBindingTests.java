package org.hotline.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.hotline.sms.message.Gsm7Packing;
import org.hotline.sms.message.OutOfRangeRule;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsTextException;
import org.hotline.sms.outbox.OptOutScope;
import org.hotline.sms.outbox.SenderSettings;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.outbox.UnsettledPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Issue #17's settings bind from their documented names (as environment variables map to them). */
class SmsSettingsBindingTests {

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
    }

    @Test
    void theEncodingOptionsOfAdr0007AreSettingsAndEmojiAreKeptByDefault() {
        SmsEncodingProperties defaults = bind("hotline.sms.encoding", SmsEncodingProperties.class, Map.of());
        SmsEncodingProperties set = bind("hotline.sms.encoding", SmsEncodingProperties.class, Map.of(
                "hotline.sms.encoding.out-of-range", "reject", "hotline.sms.encoding.gsm7-packing", "packed",
                "hotline.sms.encoding.max-parts", "4"));

        assertThat(defaults.codecSettings().outOfRange()).isEqualTo(OutOfRangeRule.KEEP_AS_UTF16);
        assertThat(new SmsCodec(defaults.codecSettings()).count("停电\uD83D\uDE00").replaced()).isZero();
        assertThat(set.codecSettings().outOfRange()).isEqualTo(OutOfRangeRule.REJECT);
        assertThat(set.codecSettings().gsm7Packing()).isEqualTo(Gsm7Packing.PACKED);
        assertThat(set.codecSettings().maxParts()).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SmsCodec(set.codecSettings()).count("停电\uD83D\uDE00"))
                .isInstanceOf(SmsTextException.class);
    }

    @Test
    void thePolicyPerKindTheReceiptTimeoutAndTheOptOutScopeBind() {
        SenderSettings s = bind("hotline.sms.sender", SenderSettings.class, Map.of(
                "hotline.sms.sender.unsettled.arrears", "hold", "hotline.sms.sender.receipt-timeout", "72h",
                "hotline.sms.sender.opt-out-scope", "kind"));
        SenderSettings d = SenderSettings.defaults();

        assertThat(s.policy(SmsKind.ARREARS)).isEqualTo(UnsettledPolicy.HOLD);
        assertThat(s.policy(SmsKind.OUTAGE)).isEqualTo(UnsettledPolicy.RESEND);
        assertThat(s.receiptTimeout()).isEqualTo(Duration.ofHours(72));
        assertThat(s.optOutScope()).isEqualTo(OptOutScope.KIND);
        assertThat(d.optOutScope()).isEqualTo(OptOutScope.ALL);
        assertThat(d.receiptTimeout()).isEqualTo(Duration.ofHours(48));
        assertThat(SmsKind.values()).allSatisfy(k -> assertThat(d.policy(k)).isEqualTo(UnsettledPolicy.RESEND));
    }
}
