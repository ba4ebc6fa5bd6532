package org.hotline.cti.ami.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.hotline.cti.ami.AmiListener;
import org.hotline.cti.ami.AmiMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands frames from the Netty reader to the listener's own thread in batches, through an unbounded queue:
 * the reader never waits for the listener, because Asterisk drops a reader that stalls past {@code writetimeout}
 * (100 ms by default), and nothing is ever dropped here.
 */
public final class FrameDispatcher {

    private static final Logger log = LoggerFactory.getLogger(FrameDispatcher.class);

    /** Listener callbacks queued in order with the frames. */
    enum Marker { RESYNC_STARTED, RESYNC_FINISHED, DISCONNECTED, STOP }

    private final AmiListener listener;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong listenerErrors = new AtomicLong();
    private final LogLimiter errorLog = new LogLimiter(10_000, 5);
    // receivedNanos of the frame in the listener's hands, 0 when none: the head of the lag.
    private volatile long currentNanos;
    private volatile LongSupplier heldSinceNanos = () -> 0;

    /** Creates the dispatcher and its (not yet started) consumer thread named {@code threadName}. */
    public FrameDispatcher(AmiListener listener, String threadName) {
        this.listener = listener;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /** Starts the consumer thread. */
    public void start() {
        thread.start();
    }

    /** Counts one decoded frame; called by the reader for every frame, held or not. */
    public void countReceived() {
        received.lazySet(received.get() + 1);
    }

    /** Queues a batch of frames, which the dispatcher takes over; called on the reader thread only. */
    public void deliver(List<AmiMessage> batch) {
        if (!batch.isEmpty()) {
            queue.add(batch);
        }
    }

    /** Queues {@link AmiListener#onResyncStarted()}. */
    public void resyncStarted() {
        queue.add(Marker.RESYNC_STARTED);
    }

    /** Queues {@link AmiListener#onResyncFinished()}. */
    public void resyncFinished() {
        queue.add(Marker.RESYNC_FINISHED);
    }

    /** Queues {@link AmiListener#onDisconnected()}. */
    public void disconnected() {
        queue.add(Marker.DISCONNECTED);
    }

    /** Where the reader publishes the receive time of its oldest held frame (0 when none), for the lag gauge. */
    public void heldSince(LongSupplier nanos) {
        this.heldSinceNanos = nanos;
    }

    /** The receive time ({@link System#nanoTime()}) of the frame in the listener's hands, 0 when none is. */
    public long deliveringSince() {
        return currentNanos;
    }

    /** Frames counted by {@link #countReceived()}. */
    public long received() {
        return received.get();
    }

    /** Frames the listener has returned from. */
    public long delivered() {
        return delivered.get();
    }

    /** Exceptions the listener threw. */
    public long listenerErrors() {
        return listenerErrors.get();
    }

    /** Age of the oldest frame not yet delivered, {@link Duration#ZERO} when none waits. */
    public Duration oldestAge(long nowNanos) {
        long oldest = currentNanos;
        Object head = queue.peek();
        if (head instanceof List<?> batch && !batch.isEmpty()) {
            oldest = older(oldest, ((AmiMessage) batch.get(0)).receivedNanos());
        }
        oldest = older(oldest, heldSinceNanos.getAsLong());
        return oldest == 0 ? Duration.ZERO : Duration.ofNanos(Math.max(0, nowNanos - oldest));
    }

    /**
     * Lets the consumer deliver what is queued, then stops it; interrupts it after {@code timeout}.
     * Returns whether everything queued was delivered.
     */
    public boolean stop(Duration timeout) {
        queue.add(Marker.STOP);
        if (!thread.isAlive()) {
            return queue.size() <= 1;
        }
        try {
            thread.join(Math.max(1, timeout.toMillis()));
            if (thread.isAlive()) {
                log.warn("AMI listener still busy {} after close; interrupting it with {} frames undelivered",
                        timeout, received() - delivered());
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(1));
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long older(long a, long b) {
        if (a == 0) {
            return b;
        }
        return b == 0 || a - b < 0 ? a : b;
    }

    private void run() {
        try {
            for (;;) {
                Object item = queue.take();
                if (item instanceof List<?> batch) {
                    deliverBatch(batch);
                } else if (item == Marker.STOP) {
                    return;
                } else {
                    callback((Marker) item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliverBatch(List<?> batch) {
        long done = delivered.get();
        long last = 0;
        for (int i = 0, n = batch.size(); i < n; i++) {
            AmiMessage m = (AmiMessage) batch.get(i);
            long nanos = m.receivedNanos();
            if (nanos != last) {
                // Frames of one socket read share their receive time: one volatile write per read, not per frame.
                currentNanos = nanos;
                last = nanos;
            }
            try {
                listener.onMessage(m);
            } catch (RuntimeException e) {
                listenerFailed(m.eventName() != null ? m.eventName() : m.responseStatus(), e);
            }
            delivered.lazySet(++done);
        }
        currentNanos = 0;
    }

    private void callback(Marker marker) {
        try {
            switch (marker) {
                case RESYNC_STARTED -> listener.onResyncStarted();
                case RESYNC_FINISHED -> listener.onResyncFinished();
                case DISCONNECTED -> listener.onDisconnected();
                default -> throw new IllegalStateException("marker: " + marker);
            }
        } catch (RuntimeException e) {
            listenerFailed(marker.name(), e);
        }
    }

    private void listenerFailed(String what, RuntimeException e) {
        listenerErrors.incrementAndGet();
        long skipped = errorLog.tryAcquire(System.nanoTime());
        if (skipped >= 0) {
            log.error("AMI listener failed on {} ({} similar errors not logged)", what, skipped, e);
        }
    }
}
