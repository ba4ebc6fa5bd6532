package org.hotline.pbxsim;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One call queue and its static members, with the lab's {@code queues.conf} defaults.
 *
 * @param name the queue name, e.g. {@code hotline}
 * @param strategy how a waiting caller picks a free member (default {@code RRMEMORY})
 * @param timeout how long one member rings before AgentRingNoAnswer (default 15 s)
 * @param retry the pause before the next member is tried after a no-answer (default 5 s)
 * @param wrapUp how long a member stays unavailable after a call (default 5 s; member events still say
 *     {@code Wrapuptime: 0}, as the captures show)
 * @param serviceLevelSeconds the ServiceLevel shown by QueueStatus (default 30)
 * @param callerExten the extension callers are originated to in {@code [callers]}: {@code s} for {@code hotline},
 *     else the queue name (as {@code gas} and {@code burst} in the lab)
 * @param members the static members, in order
 */
public record QueueConfig(String name, Strategy strategy, Duration timeout, Duration retry, Duration wrapUp,
        int serviceLevelSeconds, String callerExten, List<MemberConfig> members) {

    /** How a waiting caller picks among free members. */
    public enum Strategy {
        /** Round robin, remembering the last member tried (the lab's {@code hotline}). */
        RRMEMORY,
        /** The member whose last call ended longest ago (the lab's {@code gas}). */
        LEASTRECENT,
        /** Members in configured order. */
        LINEAR;

        /** The name Asterisk prints (QueueParams {@code Strategy}). */
        public String asteriskName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Validates the fields and copies the member list. */
    public QueueConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(wrapUp, "wrapUp");
        Objects.requireNonNull(callerExten, "callerExten");
        members = List.copyOf(members);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
        }
        if (retry.isNegative() || wrapUp.isNegative()) {
            throw new IllegalArgumentException("retry/wrapUp: " + retry + "/" + wrapUp + " (expected: >= 0)");
        }
    }

    /** A queue with the lab's settings (rrmemory, timeout 15 s, retry 5 s, wrap-up 5 s, service level 30 s). */
    public static QueueConfig of(String name, MemberConfig... members) {
        return new QueueConfig(name, Strategy.RRMEMORY, Duration.ofSeconds(15), Duration.ofSeconds(5),
                Duration.ofSeconds(5), 30, "hotline".equals(name) ? "s" : name, List.of(members));
    }

    /** A queue of agents with consecutive extensions starting at {@code firstExtension}. */
    public static QueueConfig ofAgents(String name, int firstExtension, int count) {
        MemberConfig[] members = new MemberConfig[count];
        for (int i = 0; i < count; i++) {
            members[i] = MemberConfig.agent(Integer.toString(firstExtension + i));
        }
        return of(name, members);
    }

    /** This queue with another strategy. */
    public QueueConfig withStrategy(Strategy value) {
        return new QueueConfig(name, value, timeout, retry, wrapUp, serviceLevelSeconds, callerExten, members);
    }

    /** This queue with other ring timeout, retry and wrap-up times. */
    public QueueConfig withTimings(Duration ringTimeout, Duration retryAfter, Duration wrapUpTime) {
        return new QueueConfig(name, strategy, ringTimeout, retryAfter, wrapUpTime, serviceLevelSeconds, callerExten,
                members);
    }
}
