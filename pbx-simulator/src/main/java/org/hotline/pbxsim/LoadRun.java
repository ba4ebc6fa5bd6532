package org.hotline.pbxsim;

import java.util.concurrent.CompletableFuture;
import org.hotline.pbxsim.internal.LoadCounters;
import org.hotline.pbxsim.internal.LoadGenerator;

/** A running load: live counters, a future for its end, and a way to stop it early. */
public final class LoadRun {

    private final LoadGenerator generator;
    private final CompletableFuture<LoadRun> done;

    LoadRun(LoadGenerator generator) {
        this.generator = generator;
        this.done = generator.done().thenApply(c -> this);
    }

    /** Calls placed so far. */
    public long placed() {
        return counters().placed.get();
    }

    /** Calls answered so far (AgentConnect). */
    public long answered() {
        return counters().answered.get();
    }

    /** Calls abandoned so far (QueueCallerAbandon). */
    public long abandoned() {
        return counters().abandoned.get();
    }

    /** Rings that timed out so far (AgentRingNoAnswer). */
    public long ringNoAnswer() {
        return counters().ringNoAnswer.get();
    }

    /** Calls fully ended so far. */
    public long ended() {
        return counters().ended.get();
    }

    /** Completes when the bound is reached and every placed call has ended. */
    public CompletableFuture<LoadRun> done() {
        return done;
    }

    /** Stops placing calls; placed calls run to their end. */
    public void stop() {
        generator.stop();
    }

    private LoadCounters counters() {
        return generator.counters();
    }

    @Override
    public String toString() {
        return "LoadRun[placed=" + placed() + ", answered=" + answered() + ", abandoned=" + abandoned()
                + ", ringNoAnswer=" + ringNoAnswer() + ", ended=" + ended() + "]";
    }
}
