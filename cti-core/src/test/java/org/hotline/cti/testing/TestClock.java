package org.hotline.cti.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests set and move by hand, shared by the modules' tests through cti-core's test jar. */
public final class TestClock extends Clock {

    private volatile Instant now;

    /** Starts at {@code start}. */
    public TestClock(Instant start) {
        this.now = start;
    }

    /** Sets the time. */
    public void set(Instant at) {
        now = at;
    }

    /** Moves the time on. */
    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("fixed to UTC");
    }
}
