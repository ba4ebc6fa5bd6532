package org.hotline.cti.screenpop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.cti.call.CallId;
import org.junit.jupiter.api.Test;

class CallLanesTests {

    @Test
    void eachCallsTasksRunInOrderAndNoLaneOutlivesItsWork() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ExecutorService submitters = Executors.newFixedThreadPool(4);
        try {
            CallLanes lanes = new CallLanes(pool);
            Map<Integer, List<Integer>> seen = new ConcurrentHashMap<>();
            AtomicInteger overlapping = new AtomicInteger();
            Map<Integer, AtomicInteger> running = new ConcurrentHashMap<>();
            int calls = 50;
            int tasksPerCall = 200;
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int c = 0; c < calls; c++) {
                int call = c;
                seen.put(call, java.util.Collections.synchronizedList(new ArrayList<>()));
                running.put(call, new AtomicInteger());
                done.add(submitters.submit(() -> {
                    for (int t = 0; t < tasksPerCall; t++) {
                        int task = t;
                        lanes.execute(new CallId("call-" + call), () -> {
                            if (running.get(call).incrementAndGet() > 1) {
                                overlapping.incrementAndGet();
                            }
                            seen.get(call).add(task);
                            running.get(call).decrementAndGet();
                        });
                    }
                }));
            }
            for (var f : done) {
                f.get();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> lanes.active() == 0);

            assertThat(overlapping).hasValue(0);
            for (int c = 0; c < calls; c++) {
                assertThat(seen.get(c)).hasSize(tasksPerCall).isSorted();
            }
        } finally {
            pool.shutdownNow();
            submitters.shutdownNow();
        }
    }
}
