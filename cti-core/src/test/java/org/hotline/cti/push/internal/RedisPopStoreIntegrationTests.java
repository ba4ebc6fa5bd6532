package org.hotline.cti.push.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.hotline.cti.push.PopJson;
import org.hotline.cti.push.PopStore;
import org.hotline.cti.push.PopStoreContractTests;
import org.hotline.cti.push.TestPops;
import org.hotline.cti.screenpop.ScreenPop;
import org.hotline.cti.screenpop.ScreenPop.Status;
import org.hotline.cti.testing.EmbeddedRedisSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisPopStoreIntegrationTests extends PopStoreContractTests {

    private static RedisClient raw;
    private static RedisCommands<String, String> redis;

    private final RedisNodes nodes = new RedisNodes(EmbeddedRedisSupport.shared().uri());

    @BeforeAll
    static void connectRaw() {
        raw = RedisClient.create(EmbeddedRedisSupport.shared().uri());
        redis = raw.connect().sync();
    }

    @AfterAll
    static void closeRaw() {
        raw.shutdown();
    }

    @Override
    protected PopStore newStore() {
        return nodes.node("n-" + UUID.randomUUID(), clock).store();
    }

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    @Test
    void popPutOnOneNodeIsCurrentOnAnother() {
        PopStore a = newStore();
        PopStore b = newStore();
        ScreenPop pop = TestPops.pop("1001", "c1", 0);

        a.put(pop);

        await().atMost(WAIT).untilAsserted(() -> assertThat(b.current("1001")).containsExactly(pop));
    }

    @Test
    void popIsAHashFieldOfJsonUnderTheAgentsKeyWithTheTtl() {
        PopStore store = newStore();
        ScreenPop pop = TestPops.pop("1001", "c1", 0);
        store.put(pop);
        String key = nodes.keyPrefix() + "{1001}";

        await().atMost(WAIT).untilAsserted(() -> assertThat(redis.hget(key, "c1")).isEqualTo(PopJson.write(pop)));
        assertThat(redis.pttl(key)).isBetween(Duration.ofMinutes(59).toMillis(), Duration.ofHours(1).toMillis());
    }

    @Test
    void lastPopRemovedLeavesNoKeysBehind() {
        PopStore store = newStore();
        store.put(TestPops.pop("1001", "c1", 2, Status.ENDED, 0));
        store.remove("1001", "c1");

        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("1001")).isEmpty());
        assertThat(redis.keys(nodes.keyPrefix() + "*")).isEmpty();
    }

    @Test
    void racingWritersFromTwoNodesLeaveTheHighestVersion() throws InterruptedException {
        PopStore a = newStore();
        PopStore b = newStore();
        List<ScreenPop> versions = new ArrayList<>();
        for (int v = 1; v <= 200; v++) {
            versions.add(TestPops.pop("1001", "c1", v, Status.ANSWERED, 0));
        }

        List<ScreenPop> reversed = new ArrayList<>(versions);
        Collections.reverse(reversed);

        Thread other = new Thread(() -> reversed.forEach(b::put));
        other.start();
        versions.forEach(a::put);
        other.join();

        await().atMost(WAIT).untilAsserted(() -> assertThat(a.current("1001")).singleElement()
                .extracting(ScreenPop::version).isEqualTo(200L));
    }

    @Test
    void unreadableEntryDoesNotHideTheAgentsOtherPops() {
        PopStore store = newStore();
        ScreenPop pop = TestPops.pop("1001", "c1", 0);
        store.put(pop);
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("1001")).hasSize(1));

        redis.hset(nodes.keyPrefix() + "{1001}", "c2", "{\"callId\":");

        assertThat(store.current("1001")).containsExactly(pop);
    }
}
