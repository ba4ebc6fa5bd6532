package org.hotline.desktop.pop.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.hotline.cti.push.PushMessage;

/**
 * Hands the messages for every desk to a thread of their own, so a pop never waits behind a send to 2,000 sessions
 * (issue #11); of a whole-state type only the newest not yet sent goes out.
 */
final class DeskBroadcasts implements AutoCloseable {

    private final Consumer<PushMessage> send;
    private final ExecutorService lane = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "desk-broadcasts");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, PushMessage> newest = new ConcurrentHashMap<>();

    /** Sends each message with {@code send} on the lane's thread. */
    DeskBroadcasts(Consumer<PushMessage> send) {
        this.send = send;
    }

    /** Queues {@code message}; a whole state replaces the one of its type still waiting. */
    void offer(PushMessage message) {
        try {
            if (!message.replacesEarlier()) {
                lane.execute(() -> send.accept(message));
            } else if (newest.put(message.type(), message) == null) {
                lane.execute(() -> {
                    PushMessage latest = newest.remove(message.type());
                    if (latest != null) {
                        send.accept(latest);
                    }
                });
            }
        } catch (RejectedExecutionException closed) {
            // shutting down: the desks reconnect to another node or after the restart, with a fresh snapshot
        }
    }

    /** Stops the lane; messages not yet sent are dropped. */
    @Override
    public void close() {
        lane.shutdownNow();
    }
}
