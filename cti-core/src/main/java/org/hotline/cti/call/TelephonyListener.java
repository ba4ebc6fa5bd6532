package org.hotline.cti.call;

/**
 * Receives every {@link TelephonyEvent} the call tracker emits (screen-pop today; wallboard, work-order clock and
 * reports later), on the AMI consumer thread: it must hand slow work to its own threads.
 */
public interface TelephonyListener {

    /** One event, in the order the tracker emitted it. */
    void onEvent(TelephonyEvent event);
}
