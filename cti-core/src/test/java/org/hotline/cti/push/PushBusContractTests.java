package org.hotline.cti.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What every {@link PushBus} does, on one node; subclasses add what only their adapter can show. */
public abstract class PushBusContractTests {

    protected static final Duration WAIT = Duration.ofSeconds(10);

    /** A bus for node {@code nodeId}; the subclass closes it after the test. */
    protected abstract PushBus newBus(String nodeId);

    @Test
    void publishedMessageReachesSubscriber() {
        PushBus bus = newBus("a");
        List<PushMessage> got = new CopyOnWriteArrayList<>();
        bus.subscribe(got::add);

        PushMessage sent = bus.publish("1001", PushMessage.TYPE_POP, "{\"x\":1}");

        await().atMost(WAIT).untilAsserted(() -> assertThat(got).containsExactly(sent));
    }

    @Test
    void publishStampsNodeIdAndConsecutiveSequence() {
        PushBus bus = newBus("node-a");

        PushMessage first = bus.publish("1001", "pop", "{}");
        PushMessage second = bus.publish(PushMessage.SUPERVISORS, "wallboard", "{}");

        assertThat(bus.nodeId()).isEqualTo("node-a");
        assertThat(first.origin()).isEqualTo("node-a");
        assertThat(second.sequence()).isEqualTo(first.sequence() + 1);
    }

    @Test
    void everySubscriberGetsEveryMessage() {
        PushBus bus = newBus("a");
        List<PushMessage> one = new CopyOnWriteArrayList<>();
        List<PushMessage> two = new CopyOnWriteArrayList<>();
        bus.subscribe(one::add);
        bus.subscribe(two::add);

        PushMessage m1 = bus.publish("1001", "pop", "1");
        PushMessage m2 = bus.publish("1002", "pop", "2");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(one).containsExactly(m1, m2);
            assertThat(two).containsExactly(m1, m2);
        });
    }

    @Test
    void aSubscriberWithAFilterGetsOnlyTheMessagesItWantsInOrderAndTheOthersStillGetEverything() {
        PushBus bus = newBus("a");
        List<PushMessage> pops = new CopyOnWriteArrayList<>();
        List<PushMessage> all = new CopyOnWriteArrayList<>();
        List<PushMessage> unwantedSeen = new CopyOnWriteArrayList<>();
        bus.subscribe(m -> PushMessage.TYPE_POP.equals(m.type()), m -> {
            pops.add(m);
            if (!PushMessage.TYPE_POP.equals(m.type())) {
                unwantedSeen.add(m);
            }
        }, () -> { });
        bus.subscribe(all::add);

        PushMessage p1 = bus.publish("1001", PushMessage.TYPE_POP, "1");
        PushMessage state = bus.publish("1001", PushMessage.TYPE_AGENT_STATE, "2");
        PushMessage board = bus.publish(PushMessage.SUPERVISORS, PushMessage.TYPE_WALLBOARD, "3");
        PushMessage p2 = bus.publish("1002", PushMessage.TYPE_POP, "4");

        await().atMost(WAIT).untilAsserted(() -> assertThat(all).containsExactly(p1, state, board, p2));
        assertThat(pops).containsExactly(p1, p2);
        assertThat(unwantedSeen).isEmpty();
    }

    @Test
    void orderIsPreservedPerTarget() {
        PushBus bus = newBus("a");
        List<PushMessage> got = new CopyOnWriteArrayList<>();
        bus.subscribe(got::add);
        List<PushMessage> sent = new ArrayList<>();

        for (int i = 0; i < 2000; i++) {
            sent.add(bus.publish("agent" + (i % 7), "pop", "{\"i\":" + i + "}"));
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(got).hasSize(sent.size()));
        assertThat(byTarget(got)).isEqualTo(byTarget(sent));
    }

    @Test
    void messagesPublishedOnManyThreadsAllArriveInEachThreadsOrderWithDistinctSequences() throws Exception {
        PushBus bus = newBus("a");
        List<PushMessage> got = new CopyOnWriteArrayList<>();
        bus.subscribe(got::add);
        int threads = 4;
        int each = 500;
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Thread> publishers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String target = "thread" + t;
            Thread publisher = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) {
                    bus.publish(target, "pop", Integer.toString(i));
                }
            });
            publisher.start();
            publishers.add(publisher);
        }
        go.countDown();
        for (Thread publisher : publishers) {
            publisher.join(WAIT.toMillis());
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(got).hasSize(threads * each));
        assertThat(got.stream().map(PushMessage::sequence).distinct()).hasSize(threads * each);
        byTarget(got).forEach((target, messages) -> assertThat(messages).extracting(PushMessage::payload)
                .as(target).containsExactlyElementsOf(java.util.stream.IntStream.range(0, each)
                        .mapToObj(Integer::toString).toList()));
    }

    @Test
    void payloadArrivesByteForByte() {
        PushBus bus = newBus("a");
        List<PushMessage> got = new CopyOnWriteArrayList<>();
        bus.subscribe(got::add);
        String payload = PopJson.write(TestPops.pop("1001", "1795434946.0", 0)) + " 张三 " + TestPops.HOSTILE + " \u0000\n";

        bus.publish("1001", "pop", payload);

        await().atMost(WAIT).untilAsserted(() -> assertThat(got).singleElement()
                .satisfies(m -> assertThat(m.payload()).isEqualTo(payload)));
    }

    @Test
    void handlerRunsOffThePublishingThread() {
        PushBus bus = newBus("a");
        List<Thread> threads = new CopyOnWriteArrayList<>();
        bus.subscribe(m -> threads.add(Thread.currentThread()));

        bus.publish("1001", "pop", "{}");

        await().atMost(WAIT).untilAsserted(() -> assertThat(threads).singleElement().isNotSameAs(Thread.currentThread()));
    }

    @Test
    void failingHandlerKeepsReceiving() {
        PushBus bus = newBus("a");
        List<PushMessage> got = new CopyOnWriteArrayList<>();
        bus.subscribe(m -> {
            got.add(m);
            throw new IllegalStateException("handler bug");
        });

        bus.publish("1001", "pop", "1");
        PushMessage second = bus.publish("1001", "pop", "2");

        await().atMost(WAIT).untilAsserted(() -> assertThat(got).hasSize(2).last().isEqualTo(second));
    }

    @Test
    void closedSubscriptionReceivesNothingMore() {
        PushBus bus = newBus("a");
        List<PushMessage> closed = new CopyOnWriteArrayList<>();
        List<PushMessage> open = new CopyOnWriteArrayList<>();
        Subscription s = bus.subscribe(closed::add);
        bus.subscribe(open::add);
        PushMessage first = bus.publish("1001", "pop", "1");
        await().atMost(WAIT).untilAsserted(() -> assertThat(closed).containsExactly(first));

        s.close();
        PushMessage second = bus.publish("1001", "pop", "2");

        await().atMost(WAIT).untilAsserted(() -> assertThat(open).containsExactly(first, second));
        assertThat(closed).containsExactly(first);
    }

    @Test
    void relayedMessageKeepsItsOrigin() {
        PushBus bus = newBus("a");
        List<PushMessage> got = new CopyOnWriteArrayList<>();
        bus.subscribe(got::add);
        PushMessage foreign = new PushMessage("1001", "agent-state", "{}", "elsewhere", 77);

        bus.publish(foreign);

        await().atMost(WAIT).untilAsserted(() -> assertThat(got).containsExactly(foreign));
    }

    protected static Map<String, List<PushMessage>> byTarget(List<PushMessage> messages) {
        Map<String, List<PushMessage>> out = new ConcurrentHashMap<>();
        messages.forEach(m -> out.computeIfAbsent(m.target(), t -> new ArrayList<>()).add(m));
        return out.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
