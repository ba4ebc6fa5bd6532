package org.hotline.reports;

import java.time.Instant;

/**
 * One queue's figures over one period (docs/kpis.md has each formula): counts, rates as fractions (null when the
 * divisor is zero), times in seconds; {@code serviceLevelSeconds} is the T the period was counted with (the highest
 * when it changed within the period). {@code queue} is null in the all-queues total.
 */
public record QueueKpis(Instant period, String queue, String queueName, long offered, long answered, long abandoned,
                        long shortAbandoned, long timeouts, long unanswered, long transferred, Double abandonRate,
                        Double abandonRateExcludingShort, Double serviceLevel, int serviceLevelSeconds,
                        Double asaSeconds, Double avgWaitSeconds, Double avgAbandonWaitSeconds, long maxWaitSeconds,
                        Double avgTalkSeconds, Double avgHoldSeconds, Double avgWrapUpSeconds, Double ahtSeconds) {
}
