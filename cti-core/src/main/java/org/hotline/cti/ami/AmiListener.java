package org.hotline.cti.ami;

/**
 * Receives the frames of one AMI connection, in the order Asterisk sent them, on one consumer thread that is
 * never the socket's reader thread.
 *
 * <p>After every (re)login the connection asks {@code CoreShowChannels} and {@code QueueStatus}; their list items
 * arrive between {@link #onResyncStarted()} and {@link #onResyncFinished()}, and events that Asterisk sent
 * meanwhile are held back and delivered after {@code onResyncFinished}, so state is rebuilt before new events apply.
 * If the connection drops mid-resync, the held events are delivered and {@link #onDisconnected()} follows (no
 * {@code onResyncFinished}); with {@code hotline.ami.resync-enabled=false} neither resync callback is called.
 */
public interface AmiListener {

    /** A frame: an event, a list item of the resync, or a response. */
    void onMessage(AmiMessage message);

    /** Login succeeded; the resync lists follow. */
    default void onResyncStarted() {
    }

    /** Both resync lists are complete. */
    default void onResyncFinished() {
    }

    /** The connection was lost; live state may be stale until the next resync. */
    default void onDisconnected() {
    }
}
