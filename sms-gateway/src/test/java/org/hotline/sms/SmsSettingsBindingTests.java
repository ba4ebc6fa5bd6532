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

    @Test
    void routingSettingsBindFromTheirEnvironmentVariables() {
        Map<String, Object> env = Map.of(
                "HOTLINE_SMS_SMSC_0_HOST", "cmpp.example", "HOTLINE_SMS_SMSC_0_SYSTEM_ID", "u1",
                "HOTLINE_SMS_SMSC_0_NAME", "cmcc", "HOTLINE_SMS_SMSC_0_CARRIER", "中国移动",
                "HOTLINE_SMS_SMSC_0_PREFIXES", "134-136,147", "HOTLINE_SMS_SMSC_0_PRIORITY", "2",
                "HOTLINE_SMS_SMSC_0_SOURCE_ADDRESS", "10690001", "HOTLINE_SMS_SMSC_0_SIGNATURE", "【某供电】",
                "HOTLINE_SMS_SMSC_0_SIGNATURE_PLACEMENT", "end", "HOTLINE_SMS_EXTENSIONS_WORKORDER", "33");
        Binder binder = new Binder(org.springframework.boot.context.properties.source.ConfigurationPropertySources
                .from(new org.springframework.core.env.SystemEnvironmentPropertySource("systemEnvironment", env)));
        org.hotline.sms.smpp.SmscProperties.Smsc a = binder.bindOrCreate("hotline.sms",
                org.hotline.sms.smpp.SmscProperties.class).smsc().get(0);
        org.hotline.sms.outbox.SourceExtensions ext = binder.bindOrCreate("hotline.sms.extensions",
                org.hotline.sms.outbox.SourceExtensions.class);

        assertThat(a.prefixes()).containsExactly("134", "135", "136", "147");
        assertThat(a.priority()).isEqualTo(2);
        assertThat(a.carrier()).isEqualTo("中国移动");
        assertThat(a.signature()).isEqualTo("【某供电】");
        assertThat(a.signaturePlacement()).isEqualTo(org.hotline.sms.route.SignaturePlacement.END);
        assertThat(a.extendedSource()).isTrue(); // a 106 code
        assertThat(ext.of(SmsKind.WORK_ORDER)).isEqualTo("33");
        assertThat(ext.of(SmsKind.OUTAGE)).isEqualTo("02");
        assertThat(ext.kindOf("33")).contains(SmsKind.WORK_ORDER);
    }

    @Test
    void anAccountWithoutRoutingSettingsTakesAnyNumberFromItsOwnCodeWithoutExtension() {
        org.hotline.sms.smpp.SmscProperties.Smsc a = org.hotline.sms.smpp.SmscProperties.Smsc.of("smsc", "h", 2775,
                "u", "p");
        assertThat(a.prefixes()).isEmpty();
        assertThat(a.priority()).isZero();
        assertThat(a.carrier()).isEqualTo("smsc");
        assertThat(a.sourceAddress()).isEqualTo("95598");
        assertThat(a.extendedSource()).isFalse();
        assertThat(a.signature()).isNull();
        assertThat(a.signaturePlacement()).isEqualTo(org.hotline.sms.route.SignaturePlacement.START);
    }
}
