package org.hotline.cti.wallboard.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.hotline.cti.wallboard.Kpis;
import org.hotline.cti.wallboard.QueueSample;

/** Additive counters of one queue over some interval; adding and subtracting buckets keeps sliding sums exact. */
public final class Totals {

    long answered;
    long abandoned;
    long unanswered;
    long answeredWithinT;
    long abandonedWithinT;
    long answeredWaitMillis;
    long talkCount;
    long talkMillis;
    long wrapCount;
    long wrapMillis;
    final Map<String, Long> answeredByAgent = new HashMap<>();

    /** Counts one sample; {@code serviceLevel} is the queue's T ("within T" means wait ≤ T, as app_queue). */
    public void add(QueueSample sample, Duration serviceLevel) {
        long millis = sample.duration().toMillis();
        boolean withinT = sample.duration().compareTo(serviceLevel) <= 0;
        switch (sample.kind()) {
            case ANSWERED -> {
                answered++;
                answeredWaitMillis += millis;
                if (withinT) {
                    answeredWithinT++;
                }
                if (sample.agent() != null) {
                    answeredByAgent.merge(sample.agent(), 1L, Long::sum);
                }
            }
            case ABANDONED -> {
                abandoned++;
                if (withinT) {
                    abandonedWithinT++;
                }
            }
            case UNANSWERED -> unanswered++;
            case TALK -> {
                talkCount++;
                talkMillis += millis;
            }
            case WRAPUP -> {
                wrapCount++;
                wrapMillis += millis;
            }
        }
    }

    /** Adds ({@code sign} 1) or removes ({@code sign} -1) another interval's counters. */
    public void merge(Totals other, int sign) {
        answered += sign * other.answered;
        abandoned += sign * other.abandoned;
        unanswered += sign * other.unanswered;
        answeredWithinT += sign * other.answeredWithinT;
        abandonedWithinT += sign * other.abandonedWithinT;
        answeredWaitMillis += sign * other.answeredWaitMillis;
        talkCount += sign * other.talkCount;
        talkMillis += sign * other.talkMillis;
        wrapCount += sign * other.wrapCount;
        wrapMillis += sign * other.wrapMillis;
        other.answeredByAgent.forEach((agent, n) -> {
            long left = answeredByAgent.getOrDefault(agent, 0L) + sign * n;
            if (left == 0) {
                answeredByAgent.remove(agent);
            } else {
                answeredByAgent.put(agent, left);
            }
        });
    }

    /** Each agent's answered calls in the interval, copied. */
    public Map<String, Long> answeredByAgent() {
        return Map.copyOf(answeredByAgent);
    }

    /** Calls this agent answered in the interval. */
    public long answeredBy(String agent) {
        return answeredByAgent.getOrDefault(agent, 0L);
    }

    /** The figures these counters give. */
    public Kpis kpis() {
        long offered = answered + abandoned + unanswered;
        int agents = answeredByAgent.size();
        return new Kpis(offered, answered, abandoned, unanswered,
                ratio(abandoned, offered),
                ratio(answeredWithinT, answered),
                ratio(answeredWithinT + abandonedWithinT, answered + abandoned),
                ratio(answeredWaitMillis / 1000.0, answered),
                ratio(talkMillis / 1000.0, talkCount),
                ratio(wrapMillis / 1000.0, wrapCount),
                agents,
                ratio(answered, agents));
    }

    private static Double ratio(double part, long whole) {
        return whole == 0 ? null : part / whole;
    }
}
