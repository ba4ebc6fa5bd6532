package org.hotline.smscsim;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * {@link SmscSimulator#dropWithoutResponses}: the next n submits are kept but not answered; once the n-th arrives (or
 * 2 s after the first) every connection is closed, then the held submits are released (their answers go nowhere).
 */
final class Muting {

    private final Object lock = new Object();
    private int muted;
    private CountDownLatch release = new CountDownLatch(0);

    void arm(int n) {
        synchronized (lock) {
            muted = n;
            release = new CountDownLatch(1);
        }
    }

    /** Called on a submit's request thread after it was kept: holds it while muted. */
    void holdIfMuted(Runnable dropConnections, Executor elsewhere) {
        CountDownLatch latch;
        synchronized (lock) {
            if (muted <= 0) {
                return;
            }
            muted--;
            latch = release;
            if (muted == 0) {
                // closed from another thread, then released: a muted submit must not answer before its connection is
                // gone, and jsmpp's close is best not run on the session's own request thread
                elsewhere.execute(() -> {
                    dropConnections.run();
                    latch.countDown();
                });
            }
        }
        try {
            if (!latch.await(2, TimeUnit.SECONDS)) {
                synchronized (lock) {
                    muted = 0;
                }
                dropConnections.run();
                latch.countDown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
