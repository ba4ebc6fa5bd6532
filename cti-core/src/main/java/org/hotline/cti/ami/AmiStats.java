package org.hotline.cti.ami;

import java.time.Duration;

/**
 * A snapshot of an {@link AmiConnection}'s counters; the lag fields show how far the listener is behind the socket.
 *
 * @param framesReceived   frames decoded since start (banner, responses and events)
 * @param framesDelivered  frames the listener has returned from
 * @param queuedFrames     frames received but not yet delivered (including those held during a resync)
 * @param oldestQueuedAge  how long the oldest undelivered frame has waited, {@link Duration#ZERO} when none waits
 * @param badInput         lines or fields skipped (too long, no colon, too many fields) and frames that are
 *                         neither an event nor a response
 * @param listenerErrors   exceptions thrown by the listener (logged, the frame counted as delivered)
 * @param logins           successful logins, so {@code logins - 1} is the number of reconnects
 */
public record AmiStats(
        long framesReceived,
        long framesDelivered,
        long queuedFrames,
        Duration oldestQueuedAge,
        long badInput,
        long listenerErrors,
        long logins) {
}
