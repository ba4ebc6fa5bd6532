package org.hotline.cti.push.internal;

import org.hotline.cti.push.PushMessage;

/** The bus of a single-node installation: messages reach this JVM's subscribers only. */
public final class InMemoryPushBus extends AbstractPushBus {

    /** A bus for node {@code nodeId}, holding up to {@code subscriberQueueCapacity} messages per slow subscriber. */
    public InMemoryPushBus(String nodeId, int subscriberQueueCapacity) {
        super(nodeId, subscriberQueueCapacity);
    }

    @Override
    void sendToOtherNodes(PushMessage message) {
        // a single node has no others
    }
}
