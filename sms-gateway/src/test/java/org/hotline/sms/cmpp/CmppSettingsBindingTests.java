package org.hotline.sms.cmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hotline.sms.smpp.SmscProperties;
import org.hotline.sms.smpp.SmscProperties.Protocol;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A CMPP account is set by environment variables alone (README), and SMPP stays the default. */
class CmppSettingsBindingTests {

    private static SmscProperties fromEnvironment(Map<String, Object> variables) {
        StandardEnvironment env = new StandardEnvironment();
        // Spring maps HOTLINE_SMS_SMSC_0_PROTOCOL to hotline.sms.smsc[0].protocol only for the source of this name
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        return Binder.get(env).bindOrCreate("hotline.sms", SmscProperties.class);
    }

    @Test
    void aCmppAccountBindsFromEnvironmentVariables() {
        SmscProperties p = fromEnvironment(Map.of("HOTLINE_SMS_SMSC_0_HOST", "ismg.example", "HOTLINE_SMS_SMSC_0_PORT",
                "7890", "HOTLINE_SMS_SMSC_0_SYSTEM_ID", "901234", "HOTLINE_SMS_SMSC_0_PROTOCOL", "cmpp",
                "HOTLINE_SMS_SMSC_0_CMPP_VERSION", "2.0", "HOTLINE_SMS_SMSC_0_CMPP_SERVICE_ID", "HOTLINE",
                "HOTLINE_SMS_SMSC_0_CMPP_WINDOW", "8"));
        SmscProperties.Smsc smsc = p.smsc().get(0);
        assertThat(smsc.protocol()).isEqualTo(Protocol.CMPP);
        assertThat(smsc.cmpp().version()).isEqualTo("2.0");
        assertThat(smsc.cmpp().serviceId()).isEqualTo("HOTLINE");
        assertThat(smsc.cmpp().window()).isEqualTo(8);
        assertThat(smsc.cmpp().feeType()).isEqualTo("01");
        assertThat(smsc.cmpp().feeUserType()).isEqualTo(2);
        assertThat(smsc.messageIds().fromReceipt("13835058055282163713")).isEqualTo("13835058055282163713");
        assertThat(smsc.submitIdFormat()).isEqualTo(org.hotline.sms.message.MessageIdFormat.DECIMAL);
    }

    @Test
    void smppStaysTheDefaultAndAnUnknownCmppVersionIsRefusedAtStart() {
        SmscProperties.Smsc smpp = SmscProperties.Smsc.of("s", "h", 2775, "id", "pw");
        assertThat(smpp.protocol()).isEqualTo(Protocol.SMPP);
        assertThat(smpp.cmpp().version()).isEqualTo("3.0");
        assertThat(smpp.cmpp().window()).isEqualTo(16);
        assertThatThrownBy(() -> fromEnvironment(Map.of("HOTLINE_SMS_SMSC_0_HOST", "h",
                "HOTLINE_SMS_SMSC_0_SYSTEM_ID", "901234", "HOTLINE_SMS_SMSC_0_CMPP_VERSION", "4.0")))
                .isInstanceOf(BindException.class).hasRootCauseMessage(
                        "hotline.sms.smsc[].cmpp.version: 4.0 (expected: 2.0 or 3.0)");
    }
}
