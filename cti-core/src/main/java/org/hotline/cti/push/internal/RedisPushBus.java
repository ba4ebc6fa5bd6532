package org.hotline.cti.push.internal;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.cti.push.PushMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus shared by several nodes through one Redis pub/sub channel: every node publishes to it and subscribes to
 * it, delivers its own messages locally at once, and skips their echo. Lettuce resubscribes after a reconnect; the
 * bus then signals a gap, because pub/sub does not replay what was published meanwhile.
 */
public final class RedisPushBus extends AbstractPushBus {

    private static final Logger log = LoggerFactory.getLogger(RedisPushBus.class);

    private final String channel;
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private final Listener listener = new Listener();
    private final AtomicLong subscribeConfirmations = new AtomicLong();
    private final ThrottledLog publishFailures = new ThrottledLog(log, 10, TimeUnit.SECONDS);
    private final ThrottledLog decodeFailures = new ThrottledLog(log, 10, TimeUnit.SECONDS);

    /**
     * Subscribes to {@code channel} on {@code subscriber} (waiting for Redis to confirm) and publishes through
     * {@code publisher}; the caller owns both connections and closes them after this bus.
     */
    public RedisPushBus(String nodeId, int subscriberQueueCapacity, String channel,
                        StatefulRedisConnection<String, String> publisher,
                        StatefulRedisPubSubConnection<String, String> subscriber) {
        super(nodeId, subscriberQueueCapacity);
        this.channel = Objects.requireNonNull(channel, "channel");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
        subscriber.addListener(listener);
        subscriber.sync().subscribe(channel);
    }

    /** True while the subscribing connection is up (it resubscribes by itself once Redis is back). */
    public boolean connected() {
        return subscriber.isOpen();
    }

    @Override
    void sendToOtherNodes(PushMessage message) {
        String wire = WireFormat.encode(nodeId(), message);
        try {
            publisher.async().publish(channel, wire).whenComplete((receivers, failure) -> {
                if (failure != null) {
                    publishFailures.warn("Push publish to Redis failed (other nodes miss it until their next gap)",
                            failure);
                }
            });
        } catch (RedisException e) {
            // Lettuce refuses at once when its request queue is full while disconnected
            publishFailures.warn("Push publish to Redis refused", e);
        }
    }

    @Override
    public void close() {
        subscriber.removeListener(listener);
        if (subscriber.isOpen()) {
            try {
                subscriber.sync().unsubscribe(channel);
            } catch (RedisException e) {
                log.debug("Unsubscribe from {} failed while closing", channel, e);
            }
        }
        super.close();
    }

    /** Runs on the Redis I/O thread: decode and queue only. */
    private final class Listener extends RedisPubSubAdapter<String, String> {

        @Override
        public void message(String ch, String text) {
            if (!channel.equals(ch)) {
                return;
            }
            try {
                WireFormat.Wire wire = WireFormat.decode(text);
                if (!nodeId().equals(wire.publisher())) {
                    deliverFromOtherNode(WireFormat.message(wire));
                }
            } catch (RuntimeException e) {
                decodeFailures.warn("Push message on " + channel + " is not readable, skipped", e);
            }
        }

        @Override
        public void subscribed(String ch, long count) {
            if (channel.equals(ch) && subscribeConfirmations.incrementAndGet() > 1) {
                log.info("Push channel {} resubscribed after a Redis reconnect; subscribers resync", channel);
                signalGap();
            }
        }
    }
}
