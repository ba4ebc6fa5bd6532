package org.hotline.cti.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.cti.push.internal.InMemoryPopStore;
import org.hotline.cti.push.internal.InMemoryPushBus;
import org.hotline.cti.push.internal.RedisPush;
import org.hotline.cti.testing.EmbeddedRedisSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class PushConfigurationIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PushConfiguration.class);

    @Test
    void withoutRedisUriTheAdaptersAreInMemoryAndThereIsNoRedisHealth() {
        runner.withPropertyValues("hotline.push.redis-uri=", "hotline.push.node-id=solo").run(ctx -> {
            assertThat(ctx).hasSingleBean(PushBus.class).hasSingleBean(PopStore.class)
                    .doesNotHaveBean(HealthIndicator.class).doesNotHaveBean(RedisPush.class);
            assertThat(ctx.getBean(PushBus.class)).isInstanceOf(InMemoryPushBus.class);
            assertThat(ctx.getBean(PushBus.class).nodeId()).isEqualTo("solo");
            assertThat(ctx.getBean(PopStore.class)).isInstanceOf(InMemoryPopStore.class);
        });
    }

    @Test
    void redisUriFromTheEnvironmentSelectsRedisWithAHealthIndicatorThatIsUp() {
        String channel = "test:push:" + UUID.randomUUID();
        runner.withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-env", Map.of(
                                "HOTLINE_PUSH_REDIS_URI", EmbeddedRedisSupport.shared().uri(),
                                "HOTLINE_PUSH_CHANNEL", channel))))
                .run(ctx -> {
                    assertThat(ctx).hasSingleBean(RedisPush.class).hasBean("redisPushHealthIndicator");
                    HealthIndicator health = ctx.getBean("redisPushHealthIndicator", HealthIndicator.class);
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    assertThat(health.health().getDetails()).containsEntry("channel", channel);

                    PushBus bus = ctx.getBean(PushBus.class);
                    List<PushMessage> got = new CopyOnWriteArrayList<>();
                    bus.subscribe(got::add);
                    PushMessage sent = bus.publish("1001", "pop", "{}");
                    await().atMost(WAIT).untilAsserted(() -> assertThat(got).containsExactly(sent));
                });
    }

    @Test
    void closingTheContextShutsTheRedisClientDown() {
        HealthIndicator[] health = new HealthIndicator[1];
        runner.withPropertyValues("hotline.push.redis-uri=" + EmbeddedRedisSupport.shared().uri())
                .run(ctx -> health[0] = ctx.getBean("redisPushHealthIndicator", HealthIndicator.class));

        assertThat(health[0].health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health[0].health().getDetails()).containsEntry("subscribed", false);
    }
}
