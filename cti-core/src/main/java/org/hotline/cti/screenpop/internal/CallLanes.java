package org.hotline.cti.screenpop.internal;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.hotline.cti.call.CallId;

/**
 * Runs the tasks of each call in order, and different calls side by side on a shared pool: a slow customer lookup
 * holds up only its own call's later events, never another call's ring (fixed stripes put unrelated calls in one
 * line behind it, the screen-pop's p99 tail). A call's lane exists only while it has work queued.
 */
public final class CallLanes {

    private final Executor pool;
    private final ConcurrentHashMap<CallId, Lane> lanes = new ConcurrentHashMap<>();

    /** Lanes whose tasks run on {@code pool}. */
    public CallLanes(Executor pool) {
        this.pool = pool;
    }

    /** Queues {@code task} after the call's earlier tasks; starts the lane on the pool if it was idle. */
    public void execute(CallId call, Runnable task) {
        Lane[] start = new Lane[1];
        // compute is atomic per key, so queueing here and retiring in next() never race
        lanes.compute(call, (id, lane) -> {
            Lane l = lane == null ? new Lane(id) : lane;
            l.tasks.add(task);
            if (!l.running) {
                l.running = true;
                start[0] = l;
            }
            return l;
        });
        if (start[0] != null) {
            pool.execute(start[0]);
        }
    }

    /** Calls with work queued or running, for metrics and tests. */
    public int active() {
        return lanes.size();
    }

    /** The lane's next task, or null after retiring the empty lane. */
    private Runnable next(Lane lane) {
        Runnable[] next = new Runnable[1];
        lanes.compute(lane.call, (id, l) -> {
            next[0] = lane.tasks.poll();
            if (next[0] == null) {
                lane.running = false;
                return null;
            }
            return l;
        });
        return next[0];
    }

    /** One call's queue; its fields are touched only inside {@code lanes.compute} for its key. */
    private final class Lane implements Runnable {
        final CallId call;
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        boolean running;

        Lane(CallId call) {
            this.call = call;
        }

        @Override
        public void run() {
            for (Runnable task; (task = next(this)) != null; ) {
                task.run();
            }
        }
    }
}
