package org.hotline.cti.call;

/**
 * One queue member as the PBX last reported it, for checking the configured queues and penalties against Asterisk.
 *
 * @param queue           the queue
 * @param agent           the member's interface, normalized
 * @param memberInterface the interface exactly as Asterisk lists the member
 * @param memberName      the member's name in the queue
 * @param penalty         the member's penalty in this queue (0: first choice)
 * @param paused          whether paused in this queue
 */
public record QueueMembership(String queue, AgentInterface agent, String memberInterface, String memberName,
                              int penalty, boolean paused) {
}
