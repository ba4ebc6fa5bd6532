package org.hotline.pbxsim.internal;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.LoadProfile;
import org.hotline.pbxsim.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Places a profile's calls at its rate until its bound, then completes once the last of them has ended. */
public final class LoadGenerator {

    private static final Logger log = LoggerFactory.getLogger(LoadGenerator.class);

    private final Sim sim;
    private final CallEngine engine;
    private final LoadProfile profile;
    private final LoadCounters counters = new LoadCounters();
    private final CompletableFuture<LoadCounters> done = new CompletableFuture<>();
    private final SplittableRandom random;
    private final AtomicInteger live = new AtomicInteger();
    private final long intervalNanos;
    private long startSim;
    private long index;
    private volatile boolean stopped;

    /** A generator for one profile. */
    public LoadGenerator(Sim sim, CallEngine engine, LoadProfile profile) {
        this.sim = sim;
        this.engine = engine;
        this.profile = profile;
        this.random = new SplittableRandom(profile.seed());
        this.intervalNanos = (long) (1_000_000_000L / profile.callsPerSecond());
        for (String q : profile.queues()) {
            if (sim.queue(q) == null) {
                throw new IllegalArgumentException("queue: " + q + " (expected one of " + sim.queues.keySet() + ")");
            }
        }
    }

    /** The running counters. */
    public LoadCounters counters() {
        return counters;
    }

    /** Completes with the counters once placing has stopped and every placed call has ended. */
    public CompletableFuture<LoadCounters> done() {
        return done;
    }

    /** Starts placing calls. */
    public void start() {
        sim.execute(() -> {
            startSim = sim.clock.simNanos();
            log.info("load started: {} calls/s into {}", profile.callsPerSecond(), profile.queues());
            arrive();
        });
    }

    /** Stops placing calls; those already placed run to their end. */
    public void stop() {
        sim.execute(() -> {
            stopped = true;
            finishIfIdle();
        });
    }

    private void arrive() {
        if (stopped || boundReached()) {
            stopped = true;
            finishIfIdle();
            return;
        }
        String queue = profile.queues().get((int) (index % profile.queues().size()));
        Call call = engine.place(spec(queue), null, counters);
        index++;
        live.incrementAndGet();
        call.ended().whenComplete((r, e) -> {
            live.decrementAndGet();
            finishIfIdle();
        });
        // arrivals keep to the profile's schedule, not to when the previous arrival happened to run
        long nextDue = startSim + index * intervalNanos;
        sim.schedule(nextDue - sim.clock.simNanos(), this::arrive);
    }

    private boolean boundReached() {
        if (profile.maxCalls() > 0 && index >= profile.maxCalls()) {
            return true;
        }
        return profile.duration() != null && index * intervalNanos >= profile.duration().toNanos();
    }

    private CallSpec spec(String queue) {
        double roll = random.nextDouble();
        Outcome outcome;
        if (roll < profile.abandonRatio()) {
            outcome = new Outcome.Abandon(profile.abandonAfter().pick(random));
        } else if (roll < profile.abandonRatio() + profile.noAnswerRatio()) {
            outcome = new Outcome.NoAnswerThenAnswer(null, null, profile.ringTime().pick(random));
        } else {
            outcome = new Outcome.Answer(null, profile.ringTime().pick(random));
        }
        List<String> numbers = profile.callerNumbers();
        String number = numbers.isEmpty() ? "13" + (100_000_000L + random.nextLong(900_000_000L))
                : numbers.get(random.nextInt(numbers.size()));
        return CallSpec.of(number, queue).withOutcome(outcome).withTalkTime(profile.talkTime().pick(random))
                .withPatience(profile.patience().pick(random));
    }

    private void finishIfIdle() {
        if (stopped && live.get() == 0 && !done.isDone()) {
            log.info("load finished: placed {}, answered {}, abandoned {}", counters.placed.get(),
                    counters.answered.get(), counters.abandoned.get());
            done.complete(counters);
        }
    }
}
