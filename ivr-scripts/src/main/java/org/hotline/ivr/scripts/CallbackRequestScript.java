package org.hotline.ivr.scripts;

import org.hotline.ivr.IvrCall;
import org.hotline.ivr.IvrScript;

/**
 * {@code callback-request?queue=<name>}: the caller pressed the queue's exit key (queues.conf context
 * {@code hotline-queue-exit}, announced by {@code hotline/queue-callback-offer}); books a callback that keeps their
 * place and confirms ({@code callback=booked}, the call ends). A withheld number is told it cannot be called back and
 * goes back to the queue ({@code callback=withheld}, {@code HOTLINE_IVR_NEXT=queue}).
 */
public final class CallbackRequestScript implements IvrScript {

    private final QueueCallbacks callbacks;

    /** The script over the callbacks. */
    public CallbackRequestScript(QueueCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public String name() {
        return "callback-request";
    }

    @Override
    public void run(IvrCall call) {
        callbacks.book(call, QueueCallbacks.queueOf(call), "callback=booked", "callback=withheld");
    }
}
