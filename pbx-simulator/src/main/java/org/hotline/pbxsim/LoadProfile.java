package org.hotline.pbxsim;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A stream of generated calls: a rate into some queues with outcome ratios and timing distributions, bounded by a
 * duration and/or a call count. All durations are simulated time (divided by the simulator's speed).
 *
 * @param callsPerSecond the arrival rate (calls are evenly spaced)
 * @param queues the queues calls go to, round robin
 * @param abandonRatio the share of callers who give up after {@code abandonAfter} whatever happens
 * @param noAnswerRatio the share of calls whose first agent lets it ring until the queue's timeout
 * @param ringTime how long an answering agent rings
 * @param talkTime how long answered calls talk
 * @param patience how long other callers wait in a queue before abandoning (when all agents are busy)
 * @param abandonAfter how long abandoning callers wait
 * @param duration stop placing calls after this long, or {@code null} for no time bound
 * @param maxCalls stop after placing this many calls, or 0 for no count bound
 * @param seed the random seed, for repeatable runs
 * @param callerNumbers the numbers callers call from, drawn at random (such as the demo customers' phones); empty
 *     means random mobiles
 */
public record LoadProfile(double callsPerSecond, List<String> queues, double abandonRatio, double noAnswerRatio,
        DurationRange ringTime, DurationRange talkTime, DurationRange patience, DurationRange abandonAfter,
        Duration duration, long maxCalls, long seed, List<String> callerNumbers) {

    /** Validates the fields. */
    public LoadProfile {
        queues = List.copyOf(queues);
        callerNumbers = List.copyOf(callerNumbers);
        Objects.requireNonNull(ringTime, "ringTime");
        Objects.requireNonNull(talkTime, "talkTime");
        Objects.requireNonNull(patience, "patience");
        Objects.requireNonNull(abandonAfter, "abandonAfter");
        if (!(callsPerSecond > 0)) {
            throw new IllegalArgumentException("callsPerSecond: " + callsPerSecond + " (expected: > 0)");
        }
        if (queues.isEmpty()) {
            throw new IllegalArgumentException("queues: [] (expected: at least one)");
        }
        if (abandonRatio < 0 || noAnswerRatio < 0 || abandonRatio + noAnswerRatio > 1) {
            throw new IllegalArgumentException("abandonRatio + noAnswerRatio: " + (abandonRatio + noAnswerRatio)
                    + " (expected: 0..1, each >= 0)");
        }
        if (duration == null && maxCalls <= 0) {
            throw new IllegalArgumentException("duration: null and maxCalls: " + maxCalls
                    + " (expected: at least one bound)");
        }
        if (maxCalls < 0) {
            throw new IllegalArgumentException("maxCalls: " + maxCalls + " (expected: >= 0)");
        }
    }

    /**
     * A profile with lab-like timings (ring 1–4 s, talk 5–12 s, patience 20–90 s, abandon after 5–15 s),
     * everyone answering, for a bounded time.
     */
    public static LoadProfile of(double callsPerSecond, Duration duration, String... queues) {
        return new LoadProfile(callsPerSecond, List.of(queues), 0, 0, DurationRange.ofSeconds(1, 4),
                DurationRange.ofSeconds(5, 12), DurationRange.ofSeconds(20, 90), DurationRange.ofSeconds(5, 15),
                duration, 0, 42, List.of());
    }

    /** This profile with outcome ratios (the rest answer). */
    public LoadProfile withRatios(double abandon, double noAnswer) {
        return new LoadProfile(callsPerSecond, queues, abandon, noAnswer, ringTime, talkTime, patience, abandonAfter,
                duration, maxCalls, seed, callerNumbers);
    }

    /** This profile with other timing distributions. */
    public LoadProfile withTimings(DurationRange ring, DurationRange talk, DurationRange patienceRange,
            DurationRange abandonRange) {
        return new LoadProfile(callsPerSecond, queues, abandonRatio, noAnswerRatio, ring, talk, patienceRange,
                abandonRange, duration, maxCalls, seed, callerNumbers);
    }

    /** This profile stopping after a call count as well. */
    public LoadProfile withMaxCalls(long value) {
        return new LoadProfile(callsPerSecond, queues, abandonRatio, noAnswerRatio, ringTime, talkTime, patience,
                abandonAfter, duration, value, seed, callerNumbers);
    }

    /** This profile with another random seed. */
    public LoadProfile withSeed(long value) {
        return new LoadProfile(callsPerSecond, queues, abandonRatio, noAnswerRatio, ringTime, talkTime, patience,
                abandonAfter, duration, maxCalls, value, callerNumbers);
    }

    /** This profile with callers drawn from these numbers (e.g. real customers, so pops find cards). */
    public LoadProfile withCallerNumbers(List<String> numbers) {
        return new LoadProfile(callsPerSecond, queues, abandonRatio, noAnswerRatio, ringTime, talkTime, patience,
                abandonAfter, duration, maxCalls, seed, numbers);
    }
}
