package org.hotline.server.wiring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.hotline.cti.push.PopJson;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.screenpop.ScreenPop;
import org.hotline.workorder.WorkOrderChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a changed work order to the agents who have its customer popped now ({@code workorder-changed} on their
 * {@code /ws/agent}), so the desk's card shows the new stage and deadline without polling. Which agent shows which
 * customer is kept in memory from the pops on the bus (every node sees every pop), so a change costs a scan of the
 * agents with pops, not a read of every agent's pops; an ended pop counts for as long as the desk still shows it.
 */
final class WorkOrderDeskPush implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkOrderDeskPush.class);

    private final PushBus bus;
    private final ObjectMapper json;
    private final long lingerNanos;
    private final LongSupplier nanoTime;
    // agent → call id → what that pop shows
    private final Map<String, Map<String, Shown>> shown = new ConcurrentHashMap<>();
    // off the changing thread: the scheduler and the request must not wait for the bus
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "workorder-desk-push");
                t.setDaemon(true);
                return t;
            });

    /** The customers one pop shows, and until when (live pops: for good). */
    private record Shown(long[] customers, long untilNanos) {
        boolean shows(long customer, long now) {
            if (now - untilNanos > 0) {
                return false;
            }
            for (long c : customers) {
                if (c == customer) {
                    return true;
                }
            }
            return false;
        }
    }

    WorkOrderDeskPush(PushBus bus, ObjectMapper json, Duration endedLinger, LongSupplier nanoTime) {
        this.bus = bus;
        this.json = json;
        this.lingerNanos = endedLinger.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether {@link #onBus} reads {@code message}: pops only. */
    static boolean wants(PushMessage message) {
        return PushMessage.TYPE_POP.equals(message.type());
    }

    /** Notes what a pop on the bus shows; other messages are ignored. */
    void onBus(PushMessage message) {
        if (!PushMessage.TYPE_POP.equals(message.type())) {
            return;
        }
        ScreenPop pop;
        try {
            pop = PopJson.readPop(message.payload());
        } catch (RuntimeException e) {
            return; // the pop socket reports unreadable pops; here one only misses a card update
        }
        long now = nanoTime.getAsLong();
        long[] customers = pop.customers().stream().mapToLong(c -> c.id()).toArray();
        Map<String, Shown> calls = shown.computeIfAbsent(pop.agent(), a -> new ConcurrentHashMap<>());
        calls.put(pop.callId(), new Shown(customers, pop.live() ? Long.MAX_VALUE : now + lingerNanos));
        calls.values().removeIf(s -> now - s.untilNanos() > 0);
    }

    /** Queues the fan-out of one change; a full queue drops it with a warning (the card shows it on the next pop). */
    void accept(WorkOrderChanged changed) {
        if (changed.order().customerId() == null) {
            return;
        }
        try {
            worker.execute(() -> deliver(changed));
        } catch (RejectedExecutionException e) {
            log.warn("desk push queue full: {} not sent to agents", changed.order().orderNo());
        }
    }

    void deliver(WorkOrderChanged changed) {
        long customer = changed.order().customerId();
        long now = nanoTime.getAsLong();
        String payload = null;
        for (Map.Entry<String, Map<String, Shown>> agent : shown.entrySet()) {
            if (agent.getValue().values().stream().noneMatch(s -> s.shows(customer, now))) {
                continue;
            }
            try {
                if (payload == null) {
                    payload = json.writeValueAsString(changed);
                }
                bus.publish(agent.getKey(), PushMessage.TYPE_WORKORDER_CHANGED, payload);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("work-order change not writable", e);
            } catch (RuntimeException e) {
                log.warn("no desk push of {} to {}: {}", changed.order().orderNo(), agent.getKey(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
