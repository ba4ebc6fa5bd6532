package org.hotline.sms.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hotline.sms.message.internal.TextDecoder;

/**
 * Joins the parts of received long messages by (source, reference, total, data_coding), in any order, ignoring
 * duplicates (also those arriving after completion, within the timeout), and gives up sets that stay incomplete longer
 * than the timeout. Units are joined before decoding, so a character a handset split across parts survives.
 * Thread-safe; time comes only from the injected clock.
 */
public final class Reassembler {

    private record Key(String source, int reference, int total, int dataCoding) {
    }

    private static final class PartSet {
        final byte[][] units;
        final Instant firstPartAt;
        int count;

        PartSet(int total, Instant firstPartAt) {
            this.units = new byte[total][];
            this.firstPartAt = firstPartAt;
        }
    }

    private record Completed(byte[][] units, Instant completedAt) {
    }

    private final Clock clock;
    private final Duration timeout;
    private final int maxPending;
    // insertion order is first-part order: the head is always the oldest set
    private final Map<Key, PartSet> pending = new LinkedHashMap<>();
    private final Map<Key, Completed> completed = new LinkedHashMap<>();
    private final List<IncompleteMessage> evicted = new ArrayList<>();
    private long duplicates;

    /**
     * A reassembler that gives up incomplete sets after {@code timeout} and holds at most {@code maxPending}.
     *
     * @param clock the time source
     * @param timeout how long after its first part a set may stay incomplete
     * @param maxPending the most incomplete sets held; beyond it the oldest is given up (bounded memory)
     */
    public Reassembler(Clock clock, Duration timeout, int maxPending) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending: " + maxPending + " (expected: >= 1)");
        }
        this.timeout = timeout;
        this.maxPending = maxPending;
    }

    /** Takes a part; returns the whole message when this part completes it (at once for an unsplit message). */
    public synchronized Optional<ReceivedMessage> accept(ReceivedPart part) {
        Instant now = clock.instant();
        if (!part.concatenated()) {
            return Optional.of(new ReceivedMessage(part.source(), part.dataCoding(), 0, 1, part.text(), now));
        }
        Key key = new Key(part.source(), part.reference(), part.total(), part.dataCoding());
        byte[] units = part.units();
        int index = part.sequence() - 1;
        Completed done = completed.get(key);
        if (done != null) {
            if (now.isBefore(done.completedAt().plus(timeout)) && Arrays.equals(done.units()[index], units)) {
                duplicates++;
                return Optional.empty();
            }
            completed.remove(key);
        }
        PartSet set = pending.get(key);
        if (set == null) {
            if (pending.size() >= maxPending) {
                Iterator<Map.Entry<Key, PartSet>> oldest = pending.entrySet().iterator();
                Map.Entry<Key, PartSet> entry = oldest.next();
                evicted.add(incomplete(entry.getKey(), entry.getValue(), IncompleteMessage.Reason.EVICTED));
                oldest.remove();
            }
            set = new PartSet(part.total(), now);
            pending.put(key, set);
        }
        if (set.units[index] != null) {
            duplicates++;
            return Optional.empty();
        }
        set.units[index] = units;
        if (++set.count < part.total()) {
            return Optional.empty();
        }
        pending.remove(key);
        completed.put(key, new Completed(set.units, now));
        if (completed.size() > maxPending) {
            completed.remove(completed.keySet().iterator().next());
        }
        return Optional.of(new ReceivedMessage(key.source(), key.dataCoding(), key.reference(), key.total(),
                TextDecoder.decode(key.dataCoding(), join(set.units)), set.firstPartAt));
    }

    /**
     * Gives up the sets whose first part is older than the timeout, and returns them with any evicted since; call it
     * periodically (e.g. every few seconds).
     */
    public synchronized List<IncompleteMessage> expire() {
        Instant now = clock.instant();
        List<IncompleteMessage> given = new ArrayList<>(evicted);
        evicted.clear();
        for (Iterator<Map.Entry<Key, PartSet>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, PartSet> entry = it.next();
            if (now.isBefore(entry.getValue().firstPartAt.plus(timeout))) {
                break;
            }
            given.add(incomplete(entry.getKey(), entry.getValue(), IncompleteMessage.Reason.TIMED_OUT));
            it.remove();
        }
        completed.values().removeIf(done -> !now.isBefore(done.completedAt().plus(timeout)));
        return given;
    }

    /** Incomplete sets held now. */
    public synchronized int pending() {
        return pending.size();
    }

    /** Parts ignored as duplicates so far. */
    public synchronized long duplicates() {
        return duplicates;
    }

    private static IncompleteMessage incomplete(Key key, PartSet set, IncompleteMessage.Reason reason) {
        List<Integer> received = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean gap = false;
        for (int i = 0; i < set.units.length; i++) {
            if (set.units[i] == null) {
                gap = true;
                continue;
            }
            if (gap) {
                text.append('…');
            }
            gap = false;
            received.add(i + 1);
            text.append(TextDecoder.decode(key.dataCoding(), set.units[i]));
        }
        if (gap) {
            text.append('…');
        }
        return new IncompleteMessage(key.source(), key.dataCoding(), key.reference(), key.total(), received,
                text.toString(), set.firstPartAt, reason);
    }

    private static byte[] join(byte[][] parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
