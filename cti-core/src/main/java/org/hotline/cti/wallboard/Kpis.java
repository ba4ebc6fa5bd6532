package org.hotline.cti.wallboard;

/**
 * The figures of one queue over one interval, as defined in docs/adr/0011 (after Asterisk app_queue and the KPI
 * notes in kpi-definitions.md). Ratios are 0..1 and averages are seconds; each is null when its divisor is zero.
 *
 * @param offered               calls that left the queue in the interval: answered + abandoned + unanswered
 * @param answered              answered from the queue
 * @param abandoned             the caller hung up while waiting
 * @param unanswered            left the queue without an agent (timeout, leave-empty)
 * @param abandonRate           呼损率: abandoned ÷ offered
 * @param serviceLevel          Asterisk ServiceLevelPerf: answered within T ÷ answered
 * @param serviceLevelInclusive Asterisk ServiceLevelPerf2: (answered within T + abandoned within T) ÷ (answered + abandoned)
 * @param asaSeconds            average speed of answer: queue wait of answered calls ÷ answered
 * @param avgTalkSeconds        talk time (hold excluded) of calls that ended ÷ those calls
 * @param avgWrapUpSeconds      after-call work ÷ wrap-ups that ended
 * @param agentsAnswering       distinct agents who answered at least one call
 * @param callsPerAgent         坐席业务量: answered ÷ agents answering
 */
public record Kpis(long offered, long answered, long abandoned, long unanswered, Double abandonRate,
                   Double serviceLevel, Double serviceLevelInclusive, Double asaSeconds, Double avgTalkSeconds,
                   Double avgWrapUpSeconds, int agentsAnswering, Double callsPerAgent) {
}
