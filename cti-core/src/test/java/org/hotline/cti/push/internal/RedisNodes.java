package org.hotline.cti.push.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hotline.cti.push.PushProperties;

/** Server nodes of one test, each with its own Redis client, sharing a channel and key prefix unique to the test. */
final class RedisNodes implements AutoCloseable {

    private final String redisUri;
    private final String channel = "test:push:" + UUID.randomUUID();
    private final String keyPrefix = "test:pops:" + UUID.randomUUID() + ":";
    private final List<RedisPush> nodes = new ArrayList<>();

    RedisNodes(String redisUri) {
        this.redisUri = redisUri;
    }

    RedisPush node(String nodeId, Clock clock) {
        RedisPush node = RedisPush.connect(properties(nodeId, 10_000), clock);
        nodes.add(node);
        return node;
    }

    PushProperties properties(String nodeId, int subscriberQueueCapacity) {
        return new PushProperties(redisUri, nodeId, channel, keyPrefix, Duration.ofHours(1), Duration.ofSeconds(30),
                Duration.ofSeconds(2), Duration.ofMillis(200), subscriberQueueCapacity);
    }

    String keyPrefix() {
        return keyPrefix;
    }

    @Override
    public void close() {
        nodes.forEach(RedisPush::close);
    }
}
