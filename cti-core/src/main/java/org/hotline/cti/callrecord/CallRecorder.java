package org.hotline.cti.callrecord;

import java.util.List;
import org.hotline.cti.call.TelephonyEvent;
import org.hotline.cti.call.TelephonyListener;
import org.hotline.cti.callrecord.internal.CallAssembler;
import org.hotline.cti.callrecord.internal.CallRecordWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one {@code calls} row per call (and its wrap-up seconds later) from the tracker's events: assembly on the
 * AMI thread (a map update per event, a journal append per finished call), database work on the writer's own
 * thread, batched, retried until PostgreSQL takes it.
 * Listeners (the wallboard) hear of each finished call at once, before it is written.
 */
public final class CallRecorder implements TelephonyListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);

    private final CallAssembler assembler = new CallAssembler();
    private final CallRecordWriter writer;
    private final List<CallRecordListener> listeners;

    /** Records through {@code writer} and tells {@code listeners}. */
    public CallRecorder(CallRecordWriter writer, List<CallRecordListener> listeners) {
        this.writer = writer;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public synchronized void onEvent(TelephonyEvent event) {
        for (CallAssembler.Output output : assembler.apply(event)) {
            if (output instanceof CallAssembler.Recorded r) {
                writer.offer(r.record());
                listeners.forEach(l -> tell(() -> l.onCallRecorded(r.record())));
            } else if (output instanceof CallAssembler.WrappedUp w) {
                writer.offer(w.wrapUp());
                listeners.forEach(l -> tell(() -> l.onWrapUp(w.wrapUp())));
            } else if (output instanceof CallAssembler.Segmented s) {
                writer.offer(s.segments());
            } else if (output instanceof CallAssembler.StateEnded s) {
                writer.offer(s.interval());
            }
        }
    }

    /** Writes the call outcome an agent's desk recorded (journalled first, like the calls). */
    public void record(CallDisposition disposition) {
        writer.offer(disposition);
    }

    /** Writes a call rebuilt from a second source, where {@code calls} has no row for it; listeners are not told. */
    public void recover(RecoveredCall call) {
        writer.offer(call);
    }

    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ex) {
            log.error("call-record listener failed", ex);
        }
    }

    /** Rows written so far. */
    public long written() {
        return writer.written();
    }

    /** Records in the journal waiting for the database. */
    public int pending() {
        return writer.pending();
    }

    /** Records given up (journal full, or refused by PostgreSQL for their content). */
    public long lost() {
        return writer.lost();
    }

    /** Whether the last attempt to write to PostgreSQL failed. */
    public boolean failing() {
        return writer.failing();
    }

    /** Bytes the local journal holds. */
    public long journalBytes() {
        return writer.journalBytes();
    }

    /** Flushes what is queued, then stops writing. */
    @Override
    public void close() throws InterruptedException {
        writer.close();
    }
}
