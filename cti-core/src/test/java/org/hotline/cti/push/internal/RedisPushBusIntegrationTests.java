package org.hotline.cti.push.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushBusContractTests;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.testing.EmbeddedRedisSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisPushBusIntegrationTests extends PushBusContractTests {

    private final RedisNodes nodes = new RedisNodes(EmbeddedRedisSupport.shared().uri());

    @Override
    protected PushBus newBus(String nodeId) {
        return nodes.node(nodeId, Clock.systemUTC()).bus();
    }

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    @Test
    void messagePublishedOnNodeAReachesSubscriberOnNodeB() {
        PushBus a = newBus("a");
        PushBus b = newBus("b");
        List<PushMessage> onB = new CopyOnWriteArrayList<>();
        b.subscribe(onB::add);

        PushMessage sent = a.publish("1001", PushMessage.TYPE_POP, "{\"name\":\"张三\"}");

        await().atMost(WAIT).untilAsserted(() -> assertThat(onB).containsExactly(sent));
    }

    @Test
    void nodeDeliversItsOwnMessageOnceDespiteTheRedisEcho() {
        PushBus a = newBus("a");
        PushBus b = newBus("b");
        List<PushMessage> onA = new CopyOnWriteArrayList<>();
        List<PushMessage> onB = new CopyOnWriteArrayList<>();
        a.subscribe(onA::add);
        b.subscribe(onB::add);
        PushMessage fromA = a.publish("1001", "pop", "1");
        // once B has it, Redis has sent A's echo to A before anything published after this point
        await().atMost(WAIT).untilAsserted(() -> assertThat(onB).containsExactly(fromA));

        PushMessage fromB = b.publish("1001", "pop", "2");

        await().atMost(WAIT).untilAsserted(() -> assertThat(onA).containsExactly(fromA, fromB));
    }

    @Test
    void orderFromOneNodeIsPreservedPerTargetOnAnother() {
        PushBus a = newBus("a");
        PushBus b = newBus("b");
        List<PushMessage> onB = new CopyOnWriteArrayList<>();
        b.subscribe(onB::add);
        List<PushMessage> sent = new ArrayList<>();

        for (int i = 0; i < 3000; i++) {
            sent.add(a.publish("agent" + (i % 11), "pop", "{\"i\":" + i + "}"));
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(onB).hasSize(sent.size()));
        assertThat(byTarget(onB)).isEqualTo(byTarget(sent));
    }

    @Test
    void unreadableMessageOnTheChannelIsSkipped() {
        PushBus a = newBus("a");
        PushBus b = newBus("b");
        List<PushMessage> onB = new CopyOnWriteArrayList<>();
        b.subscribe(onB::add);
        PushMessage before = a.publish("1001", "pop", "before");
        await().atMost(WAIT).untilAsserted(() -> assertThat(onB).containsExactly(before));

        RedisClient raw = RedisClient.create(EmbeddedRedisSupport.shared().uri());
        try {
            raw.connect().sync().publish(nodes.properties("x", 1).channel(), "not json");
        } finally {
            raw.shutdown();
        }
        PushMessage after = a.publish("1001", "pop", "after");

        await().atMost(WAIT).untilAsserted(() -> assertThat(onB).containsExactly(before, after));
    }
}
