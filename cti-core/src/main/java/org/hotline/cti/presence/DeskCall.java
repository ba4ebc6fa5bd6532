package org.hotline.cti.presence;

/**
 * The call an agent's desk rings for or talks on: its id, the caller as Asterisk reports them, and the queue it came
 * through (null: not through a queue, e.g. a dialled call), whose wrap-up follows it.
 */
public record DeskCall(String callId, String number, String name, String queue) {
}
