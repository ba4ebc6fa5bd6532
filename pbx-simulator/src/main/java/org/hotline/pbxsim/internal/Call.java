package org.hotline.pbxsim.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import org.hotline.pbxsim.CallResult;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;

/** One generated queue call: its legs, where it is in its life, and the timers that move it on. */
public final class Call {

    /** Where the call is. */
    enum Phase { STARTING, WAITING, RINGING, RETRY, TALKING, HELD, CONSULT_RINGING, CONSULT_TALKING, TRANSFER_RINGING,
        TRANSFER_TALKING, AFTER_QUEUE, ENDED }

    /** How the agent offered in the current attempt behaves. */
    enum Ring { ANSWER, NEVER, HELD }

    final CallSpec spec;
    final String originateActionId;
    final LoadCounters counters;
    final CompletableFuture<CallResult> ended = new CompletableFuture<>();
    final CompletableFuture<String> ringing = new CompletableFuture<>();
    QueueState queue;
    SimChannel c1;
    SimChannel c2;
    SimChannel a1;
    SimChannel a2;
    Member member;
    Bridge bridge;
    Phase phase = Phase.STARTING;
    /** Simulated time as this call has lived it: advanced by planned delays, synced on outside triggers. */
    long simNow;
    long queueAppSim;
    long joinSim;
    long offerSim;
    long answerSim;
    int originalPosition;
    int attempt;
    final Set<String> excluded = new HashSet<>();
    ScheduledFuture<?> timer;
    ScheduledFuture<?> patienceTimer;
    long holdSeconds;
    String answeredIface;
    long talkSeconds;
    /** After a Redirect: the first queue's member and hold time, completed when the caller hangs up. */
    Member redirectedFrom;
    long redirectedHold;
    long redirectedAnswerSim;
    /** The agent ;2 priority when a ring was cancelled, for the Return out of its hang-up handler. */
    int cancelRingPriority;
    /** The device of a blind-transfer target. */
    AgentDevice transferDevice;
    /** The extension of a blind-transfer target. */
    String transferTarget;
    long transferAnswerSim;
    /** Atxfer: the consult legs to the target, the consult bridge, and whether the transferer already hung up. */
    SimChannel consult1;
    SimChannel consult2;
    Bridge consultBridge;
    boolean completeOnAnswer;

    Call(CallSpec spec, String originateActionId, LoadCounters counters, long simNow) {
        this.spec = spec;
        this.originateActionId = originateActionId;
        this.counters = counters;
        this.simNow = simNow;
    }

    /** The Linkedid (the first leg's Uniqueid), once originated. */
    public String linkedid() {
        return c1 == null ? null : c1.linkedid();
    }

    /** The queue caller leg ({@code ;2}), once originated. */
    public String callerChannel() {
        return c2 == null ? null : c2.name();
    }

    /** Completes with the result when the last leg hangs up. */
    public CompletableFuture<CallResult> ended() {
        return ended;
    }

    /** Completes with the member interface when an agent's phone first rings. */
    public CompletableFuture<String> ringing() {
        return ringing;
    }

    /** The agent that must take this attempt, or {@code null} for the queue's choice. */
    String directedAgent() {
        Outcome o = spec.outcome();
        if (o instanceof Outcome.Answer a) {
            return a.agent();
        } else if (o instanceof Outcome.NoAnswerThenAnswer n) {
            return attempt == 0 ? n.firstAgent() : n.answeringAgent();
        } else if (o instanceof Outcome.BlindTransfer b) {
            return b.agent();
        } else if (o instanceof Outcome.RingUntilTold r) {
            return r.agent();
        }
        return null;
    }

    /** How the agent offered now behaves. */
    Ring ringMode() {
        Outcome o = spec.outcome();
        if (o instanceof Outcome.Abandon) {
            return Ring.NEVER;
        } else if (o instanceof Outcome.NoAnswerThenAnswer) {
            return attempt == 0 ? Ring.NEVER : Ring.ANSWER;
        } else if (o instanceof Outcome.RingUntilTold) {
            return Ring.HELD;
        }
        return Ring.ANSWER;
    }

    /** How long the agent offered now rings before answering. */
    Duration ringTime() {
        Outcome o = spec.outcome();
        if (o instanceof Outcome.Answer a) {
            return a.ringTime();
        } else if (o instanceof Outcome.NoAnswerThenAnswer n) {
            return n.ringTime();
        } else if (o instanceof Outcome.BlindTransfer b) {
            return b.ringTime();
        }
        return Duration.ZERO;
    }

    /** How long the caller waits in the queue before giving up. */
    Duration patience() {
        return spec.outcome() instanceof Outcome.Abandon a ? a.after() : spec.patience();
    }

    /** Cancels the pending step timer. */
    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** Cancels the caller's give-up timer. */
    void cancelPatience() {
        if (patienceTimer != null) {
            patienceTimer.cancel(false);
            patienceTimer = null;
        }
    }

    /** Cancels every timer. */
    void cancelAll() {
        cancelTimer();
        cancelPatience();
    }

    /** Forgets the agent legs, member and bridge once the agent has left the call. */
    void detachAgent() {
        a1 = null;
        a2 = null;
        member = null;
        bridge = null;
    }

    /** Whole seconds between two simulated instants, as Asterisk's integer time differences. */
    static long seconds(long fromSim, long toSim) {
        return Math.max(0, (toSim - fromSim) / 1_000_000_000L);
    }

    /** Milliseconds between two simulated instants. */
    static long millis(long fromSim, long toSim) {
        return Math.max(0, (toSim - fromSim) / 1_000_000L);
    }
}
