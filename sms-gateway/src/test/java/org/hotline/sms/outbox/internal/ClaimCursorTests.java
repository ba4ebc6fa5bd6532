package org.hotline.sms.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where the sender's claims start: after the last claimed message, at the head again after a short claim or 1 s. */
class ClaimCursorTests {

    private static final Instant T = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void aFreshCursorStartsAtTheHead() {
        assertThat(new ClaimCursor(0).next(0)).isEqualTo(ClaimCursor.Position.HEAD);
    }

    @Test
    void aFullClaimMovesTheCursorPastItsLatestMessageWhateverTheRowOrder() {
        ClaimCursor cursor = new ClaimCursor(0);
        cursor.claimed(List.of(claimed(7, T.plusSeconds(1)), claimed(9, T.plusSeconds(1)), claimed(8, T)), 3, 10);
        assertThat(cursor.next(20)).isEqualTo(new ClaimCursor.Position(T.plusSeconds(1), 9));
    }

    @Test
    void aShortClaimReachedTheEndSoTheNextStartsAtTheHead() {
        ClaimCursor cursor = new ClaimCursor(0);
        cursor.claimed(claims(64), 64, 10);
        cursor.claimed(claims(3), 64, 20);
        assertThat(cursor.next(30)).isEqualTo(ClaimCursor.Position.HEAD);
    }

    @Test
    void aSecondAfterTheLastRestartTheNextClaimStartsAtTheHeadForMessagesQueuedBehindTheCursor() {
        ClaimCursor cursor = new ClaimCursor(0);
        cursor.claimed(claims(64), 64, 10);
        assertThat(cursor.next(ClaimCursor.RESTART_EVERY_NANOS - 1)).isNotEqualTo(ClaimCursor.Position.HEAD);
        assertThat(cursor.next(ClaimCursor.RESTART_EVERY_NANOS)).isEqualTo(ClaimCursor.Position.HEAD);
    }

    private static List<Claimed> claims(int n) {
        List<Claimed> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(claimed(i, T));
        }
        return out;
    }

    private static Claimed claimed(long id, Instant notBefore) {
        return new Claimed(id, "13900000000", "text", 1, Set.of(), null, null, notBefore);
    }
}
