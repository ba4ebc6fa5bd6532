package org.hotline.workorder;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.push.Subscription;

/** A push bus that keeps what was published, for assertions, and hands it to subscribers on the publishing thread. */
final class RecordingPushBus implements PushBus {

    final List<PushMessage> published = new CopyOnWriteArrayList<>();
    private final List<Consumer<PushMessage>> handlers = new CopyOnWriteArrayList<>();
    private final String node;
    private final AtomicLong sequence = new AtomicLong();

    RecordingPushBus(String node) {
        this.node = node;
    }

    @Override
    public String nodeId() {
        return node;
    }

    @Override
    public void publish(PushMessage message) {
        published.add(message);
        handlers.forEach(h -> h.accept(message));
    }

    @Override
    public PushMessage publish(String target, String type, String payload) {
        PushMessage m = new PushMessage(target, type, payload, node, sequence.incrementAndGet());
        publish(m);
        return m;
    }

    @Override
    public Subscription subscribe(Predicate<PushMessage> wanted, Consumer<PushMessage> handler, Runnable onGap) {
        Consumer<PushMessage> filtered = m -> {
            if (wanted.test(m)) {
                handler.accept(m);
            }
        };
        handlers.add(filtered);
        return () -> handlers.remove(filtered);
    }
}
