package org.hotline.cti.wallboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.hotline.cti.wallboard.Kpis;
import org.hotline.cti.wallboard.QueueSample;

/**
 * Every queue's counters over today and the sliding last hour, plus per-agent answered calls today across queues;
 * pure (time comes only from the samples and {@link #advance}), not thread-safe.
 */
public final class Counters {

    /** The sliding window's length. */
    public static final Duration LAST_HOUR = Duration.ofMinutes(60);

    private final ZoneId zone;
    private final Function<String, Duration> serviceLevelOf;
    private final Map<String, PerQueue> queues = new TreeMap<>();
    private final DayCounter allQueuesToday;
    private Instant now;

    /** Counts in {@code zone}; {@code serviceLevelOf} gives each queue's T. */
    public Counters(ZoneId zone, Function<String, Duration> serviceLevelOf) {
        this.zone = zone;
        this.serviceLevelOf = serviceLevelOf;
        this.allQueuesToday = new DayCounter(zone);
    }

    /** Counts one sample in its queue's day and window. */
    public void add(QueueSample sample) {
        PerQueue q = queue(sample.queue());
        // T is read per sample: a changed queues.service_level_seconds applies from the next call on
        Duration serviceLevel = serviceLevelOf.apply(sample.queue());
        q.today.add(sample, serviceLevel);
        q.lastHour.add(sample, serviceLevel);
        allQueuesToday.add(sample, serviceLevel);
    }

    /** Moves every interval to {@code now}: the window slides, a new day starts at local midnight. */
    public void advance(Instant now) {
        this.now = now;
        for (PerQueue q : queues.values()) {
            q.today.advance(now);
            q.lastHour.advance(now);
        }
        allQueuesToday.advance(now);
    }

    /** Makes sure a queue is listed even before its first call. */
    public void ensure(String queue) {
        queue(queue);
    }

    /** The queues counted, by name. */
    public Iterable<String> queueNames() {
        return queues.keySet();
    }

    /** Whether this queue has been seen (reading an unseen one would add it to the wallboard). */
    public boolean knows(String queue) {
        return queues.containsKey(queue);
    }

    /** A queue's figures today. */
    public Kpis today(String queue) {
        return queue(queue).today.totals().kpis();
    }

    /** A queue's figures over the last 60 minutes. */
    public Kpis lastHour(String queue) {
        return queue(queue).lastHour.totals().kpis();
    }

    /** Calls an agent interface answered today, from any queue. */
    public long answeredToday(String agentInterface) {
        return allQueuesToday.totals().answeredBy(agentInterface);
    }

    /** A queue's T. */
    public Duration serviceLevel(String queue) {
        return serviceLevelOf.apply(queue);
    }

    /**
     * An immutable copy of what a frame reads, so the frame is built outside the lock the AMI delivery thread
     * needs to count (a 2,000-agent frame under that lock held back the next rings' screen-pops).
     */
    public Reading reading() {
        Map<String, Kpis> today = new TreeMap<>();
        Map<String, Kpis> lastHour = new TreeMap<>();
        Map<String, Duration> levels = new TreeMap<>();
        queues.forEach((name, q) -> {
            today.put(name, q.today.totals().kpis());
            lastHour.put(name, q.lastHour.totals().kpis());
            levels.put(name, serviceLevelOf.apply(name));
        });
        return new Reading(today, lastHour, levels, allQueuesToday.totals().answeredByAgent());
    }

    /** Every counted queue's figures and T, and each agent interface's answers today, as of one moment. */
    public record Reading(Map<String, Kpis> today, Map<String, Kpis> lastHour, Map<String, Duration> serviceLevels,
                          Map<String, Long> answeredToday) {

        private static final Kpis EMPTY = new Totals().kpis();

        /** Copies the maps, so the reading stays as it was. */
        public Reading {
            today = Map.copyOf(today);
            lastHour = Map.copyOf(lastHour);
            serviceLevels = Map.copyOf(serviceLevels);
            answeredToday = Map.copyOf(answeredToday);
        }

        /** The queues counted. */
        public Set<String> queueNames() {
            return today.keySet();
        }

        /** A queue's figures today (an empty queue's when not counted). */
        public Kpis today(String queue) {
            return today.getOrDefault(queue, EMPTY);
        }

        /** A queue's figures over the last 60 minutes. */
        public Kpis lastHour(String queue) {
            return lastHour.getOrDefault(queue, EMPTY);
        }

        /** A queue's T (30 s when not counted). */
        public Duration serviceLevel(String queue) {
            return serviceLevels.getOrDefault(queue, Duration.ofSeconds(30));
        }

        /** Calls an agent interface answered today, from any queue. */
        public long answeredToday(String agentInterface) {
            return answeredToday.getOrDefault(agentInterface, 0L);
        }
    }

    private PerQueue queue(String name) {
        PerQueue q = queues.get(name);
        if (q == null) {
            q = new PerQueue(new DayCounter(zone), new SlidingWindow(LAST_HOUR));
            if (now != null) {
                // a queue first seen now must not take an older sample's day as "today"
                q.today.advance(now);
                q.lastHour.advance(now);
            }
            queues.put(name, q);
        }
        return q;
    }

    private record PerQueue(DayCounter today, SlidingWindow lastHour) {
    }
}
