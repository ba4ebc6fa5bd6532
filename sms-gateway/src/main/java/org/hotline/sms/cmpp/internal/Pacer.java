package org.hotline.sms.cmpp.internal;

import java.util.concurrent.TimeUnit;

/**
 * Spaces submits evenly at a rate and holds them all while the gateway asked for flow control (a twin of the SMPP
 * one: each protocol's internals stay its own).
 */
final class Pacer {

    private final long intervalNanos;
    private long next = System.nanoTime();
    private long pausedUntil;

    Pacer(int perSecond) {
        this.intervalNanos = 1_000_000_000L / perSecond;
    }

    void acquire() throws InterruptedException {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            long start = Math.max(Math.max(now, next), pausedUntil);
            next = start + intervalNanos;
            slot = start;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** After flow control: nobody sends for this long. */
    synchronized void pause(long millis) {
        pausedUntil = Math.max(pausedUntil, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
