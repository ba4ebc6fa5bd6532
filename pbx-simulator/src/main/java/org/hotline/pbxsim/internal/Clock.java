package org.hotline.pbxsim.internal;

/** Wall-clock time for Timestamps and Uniqueids, and simulated time for durations (scaled by the speed factor). */
public final class Clock {

    private final double speed;
    private final long startNanos = System.nanoTime();

    /** A clock running {@code speed} times faster than real time for durations. */
    public Clock(double speed) {
        this.speed = speed;
    }

    /** The speed factor. */
    public double speed() {
        return speed;
    }

    /** Simulated nanoseconds since the simulator started. */
    public long simNanos() {
        return (long) ((System.nanoTime() - startNanos) * speed);
    }

    /** Real nanoseconds for a simulated duration. */
    public long realNanos(long simNanosValue) {
        return (long) (simNanosValue / speed);
    }

    /** Wall-clock epoch seconds. */
    public long epochSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    /** Wall-clock {@code epoch.micros}, the Timestamp format of {@code timestampevents=yes}. */
    public String timestamp() {
        java.time.Instant now = java.time.Instant.now();
        return format(now.getEpochSecond(), now.getNano() / 1000);
    }

    /** Formats seconds and microseconds as {@code 1795434946.607262}. */
    public static String format(long seconds, long micros) {
        String m = Long.toString(micros);
        return seconds + "." + "000000".substring(m.length()) + m;
    }
}
