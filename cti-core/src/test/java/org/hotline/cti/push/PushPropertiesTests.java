package org.hotline.cti.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class PushPropertiesTests {

    @Test
    void defaultsAreInMemoryWithDocumentedValues() {
        PushProperties p = PushProperties.defaults();

        assertThat(p.usesRedis()).isFalse();
        assertThat(p.channel()).isEqualTo("hotline:push");
        assertThat(p.popKeyPrefix()).isEqualTo("hotline:pops:");
        assertThat(p.popTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(p.endedLinger()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.commandTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.reconnectMaxDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.subscriberQueueCapacity()).isEqualTo(10_000);
    }

    @Test
    void defaultNodeIdsDifferBetweenServersOnOneHost() {
        assertThat(PushProperties.defaults().nodeId()).isNotBlank().isNotEqualTo(PushProperties.defaults().nodeId());
    }

    @Test
    void everySettingBindsFromEnvironmentVariables() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", Map.of(
                "HOTLINE_PUSH_REDIS_URI", "redis://redis:6379/2",
                "HOTLINE_PUSH_NODE_ID", "node-b",
                "HOTLINE_PUSH_CHANNEL", "site1:push",
                "HOTLINE_PUSH_POP_KEY_PREFIX", "site1:pops:",
                "HOTLINE_PUSH_POP_TTL", "2h",
                "HOTLINE_PUSH_ENDED_LINGER", "10s",
                "HOTLINE_PUSH_COMMAND_TIMEOUT", "500ms",
                "HOTLINE_PUSH_RECONNECT_MAX_DELAY", "1s",
                "HOTLINE_PUSH_SUBSCRIBER_QUEUE_CAPACITY", "50")));

        PushProperties p = new Binder(ConfigurationPropertySources.get(env))
                .bind("hotline.push", PushProperties.class).get();

        assertThat(p).isEqualTo(new PushProperties("redis://redis:6379/2", "node-b", "site1:push", "site1:pops:",
                Duration.ofHours(2), Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(1), 50));
        assertThat(p.usesRedis()).isTrue();
    }

    @Test
    void nonPositiveDurationsAndCapacityAreRejected() {
        assertThatThrownBy(() -> new PushProperties(null, null, null, null, Duration.ZERO, null, null, null, null))
                .hasMessage("popTtl: PT0S (expected: > 0)");
        assertThatThrownBy(() -> new PushProperties(null, null, null, null, null, Duration.ofSeconds(-1), null, null, null))
                .hasMessage("endedLinger: PT-1S (expected: >= 0)");
        assertThatThrownBy(() -> new PushProperties(null, null, null, null, null, null, null, null, 0))
                .hasMessage("subscriberQueueCapacity: 0 (expected: >= 1)");
    }
}
