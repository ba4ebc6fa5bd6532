package org.hotline.cti.push.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hotline.cti.push.PopStore;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Owns the Redis client of the push capability: one command connection (publishing and pops) and one pub/sub
 * connection, both reconnecting by themselves, and the bus, store and health indicator built on them.
 */
public final class RedisPush implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisPush.class);

    /** Commands held while Redis is away; beyond this they fail at once instead of filling the heap. */
    private static final int REQUEST_QUEUE_SIZE = 10_000;

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final RedisPushBus bus;
    private final RedisPopStore store;
    private final RedisPushHealthIndicator health;
    private boolean closed;

    private RedisPush(PushProperties properties, Clock clock) {
        RedisURI uri = RedisURI.create(properties.redisUri());
        uri.setTimeout(properties.commandTimeout());
        resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), properties.reconnectMaxDelay(), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .requestQueueSize(REQUEST_QUEUE_SIZE)
                .socketOptions(SocketOptions.builder().connectTimeout(properties.commandTimeout()).keepAlive(true).build())
                .build());
        StatefulRedisConnection<String, String> c = null;
        StatefulRedisPubSubConnection<String, String> p = null;
        try {
            c = client.connect(StringCodec.UTF8);
            p = client.connectPubSub(StringCodec.UTF8);
            bus = new RedisPushBus(properties.nodeId(), properties.subscriberQueueCapacity(), properties.channel(), c, p);
        } catch (RuntimeException e) {
            closeQuietly(p);
            closeQuietly(c);
            client.shutdown();
            resources.shutdown();
            throw e;
        }
        commands = c;
        pubSub = p;
        store = new RedisPopStore(commands, properties.popKeyPrefix(), properties.popTtl(), properties.endedLinger(), clock);
        health = new RedisPushHealthIndicator(commands, bus, uri, properties);
        log.info("Push via Redis {}:{} channel {} as node {}", uri.getHost(), uri.getPort(), properties.channel(),
                properties.nodeId());
    }

    /**
     * Connects to {@code properties.redisUri()} and subscribes, failing at once when Redis cannot be reached (so a
     * misconfigured node does not start); later outages are ridden out by reconnecting.
     */
    public static RedisPush connect(PushProperties properties, Clock clock) {
        if (!properties.usesRedis()) {
            throw new IllegalArgumentException("redisUri: '' (expected: redis://host:port)");
        }
        return new RedisPush(properties, clock);
    }

    /** The bus on this client. */
    public PushBus bus() {
        return bus;
    }

    /** The pop store on this client. */
    public PopStore store() {
        return store;
    }

    /** Reports whether Redis answers and the channel subscription is up. */
    public HealthIndicator health() {
        return health;
    }

    /** Unsubscribes, closes both connections and shuts the client and its threads down. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        bus.close();
        closeQuietly(pubSub);
        closeQuietly(commands);
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            log.debug("Closing {} failed", c, e);
        }
    }
}
