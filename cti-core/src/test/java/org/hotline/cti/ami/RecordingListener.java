package org.hotline.cti.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Records what an {@link AmiConnection} delivers, frames and callbacks in one ordered list, and on which thread. */
final class RecordingListener implements AmiListener {

    static final String RESYNC_STARTED = "onResyncStarted";
    static final String RESYNC_FINISHED = "onResyncFinished";
    static final String DISCONNECTED = "onDisconnected";

    private final List<Object> log = new ArrayList<>();
    private volatile String threadName;
    private volatile CountDownLatch gate;

    /** Makes the listener block on its first event until {@code latch} opens. */
    RecordingListener blockOn(CountDownLatch latch) {
        this.gate = latch;
        return this;
    }

    @Override
    public void onMessage(AmiMessage message) {
        threadName = Thread.currentThread().getName();
        CountDownLatch g = gate;
        if (g != null && message.isEvent()) {
            try {
                g.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        add(message);
    }

    @Override
    public void onResyncStarted() {
        add(RESYNC_STARTED);
    }

    @Override
    public void onResyncFinished() {
        add(RESYNC_FINISHED);
    }

    @Override
    public void onDisconnected() {
        add(DISCONNECTED);
    }

    private synchronized void add(Object o) {
        log.add(o);
    }

    /** Frames and callback names, in delivery order. */
    synchronized List<Object> entries() {
        return new ArrayList<>(log);
    }

    /** Only the frames, in delivery order. */
    synchronized List<AmiMessage> frames() {
        return log.stream().filter(AmiMessage.class::isInstance).map(AmiMessage.class::cast).toList();
    }

    /** Each entry as a short label: {@code E:Name}, {@code R:Status}, or the callback name. */
    synchronized List<String> labels() {
        return log.stream().map(o -> o instanceof AmiMessage m
                ? (m.isEvent() ? "E:" + m.eventName() : m.isResponse() ? "R:" + m.responseStatus() : "F:" + m.name(0))
                : (String) o).toList();
    }

    synchronized long count(String callback) {
        return log.stream().filter(callback::equals).count();
    }

    synchronized int size() {
        return log.size();
    }

    String threadName() {
        return threadName;
    }
}
