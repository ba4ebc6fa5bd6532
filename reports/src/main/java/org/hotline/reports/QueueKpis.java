package org.hotline.reports;

import java.time.Instant;

/**
 * One queue's figures over one period (docs/kpis.md has each formula): counts, rates as fractions (null when the
 * divisor is zero), times in seconds; {@code serviceLevelSeconds} is the T the period was counted with (the highest
 * when it changed within the period); callbacks requested in the IVR, calls with a work order, satisfaction surveys
 * answered, the share satisfied (4 or 5) and the mean score. {@code queue} is null in the all-queues total.
 */
public record QueueKpis(Instant period, String queue, String queueName, long offered, long answered, long abandoned,
                        long shortAbandoned, long timeouts, long unanswered, long transferred, Double abandonRate,
                        Double abandonRateExcludingShort, Double serviceLevel, int serviceLevelSeconds,
                        Double asaSeconds, Double avgWaitSeconds, Double avgAbandonWaitSeconds, long maxWaitSeconds,
                        Double avgTalkSeconds, Double avgHoldSeconds, Double avgWrapUpSeconds, Double ahtSeconds,
                        long callbacksRequested, long workOrders, long surveyed, Double satisfiedShare,
                        Double averageScore) {
}
