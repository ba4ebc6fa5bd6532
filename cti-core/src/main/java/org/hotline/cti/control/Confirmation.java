package org.hotline.cti.control;

import java.time.Duration;
import java.util.Set;
import org.hotline.cti.ami.AmiMessage;

/**
 * Decides from the PBX's events whether a command that Asterisk accepted really happened: Asterisk answers
 * {@code Success} to many actions that then do nothing (an Atxfer on a call without transfer rights, an Originate to
 * a busy phone). Used by one command on the thread that waits for it, never shared.
 */
public interface Confirmation {

    /** The event names worth looking at; others are dropped on the AMI reader thread before queuing. */
    Set<String> events();

    /** Asterisk accepted the action with {@code response}, whose ActionID ties later events (OriginateResponse). */
    default void accepted(AmiMessage response) {
    }

    /**
     * Looks at one event: null while undecided, the result once the events prove the command done; throws a
     * {@link ControlException} once they prove it failed.
     */
    ControlResult on(AmiMessage event);

    /** The failure to report when nothing decided within {@code waited}. */
    ControlException timedOut(Duration waited);
}
