package org.hotline.server.wiring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hotline.cti.push.PopStore;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.screenpop.ScreenPop;
import org.hotline.workorder.WorkOrderChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a changed work order to the agents who have its customer popped now ({@code workorder-changed} on their
 * {@code /ws/agent}), so the desk's card shows the new stage and deadline without polling. The agent socket carries
 * only that agent's messages; supervisors get every change on their own topic.
 */
final class WorkOrderDeskPush implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkOrderDeskPush.class);

    private final Supplier<List<String>> agents;
    private final PopStore pops;
    private final PushBus bus;
    private final ObjectMapper json;
    // off the changing thread: the scheduler and the request must not wait for the pop store's reads
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "workorder-desk-push");
                t.setDaemon(true);
                return t;
            });

    WorkOrderDeskPush(Supplier<List<String>> agents, PopStore pops, PushBus bus, ObjectMapper json) {
        this.agents = agents;
        this.pops = pops;
        this.bus = bus;
        this.json = json;
    }

    /** Queues the fan-out of one change; a full queue drops it with a warning (the card still shows it on the next pop). */
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
        String payload;
        try {
            payload = json.writeValueAsString(changed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("work-order change not writable", e);
        }
        for (String agent : agents.get()) {
            try {
                if (pops.current(agent).stream().anyMatch(p -> shows(p, customer))) {
                    bus.publish(agent, PushMessage.TYPE_WORKORDER_CHANGED, payload);
                }
            } catch (RuntimeException e) {
                log.warn("no desk push of {} to {}: {}", changed.order().orderNo(), agent, e.toString());
            }
        }
    }

    private static boolean shows(ScreenPop pop, long customer) {
        return pop.customers().stream().anyMatch(c -> c.id() == customer);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
