package org.hotline.cti.push;

import java.time.Clock;
import org.hotline.cti.push.internal.InMemoryPopStore;
import org.hotline.cti.push.internal.InMemoryPushBus;
import org.hotline.cti.push.internal.RedisPush;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Creates the {@link PushBus} and {@link PopStore} from {@link PushProperties}: in-memory when
 * {@code hotline.push.redis-uri} is empty, otherwise on Redis, with a {@code redisPush} health indicator and the
 * Redis client shut down when the context closes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PushProperties.class)
public class PushConfiguration {

    /** Hands every new pop version to the store and the bus, whichever adapters they are. */
    @Bean
    public PopPublisher popPublisher(PopStore popStore, PushBus pushBus) {
        return new PopPublisher(popStore, pushBus);
    }

    /** The adapters of a single node. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(WithoutRedis.class)
    static class InMemory {

        @Bean(destroyMethod = "close")
        InMemoryPushBus pushBus(PushProperties properties) {
            return new InMemoryPushBus(properties.nodeId(), properties.subscriberQueueCapacity());
        }

        @Bean
        InMemoryPopStore popStore(PushProperties properties) {
            return new InMemoryPopStore(properties.popTtl(), properties.endedLinger(), Clock.systemUTC());
        }
    }

    /** The adapters shared by several nodes through Redis. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(WithRedis.class)
    static class OnRedis {

        @Bean(destroyMethod = "close")
        RedisPush redisPushClient(PushProperties properties) {
            return RedisPush.connect(properties, Clock.systemUTC());
        }

        // the client bean closes what these are built on
        @Bean(destroyMethod = "")
        PushBus pushBus(RedisPush redis) {
            return redis.bus();
        }

        @Bean(destroyMethod = "")
        PopStore popStore(RedisPush redis) {
            return redis.store();
        }

        @Bean
        HealthIndicator redisPushHealthIndicator(RedisPush redis) {
            return redis.health();
        }
    }

    /** True when {@code hotline.push.redis-uri} has text, in any relaxed form (such as {@code HOTLINE_PUSH_REDIS_URI}). */
    static class WithRedis implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("hotline.push.redis-uri", String.class)
                    .map(s -> !s.isBlank()).orElse(false);
        }
    }

    /** The opposite of {@link WithRedis}. */
    static class WithoutRedis extends WithRedis {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
