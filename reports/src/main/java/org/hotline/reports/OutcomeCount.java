package org.hotline.reports;

/**
 * How many queue calls of one queue and agent ended with one call outcome (通话结果) over a report's range
 * ({@code none}: the wrap-up ended without one), with the outcome's labels and the names on the pages.
 *
 * @param queue          the queue
 * @param queueName      its name on the pages
 * @param agentInterface the agent's phone
 * @param agentName      the agent's name, or null when unknown
 * @param code           the outcome's code, or {@code none}
 * @param zh             the Chinese label (for {@code none}: 未选择)
 * @param en             the English label (for {@code none}: None chosen)
 * @param calls          the calls
 */
public record OutcomeCount(String queue, String queueName, String agentInterface, String agentName, String code,
                           String zh, String en, long calls) {
}
