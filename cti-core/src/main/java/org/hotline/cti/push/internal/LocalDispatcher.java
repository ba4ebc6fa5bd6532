package org.hotline.cti.push.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.push.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands messages to this node's subscribers on the bus's own threads: one bounded queue per subscriber, drained by
 * one task at a time, so each subscriber sees messages in arrival order and a slow one holds up nobody else. A
 * message a subscriber does not want is not queued for it (no thread woken for it).
 */
final class LocalDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalDispatcher.class);

    /** Messages one drain task handles before yielding its thread to other subscribers. */
    private static final int BATCH = 256;

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService executor;
    private final int queueCapacity;

    LocalDispatcher(String threadPrefix, int queueCapacity) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity: " + queueCapacity + " (expected: >= 1)");
        }
        this.queueCapacity = queueCapacity;
        this.executor = Executors.newCachedThreadPool(daemonThreads(threadPrefix));
    }

    Subscription subscribe(Predicate<PushMessage> wanted, Consumer<PushMessage> handler, Runnable onGap) {
        Subscriber s = new Subscriber(Objects.requireNonNull(wanted, "wanted"), Objects.requireNonNull(handler,
                "handler"), Objects.requireNonNull(onGap, "onGap"), queueCapacity);
        subscribers.add(s);
        return s;
    }

    void deliver(PushMessage message) {
        for (Subscriber s : subscribers) {
            if (s.wanted.test(message)) {
                s.offer(message);
            }
        }
    }

    /** Tells every subscriber that messages may have been lost, once its queued messages are handled. */
    void signalGap() {
        for (Subscriber s : subscribers) {
            s.gap();
        }
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void close() {
        subscribers.forEach(Subscriber::close);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private final class Subscriber implements Subscription {

        private final Predicate<PushMessage> wanted;
        private final Consumer<PushMessage> handler;
        private final Runnable onGap;
        private final BlockingQueue<PushMessage> queue;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicBoolean gapPending = new AtomicBoolean();
        private volatile boolean closed;

        Subscriber(Predicate<PushMessage> wanted, Consumer<PushMessage> handler, Runnable onGap, int capacity) {
            this.wanted = wanted;
            this.handler = handler;
            this.onGap = onGap;
            this.queue = new LinkedBlockingQueue<>(capacity);
        }

        void offer(PushMessage m) {
            if (closed) {
                return;
            }
            if (!queue.offer(m) && gapPending.compareAndSet(false, true)) {
                log.warn("Push subscriber queue full: queueCapacity: {} (expected: the handler to keep up); dropping "
                        + "messages until it catches up, then signalling a gap", queueCapacity);
            }
            schedule();
        }

        void gap() {
            gapPending.set(true);
            schedule();
        }

        private void schedule() {
            if (!closed && scheduled.compareAndSet(false, true)) {
                try {
                    executor.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    scheduled.set(false); // the dispatcher is closing: nothing more is delivered
                }
            }
        }

        private void drain() {
            try {
                PushMessage m;
                for (int n = 0; n < BATCH && !closed && (m = queue.poll()) != null; n++) {
                    try {
                        handler.accept(m);
                    } catch (RuntimeException e) {
                        log.warn("Push handler failed on {} for {} (seq {} from {})", m.type(), m.target(), m.sequence(),
                                m.origin(), e);
                    }
                }
                if (!closed && queue.isEmpty() && gapPending.compareAndSet(true, false)) {
                    try {
                        onGap.run();
                    } catch (RuntimeException e) {
                        log.warn("Push gap handler failed", e);
                    }
                }
            } finally {
                scheduled.set(false);
                if (!closed && (!queue.isEmpty() || gapPending.get())) {
                    schedule();
                }
            }
        }

        @Override
        public void close() {
            closed = true;
            subscribers.remove(this);
            queue.clear();
        }
    }
}
