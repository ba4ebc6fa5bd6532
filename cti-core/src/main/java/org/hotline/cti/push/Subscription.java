package org.hotline.cti.push;

/** A handler's registration on a {@link PushBus}; closing it stops delivery to that handler. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    /** Stops delivery; messages already queued for the handler are dropped. Idempotent. */
    @Override
    void close();
}
