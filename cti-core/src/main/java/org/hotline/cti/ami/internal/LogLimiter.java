package org.hotline.cti.ami.internal;

/**
 * Lets at most {@code burst} log lines through per window and counts the rest, so a flood of bad input
 * cannot flood the log. Not thread-safe: one per thread.
 */
public final class LogLimiter {

    private final long windowNanos;
    private final int burst;
    private long windowStart;
    private int logged;
    private long suppressed;
    private boolean started;

    /** Creates a limiter of {@code burst} lines per {@code windowMillis}. */
    public LogLimiter(long windowMillis, int burst) {
        if (windowMillis < 1 || burst < 1) {
            throw new IllegalArgumentException("windowMillis: " + windowMillis + ", burst: " + burst
                    + " (expected: >= 1)");
        }
        this.windowNanos = windowMillis * 1_000_000L;
        this.burst = burst;
    }

    /**
     * Whether to log an occurrence at {@code nowNanos}: {@code -1} to skip it, else the number skipped since the
     * last line that was let through (to append to it).
     */
    public long tryAcquire(long nowNanos) {
        if (!started || nowNanos - windowStart >= windowNanos) {
            started = true;
            windowStart = nowNanos;
            logged = 0;
        }
        if (logged < burst) {
            logged++;
            long s = suppressed;
            suppressed = 0;
            return s;
        }
        suppressed++;
        return -1;
    }
}
