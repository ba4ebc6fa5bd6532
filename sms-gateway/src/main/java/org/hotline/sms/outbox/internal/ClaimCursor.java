package org.hotline.sms.outbox.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where the sender's next claim starts in the due index: just after the last message it claimed, and back at the
 * queue's head when a claim came back short or a second has passed (ADR 0038).
 */
final class ClaimCursor {

    /** A place in the due index's order ({@code not_before}, {@code id}). */
    record Position(Instant notBefore, long id) {
        /** Before every message. */
        static final Position HEAD = new Position(null, 0);
    }

    /** At most this long between restarts from the head: what a message queued behind the cursor may wait. */
    static final long RESTART_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private Position after = Position.HEAD;
    private long startedAt;

    ClaimCursor(long nowNanos) {
        this.startedAt = nowNanos;
    }

    /** Where the claim made at {@code nowNanos} starts. */
    Position next(long nowNanos) {
        if (nowNanos - startedAt >= RESTART_EVERY_NANOS) {
            restart(nowNanos);
        }
        return after;
    }

    /** Moves past {@code claimed}; a claim shorter than {@code asked} reached the end, so the next one restarts. */
    void claimed(List<Claimed> claimed, int asked, long nowNanos) {
        if (claimed.size() < asked) {
            restart(nowNanos);
            return;
        }
        for (Claimed m : claimed) {
            if (later(m.notBefore(), m.id(), after)) {
                after = new Position(m.notBefore(), m.id());
            }
        }
    }

    private void restart(long nowNanos) {
        after = Position.HEAD;
        startedAt = nowNanos;
    }

    private static boolean later(Instant notBefore, long id, Position than) {
        if (than.notBefore() == null) {
            return true;
        }
        int c = notBefore.compareTo(than.notBefore());
        return c > 0 || c == 0 && id > than.id();
    }
}
