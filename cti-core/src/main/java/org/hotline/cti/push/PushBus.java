package org.hotline.cti.push;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Carries {@link PushMessage}s from the node that produced them to the subscribers on every node, this one
 * included. Delivery is at most once: a subscriber that may have missed messages is told through its gap callback
 * and rebuilds from {@link PopStore}.
 *
 * <p>Ordering: messages published from one thread of one node reach every subscriber in publish order. Handlers
 * run on the bus's own threads (never the caller's, never the Redis I/O thread), one message at a time per
 * subscription.
 */
public interface PushBus {

    /** This node's id, stamped as {@link PushMessage#origin()} by {@link #publish(String, String, String)}. */
    String nodeId();

    /**
     * Publishes a message without blocking on the network; failures are logged, never thrown, so the AMI consumer
     * is never held up by Redis.
     */
    void publish(PushMessage message);

    /** Stamps this node's id and next sequence number on a new message, publishes it and returns it. */
    PushMessage publish(String target, String type, String payload);

    /** Delivers every message to {@code handler}; same as {@link #subscribe(Consumer, Runnable)} without a gap callback. */
    default Subscription subscribe(Consumer<PushMessage> handler) {
        return subscribe(handler, () -> { });
    }

    /**
     * Delivers every message to {@code handler}, and calls {@code onGap} (on the same thread, after the messages
     * queued before it) when messages may have been lost: the bus reconnected to Redis, or the handler fell so far
     * behind that its queue overflowed. The subscriber then re-sends snapshots from {@link PopStore}.
     */
    default Subscription subscribe(Consumer<PushMessage> handler, Runnable onGap) {
        return subscribe(message -> true, handler, onGap);
    }

    /**
     * Delivers the messages {@code wanted} accepts to {@code handler}, as {@link #subscribe(Consumer, Runnable)}
     * does; the others are passed over on the publishing thread (cheap, not blocking), so a subscriber's thread is not
     * woken for them.
     */
    Subscription subscribe(Predicate<PushMessage> wanted, Consumer<PushMessage> handler, Runnable onGap);
}
