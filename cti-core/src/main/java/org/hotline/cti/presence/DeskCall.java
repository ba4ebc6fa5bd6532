package org.hotline.cti.presence;

/** The call an agent's desk rings for or talks on: its id and the caller as Asterisk reports them. */
public record DeskCall(String callId, String number, String name) {
}
