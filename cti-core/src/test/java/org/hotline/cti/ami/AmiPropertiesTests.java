package org.hotline.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class AmiPropertiesTests {

    private static AmiProperties bindEnvironment(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("hotline.ami", AmiProperties.class);
    }

    @Test
    void unboundPropertiesHaveTheDocumentedDefaults() {
        AmiProperties bound = bindEnvironment(Map.of());
        assertThat(bound).usingRecursiveComparison().isEqualTo(AmiProperties.defaults());
        assertThat(bound.host()).isEqualTo("127.0.0.1");
        assertThat(bound.port()).isEqualTo(5038);
        assertThat(bound.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bound.reconnectMin()).isEqualTo(Duration.ofMillis(500));
        assertThat(bound.reconnectMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(bound.maxLineLength()).isEqualTo(8192);
        assertThat(bound.maxFieldsPerFrame()).isEqualTo(1024);
        assertThat(bound.pingInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(bound.resyncEnabled()).isTrue();
        assertThat(bound.enabled()).isTrue();
        assertThat(bound.hasCredentials()).isFalse();
    }

    @Test
    void everySettingBindsFromEnvironmentVariables() {
        AmiProperties bound = bindEnvironment(Map.of("HOTLINE_AMI_HOST", "pbx.example", "HOTLINE_AMI_PORT", "15038",
                "HOTLINE_AMI_USERNAME", "hotline", "HOTLINE_AMI_SECRET", "s3cret",
                "HOTLINE_AMI_RECONNECTMAX", "1m", "HOTLINE_AMI_PINGINTERVAL", "5s",
                "HOTLINE_AMI_MAXLINELENGTH", "4096", "HOTLINE_AMI_RESYNCENABLED", "false"));
        assertThat(bound.host()).isEqualTo("pbx.example");
        assertThat(bound.port()).isEqualTo(15038);
        assertThat(bound.username()).isEqualTo("hotline");
        assertThat(bound.secret()).isEqualTo("s3cret");
        assertThat(bound.reconnectMax()).isEqualTo(Duration.ofMinutes(1));
        assertThat(bound.pingInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bound.maxLineLength()).isEqualTo(4096);
        assertThat(bound.resyncEnabled()).isFalse();
        assertThat(bound.toString()).doesNotContain("s3cret");
    }

    @Test
    void invalidValuesNameTheSettingAndTheLimit() {
        assertThatThrownBy(() -> AmiProperties.defaults().withEndpoint("pbx", 0))
                .hasMessage("hotline.ami.port: 0 (expected: 1..65535)");
        assertThatThrownBy(() -> AmiProperties.defaults().withReconnect(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessage("hotline.ami.reconnect-max: PT1S (expected: >= reconnect-min PT5S)");
        assertThatThrownBy(() -> AmiProperties.defaults().withTimings(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1))).hasMessage("hotline.ami.ping-interval: PT0S (expected: > 0)");
    }
}
