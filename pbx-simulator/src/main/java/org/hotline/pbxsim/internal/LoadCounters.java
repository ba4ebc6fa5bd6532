package org.hotline.pbxsim.internal;

import java.util.concurrent.atomic.AtomicLong;

/** Counters a load run reads while its calls run. */
public final class LoadCounters {

    /** Calls placed. */
    public final AtomicLong placed = new AtomicLong();
    /** Calls answered (AgentConnect). */
    public final AtomicLong answered = new AtomicLong();
    /** Calls abandoned (QueueCallerAbandon). */
    public final AtomicLong abandoned = new AtomicLong();
    /** Rings that timed out (AgentRingNoAnswer). */
    public final AtomicLong ringNoAnswer = new AtomicLong();
    /** Calls fully ended (last leg hung up). */
    public final AtomicLong ended = new AtomicLong();
}
