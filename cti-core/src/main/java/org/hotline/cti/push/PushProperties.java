package org.hotline.cti.push;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How pops and other push messages travel between server nodes ({@code hotline.push.*}, or environment variables
 * such as {@code HOTLINE_PUSH_REDIS_URI}).
 *
 * @param redisUri                Redis to share through, e.g. {@code redis://:secret@redis:6379/0} or {@code rediss://…};
 *                                empty (default) keeps everything in this JVM, for a single node
 * @param nodeId                  this node's id, unique per running server; default: host name plus a random suffix
 * @param channel                 the pub/sub channel all nodes publish to and subscribe on; default {@code hotline:push}
 * @param popKeyPrefix            prefix of the per-agent pop hashes; default {@code hotline:pops:}
 * @param popTtl                  how long an agent's pops survive without any update, a safety net against pops left
 *                                behind by a node that died mid-call; default 12 hours
 * @param endedLinger             how long a pop that is no longer live stays in snapshots; default 30 seconds
 * @param commandTimeout          how long a snapshot read or a health check waits for Redis; default 2 seconds
 * @param reconnectMaxDelay       longest wait between two reconnect attempts to Redis; default 5 seconds
 * @param subscriberQueueCapacity messages held for one slow subscriber before it is told it has a gap; default 10000
 */
@ConfigurationProperties("hotline.push")
public record PushProperties(String redisUri, String nodeId, String channel, String popKeyPrefix, Duration popTtl,
                             Duration endedLinger, Duration commandTimeout, Duration reconnectMaxDelay,
                             Integer subscriberQueueCapacity) {

    /** Fills in the documented defaults and checks the values. */
    public PushProperties {
        redisUri = redisUri == null ? "" : redisUri.trim();
        nodeId = nodeId == null || nodeId.isBlank() ? defaultNodeId() : nodeId.trim();
        channel = channel == null || channel.isBlank() ? "hotline:push" : channel;
        popKeyPrefix = popKeyPrefix == null || popKeyPrefix.isBlank() ? "hotline:pops:" : popKeyPrefix;
        popTtl = positive("popTtl", popTtl, Duration.ofHours(12));
        endedLinger = endedLinger == null ? Duration.ofSeconds(30) : endedLinger;
        if (endedLinger.isNegative()) {
            throw new IllegalArgumentException("endedLinger: " + endedLinger + " (expected: >= 0)");
        }
        commandTimeout = positive("commandTimeout", commandTimeout, Duration.ofSeconds(2));
        reconnectMaxDelay = positive("reconnectMaxDelay", reconnectMaxDelay, Duration.ofSeconds(5));
        subscriberQueueCapacity = subscriberQueueCapacity == null ? 10_000 : subscriberQueueCapacity;
        if (subscriberQueueCapacity < 1) {
            throw new IllegalArgumentException("subscriberQueueCapacity: " + subscriberQueueCapacity + " (expected: >= 1)");
        }
    }

    /** The defaults, with the in-memory adapters. */
    public static PushProperties defaults() {
        return new PushProperties(null, null, null, null, null, null, null, null, null);
    }

    /** True when nodes share through Redis. */
    public boolean usesRedis() {
        return !redisUri.isEmpty();
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
        return value;
    }

    private static String defaultNodeId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "node";
            }
        }
        // two servers on one host (or a restarted one) must not share an id: receivers skip their own origin
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
