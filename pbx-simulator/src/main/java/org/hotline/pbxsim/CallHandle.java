package org.hotline.pbxsim;

import java.util.concurrent.CompletableFuture;
import org.hotline.pbxsim.internal.Call;
import org.hotline.pbxsim.internal.CallEngine;
import org.hotline.pbxsim.internal.Sim;

/** A generated call in flight: its ids, futures for when it rings and ends, and commands to answer or hang up. */
public final class CallHandle {

    private final Sim sim;
    private final CallEngine engine;
    private final Call call;
    private final String linkedid;
    private final String callerChannel;

    CallHandle(Sim sim, CallEngine engine, Call call) {
        this.sim = sim;
        this.engine = engine;
        this.call = call;
        this.linkedid = call.linkedid();
        this.callerChannel = call.callerChannel();
    }

    /** The Linkedid every leg of the call carries. */
    public String linkedid() {
        return linkedid;
    }

    /** The queue caller's channel (the {@code ;2} leg), e.g. {@code Local/s@callers-00000000;2}. */
    public String callerChannel() {
        return callerChannel;
    }

    /** Completes with the member interface the first time an agent's phone rings (after AgentCalled and DialBegin). */
    public CompletableFuture<String> ringing() {
        return call.ringing();
    }

    /** Completes when the last leg of the call has hung up. */
    public CompletableFuture<CallResult> ended() {
        return call.ended();
    }

    /** The ringing agent answers now (for {@link Outcome.RingUntilTold}, or to cut any ring short). */
    public void answer() {
        sim.execute(() -> engine.answerNow(call));
    }

    /** The caller hangs up now: an abandon while queued or ringing, Reason=caller while talking. */
    public void hangup() {
        sim.execute(() -> engine.callerHangup(call));
    }
}
