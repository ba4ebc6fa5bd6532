package org.hotline.ivr.scripts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.cti.callback.Callbacks;
import org.hotline.cti.callback.RequestedCallback;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.ivr.IvrCall;
import org.hotline.ivr.IvrVariables;
import org.hotline.ivr.Prompt;

/**
 * Books the callback a caller asks for from {@code queue-offer} or {@code callback-request}, keeping their place in
 * the queue: when the call joined it as Hotline's call tracker saw it, else {@link #QUEUED_AT} on the channel (epoch
 * seconds, set by the dialplan before {@code Queue()}), else now (the caller is about to join). One per call.
 */
public final class QueueCallbacks {

    /** The channel variable with the moment the call joined the queue, epoch seconds (a fallback to the tracker). */
    public static final String QUEUED_AT = "HOTLINE_QUEUED_AT";

    /** What became of a request. */
    public enum Booking {
        /** Booked now, or booked earlier on the same call (the caller pressed twice). */
        BOOKED,
        /** The number is withheld or invalid: nobody can call it back; the caller stays in the queue. */
        WITHHELD
    }

    private final Callbacks callbacks;
    private final PhoneNumbers numbers;
    private final Function<String, Optional<Instant>> trackerQueuedAt;
    private final Clock clock;

    /**
     * Books through {@code callbacks}; {@code trackerQueuedAt} gives, by call id, when the call tracker saw it join a
     * queue (empty when it does not know).
     */
    public QueueCallbacks(Callbacks callbacks, PhoneNumbers numbers,
                          Function<String, Optional<Instant>> trackerQueuedAt, Clock clock) {
        this.callbacks = callbacks;
        this.numbers = numbers;
        this.trackerQueuedAt = trackerQueuedAt;
        this.clock = clock;
    }

    /** Whether this caller's number can be called back at all. */
    public boolean reachable(IvrCall call) {
        PhoneNumber number = numbers.normalize(call.callerNumber());
        return number.lookupable() && !number.normalized().isEmpty();
    }

    /**
     * Books the callback and tells the caller (the call ends: {@link IvrVariables#NEXT} hangup), or, for a withheld
     * number, tells them it cannot be done and keeps them in the queue. {@code step} names the path step
     * ({@code offer=callback}, {@code callback=booked}); a withheld number's step is {@code withheldStep}.
     */
    public Booking book(IvrCall call, String queue, String step, String withheldStep) {
        PhoneNumber number = numbers.normalize(call.callerNumber());
        if (!number.lookupable() || number.normalized().isEmpty()) {
            call.appendPath(withheldStep);
            call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_QUEUE);
            call.say(Prompt.CALLBACK_WITHHELD);
            return Booking.WITHHELD;
        }
        Instant now = clock.instant();
        Instant place = placeOf(call).orElse(now);
        boolean added = callbacks.recordRequested(new RequestedCallback(call.callId(), number.normalized(), queue,
                place, now));
        call.fact("callbackPlace", place.toString());
        call.fact("callbackAdded", added);
        call.appendPath(step);
        call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_HANGUP);
        call.say(Prompt.CALLBACK_BOOKED);
        return Booking.BOOKED;
    }

    private Optional<Instant> placeOf(IvrCall call) {
        try {
            Optional<Instant> tracked = trackerQueuedAt.apply(call.callId());
            if (tracked.isPresent()) {
                return tracked;
            }
        } catch (RuntimeException e) {
            // the tracker is only the better source: the channel's variable or now still book the callback
            call.fact("trackerError", e.toString());
        }
        String epoch = call.variable(QUEUED_AT).trim();
        if (epoch.matches("[0-9]{1,12}(\\.[0-9]+)?")) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(epoch.replaceFirst("\\..*", ""))));
        }
        return Optional.empty();
    }

    /** The queue a script serves: its {@code ?queue=} parameter, else the channel's {@code HOTLINE_QUEUE}. */
    static String queueOf(IvrCall call) {
        String queue = call.parameter("queue").orElseGet(() -> call.variable("HOTLINE_QUEUE")).trim();
        if (!queue.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("queue: '" + queue + "' (expected: a queues.conf name in ?queue=)");
        }
        return queue;
    }
}
