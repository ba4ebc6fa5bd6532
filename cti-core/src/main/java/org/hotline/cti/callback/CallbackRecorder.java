package org.hotline.cti.callback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.cti.call.CallAbandoned;
import org.hotline.cti.call.CallAnswered;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.call.CallQueueTimedOut;
import org.hotline.cti.call.CallQueued;
import org.hotline.cti.call.Caller;
import org.hotline.cti.call.TelephonyEvent;
import org.hotline.cti.call.TelephonyListener;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns call events into callbacks: every {@link CallAbandoned} and {@link CallQueueTimedOut} becomes an open
 * abandoned callback (once per call
 * id, the table's unique key, so a replayed or resynced event adds nothing), and when a number with open abandoned
 * callbacks calls again and is answered, those callbacks are done: the customer got through, nobody needs to ring
 * them. Withheld and invalid numbers cannot be called back and are only counted.
 *
 * <p>Events arrive on the AMI consumer thread; the caller of a queued call is remembered there (QueueCallerAbandon
 * carries no number), and every database write runs on this recorder's own thread, in event order.
 */
public final class CallbackRecorder implements TelephonyListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallbackRecorder.class);

    // calls whose CallEnded was lost (a reconnect) must not pile up: the oldest are forgotten first
    private static final int MAX_REMEMBERED_CALLS = 100_000;

    private final Callbacks callbacks;
    private final PhoneNumbers phoneNumbers;
    private final ExecutorService writer;
    private final Map<String, Caller> callers = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Caller> eldest) {
            return size() > MAX_REMEMBERED_CALLS;
        }
    };
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong unreachable = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /** Creates the recorder and its writer thread. */
    public CallbackRecorder(Callbacks callbacks, PhoneNumbers phoneNumbers) {
        this.callbacks = callbacks;
        this.phoneNumbers = phoneNumbers;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "callback-recorder");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void onEvent(TelephonyEvent event) {
        if (event instanceof CallQueued q) {
            callers.put(q.callId().value(), q.caller());
        } else if (event instanceof CallAbandoned a) {
            recordUnserved(a.callId().value(), a.queue(), a.holdTime(), a.at());
        } else if (event instanceof CallQueueTimedOut t) {
            // a caller the queue gave up on after a long wait wants a call back as much as one who hung up
            recordUnserved(t.callId().value(), t.queue(), t.waited(), t.at());
        } else if (event instanceof CallAnswered a) {
            PhoneNumber number = phoneNumbers.normalize(a.caller() == null ? "" : a.caller().number());
            if (number.lookupable() && !number.normalized().isEmpty()) {
                submit(() -> callbacks.closeAbandonedAnswered(number.normalized(), a.callId().value(), a.at()));
            }
        } else if (event instanceof CallEnded e) {
            callers.remove(e.callId().value());
        }
    }

    private void recordUnserved(String callId, String queue, java.time.Duration waited, java.time.Instant at) {
        Caller caller = callers.remove(callId);
        PhoneNumber number = phoneNumbers.normalize(caller == null ? "" : caller.number());
        if (!number.lookupable() || number.normalized().isEmpty()) {
            unreachable.incrementAndGet();
            return;
        }
        AbandonedCall call = new AbandonedCall(callId, number.normalized(), queue, waited, at);
        submit(() -> {
            if (callbacks.recordAbandoned(call)) {
                recorded.incrementAndGet();
            }
        });
    }

    /** Abandoned and timed-out calls recorded by this node since it started. */
    public long recorded() {
        return recorded.get();
    }

    /** Abandoned calls with no number to call back (withheld, invalid). */
    public long unreachable() {
        return unreachable.get();
    }

    /** Writes that failed (logged); the event is lost for callbacks but not for anything else. */
    public long failures() {
        return failures.get();
    }

    private void submit(Runnable write) {
        try {
            writer.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    log.error("could not record a callback", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: the AMI thread must not fail because of it
            failures.incrementAndGet();
        }
    }

    /** Waits up to ten seconds for the writes already handed over, then stops the writer thread. */
    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
            writer.shutdownNow();
        }
    }
}
