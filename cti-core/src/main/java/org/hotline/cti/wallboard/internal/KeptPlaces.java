package org.hotline.cti.wallboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hotline.cti.callback.RequestedCallback;
import org.hotline.cti.customer.LogMask;

/**
 * The waiting callers list with the callers who asked for a callback from the IVR (issue #16): they left the line but
 * keep their place in the queue, so they are listed among the callers still on the line, flagged {@code callback},
 * and every row is placed again by when its caller joined the queue. The booked callbacks are read at most once per
 * {@link #MAX_AGE} (a database query, not one per frame).
 */
public final class KeptPlaces {

    /** How long one reading of the booked callbacks serves. */
    public static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final Supplier<List<RequestedCallback>> source;
    private List<RequestedCallback> cached = List.of();
    private long readAtNanos;
    private boolean read;

    /** Booked callbacks from {@code source} (the open ones, oldest place first). */
    public KeptPlaces(Supplier<List<RequestedCallback>> source) {
        this.source = source;
    }

    /** The booked callbacks now, at most {@link #MAX_AGE} old; the last reading when the source fails. */
    public synchronized List<RequestedCallback> current() {
        if (!read || System.nanoTime() - readAtNanos > MAX_AGE.toNanos()) {
            try {
                cached = List.copyOf(source.get());
            } catch (RuntimeException e) {
                // the list goes on with the callers on the line; the next frame tries again
            }
            read = true;
            readAtNanos = System.nanoTime();
        }
        return cached;
    }

    /**
     * The frame's waiting callers with the booked callbacks added: every row gets {@code callback} (a caller on the line
     * whose call booked one is flagged too), positions are counted again per queue by the time the caller joined, and
     * the list is sorted longest wait first.
     */
    public static List<Map<String, Object>> merge(List<Map<String, Object>> live, List<RequestedCallback> kept,
                                                  Map<String, String> queueNames, Instant now) {
        Set<String> booked = kept.stream().map(RequestedCallback::callId).collect(Collectors.toSet());
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> onLine = new java.util.HashSet<>();
        for (Map<String, Object> row : live) {
            Map<String, Object> copy = new LinkedHashMap<>(row);
            copy.put("callback", booked.contains((String) row.get("callId")));
            onLine.add((String) row.get("callId"));
            rows.add(copy);
        }
        for (RequestedCallback c : kept) {
            if (onLine.contains(c.callId())) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("callId", c.callId());
            row.put("queue", c.queue());
            row.put("queueName", queueNames.getOrDefault(c.queue(), c.queue()));
            row.put("position", 0);
            row.put("queuedAt", c.queuedAt().toString());
            row.put("waitSeconds", Math.max(0, Duration.between(c.queuedAt(), now).toSeconds()));
            row.put("number", LogMask.phone(c.number()));
            row.put("name", null);
            row.put("identified", false);
            row.put("callback", true);
            rows.add(row);
        }
        Map<String, Integer> places = new HashMap<>();
        rows.stream().sorted(Comparator.comparing((Map<String, Object> r) -> Instant.parse((String) r.get("queuedAt"))))
                .forEach(r -> r.put("position", places.merge((String) r.get("queue"), 1, Integer::sum)));
        rows.sort(Comparator.comparing((Map<String, Object> r) -> ((Number) r.get("waitSeconds")).longValue())
                .reversed());
        return rows;
    }
}
