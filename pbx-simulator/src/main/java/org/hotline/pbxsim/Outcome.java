package org.hotline.pbxsim;

import java.time.Duration;
import java.util.Objects;

/** How a generated call ends; agents are named by extension ({@code 1001}), {@code null} lets the queue choose. */
public sealed interface Outcome {

    /**
     * An agent answers after the ring time (capture 01).
     *
     * @param agent the extension that must take the call, or {@code null} for the queue's choice
     * @param ringTime how long the agent's phone rings before it answers
     */
    record Answer(String agent, Duration ringTime) implements Outcome {
        /** Validates the ring time. */
        public Answer {
            requireNonNegative(ringTime, "ringTime");
        }
    }

    /**
     * The caller hangs up after waiting in the queue; agents offered meanwhile ring and are cancelled (capture 02).
     *
     * @param after how long the caller waits in the queue
     */
    record Abandon(Duration after) implements Outcome {
        /** Validates the wait. */
        public Abandon {
            requireNonNegative(after, "after");
        }
    }

    /**
     * The first agent rings until the queue's timeout (AgentRingNoAnswer), then another answers (capture 03).
     *
     * @param firstAgent the extension that does not answer, or {@code null} for the queue's choice
     * @param answeringAgent the extension that answers, or {@code null} for the queue's next choice
     * @param ringTime how long the answering agent rings
     */
    record NoAnswerThenAnswer(String firstAgent, String answeringAgent, Duration ringTime) implements Outcome {
        /** Validates the ring time. */
        public NoAnswerThenAnswer {
            requireNonNegative(ringTime, "ringTime");
        }
    }

    /**
     * An agent answers, talks, then blind-transfers the caller to another extension, which answers and talks
     * (capture 05, second call: AgentComplete Reason=transfer, then plain Dial events).
     *
     * @param agent the extension that answers first, or {@code null} for the queue's choice
     * @param ringTime how long the first agent rings
     * @param target the extension the caller is transferred to
     * @param targetRingTime how long the target rings before answering
     */
    record BlindTransfer(String agent, Duration ringTime, String target, Duration targetRingTime) implements Outcome {
        /** Validates the fields. */
        public BlindTransfer {
            requireNonNegative(ringTime, "ringTime");
            requireNonNegative(targetRingTime, "targetRingTime");
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * The agent's phone rings until {@link CallHandle#answer()} or {@link CallHandle#hangup()}, for screen-pop tests.
     *
     * @param agent the extension to ring, or {@code null} for the queue's choice
     */
    record RingUntilTold(String agent) implements Outcome {
    }

    /** The queue's choice answers after the ring time. */
    static Outcome answer(Duration ringTime) {
        return new Answer(null, ringTime);
    }

    /** The given agent answers after the ring time. */
    static Outcome answeredBy(String agent, Duration ringTime) {
        return new Answer(Objects.requireNonNull(agent, "agent"), ringTime);
    }

    /** The caller abandons after waiting. */
    static Outcome abandonAfter(Duration after) {
        return new Abandon(after);
    }

    /** The call rings at an agent until told. */
    static Outcome ringUntilTold(String agent) {
        return new RingUntilTold(agent);
    }

    private static void requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + ": " + d + " (expected: >= 0)");
        }
    }
}
