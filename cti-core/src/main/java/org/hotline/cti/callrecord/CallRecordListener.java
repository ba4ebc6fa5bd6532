package org.hotline.cti.callrecord;

/**
 * Told about each finished call and each finished wrap-up, on the AMI consumer thread, before they are written:
 * implementations must be quick and must not block.
 */
public interface CallRecordListener {

    /** A call ended and its record is on its way to the database. */
    default void onCallRecorded(CallRecord record) {
    }

    /** An agent finished the after-call work of a call. */
    default void onWrapUp(WrapUp wrapUp) {
    }
}
