package org.hotline.cti.push.internal;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.push.Subscription;

/** What both buses share: this node's id and sequence, and delivery to this node's subscribers without a round trip. */
abstract class AbstractPushBus implements PushBus, AutoCloseable {

    private final String nodeId;
    private final LocalDispatcher local;
    private final AtomicLong sequence = new AtomicLong();

    AbstractPushBus(String nodeId, int subscriberQueueCapacity) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.local = new LocalDispatcher("hotline-push", subscriberQueueCapacity);
    }

    @Override
    public final String nodeId() {
        return nodeId;
    }

    // no lock: each publishing thread's order is kept (PushBus's contract), and a pop must not wait for a lock whose
    // holder, another publisher, was descheduled on a busy machine (issue #11)
    @Override
    public final void publish(PushMessage message) {
        Objects.requireNonNull(message, "message");
        local.deliver(message);
        sendToOtherNodes(message);
    }

    @Override
    public final PushMessage publish(String target, String type, String payload) {
        PushMessage message = new PushMessage(target, type, payload, nodeId, sequence.incrementAndGet());
        publish(message);
        return message;
    }

    @Override
    public final Subscription subscribe(Predicate<PushMessage> wanted, Consumer<PushMessage> handler, Runnable onGap) {
        return local.subscribe(wanted, handler, onGap);
    }

    /** Hands a message published on this node to the other nodes, without blocking. */
    abstract void sendToOtherNodes(PushMessage message);

    /** Delivers a message that arrived from another node to this node's subscribers. */
    final void deliverFromOtherNode(PushMessage message) {
        local.deliver(message);
    }

    final void signalGap() {
        local.signalGap();
    }

    @Override
    public void close() {
        local.close();
    }
}
