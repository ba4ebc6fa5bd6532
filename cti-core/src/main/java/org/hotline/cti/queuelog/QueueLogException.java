package org.hotline.cti.queuelog;

/** A {@code queue_log} line that is not one, with the reason. */
public final class QueueLogException extends IllegalArgumentException {

    /** A line refused for {@code reason}. */
    public QueueLogException(String reason) {
        super(reason);
    }
}
