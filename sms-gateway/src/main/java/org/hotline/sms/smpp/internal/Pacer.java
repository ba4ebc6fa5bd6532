package org.hotline.sms.smpp.internal;

import java.util.concurrent.TimeUnit;

/** Spaces submits evenly at a rate, and holds them all while the SMSC asked us to back off. */
final class Pacer {

    private final long intervalNanos;
    private long next = System.nanoTime();
    private volatile long pausedUntil;

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

    /** After ESME_RTHROTTLED: nobody sends for this long. */
    void pause(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (this) {
            pausedUntil = Math.max(pausedUntil, until);
        }
    }
}
