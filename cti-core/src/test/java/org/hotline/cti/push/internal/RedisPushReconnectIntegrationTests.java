package org.hotline.cti.push.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.cti.push.PopStore;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.push.PushUnavailableException;
import org.hotline.cti.push.TestPops;
import org.hotline.cti.screenpop.ScreenPop;
import org.hotline.cti.testing.EmbeddedRedisSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** A Redis of its own, stopped and started on the same port while two nodes are connected. */
class RedisPushReconnectIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final EmbeddedRedisSupport server = EmbeddedRedisSupport.startDedicated();
    private final RedisNodes nodes = new RedisNodes(server.uri());
    private final RedisPush a = nodes.node("a", Clock.systemUTC());
    private final RedisPush b = nodes.node("b", Clock.systemUTC());

    @AfterEach
    void stop() {
        nodes.close();
        server.close();
    }

    @Test
    void subscriptionResumesAfterRedisRestartsAndSubscribersAreToldOfTheGap() {
        List<PushMessage> onB = new CopyOnWriteArrayList<>();
        AtomicInteger gaps = new AtomicInteger();
        b.bus().subscribe(onB::add, gaps::incrementAndGet);
        PushMessage before = a.bus().publish("1001", "pop", "before");
        await().atMost(WAIT).untilAsserted(() -> assertThat(onB).containsExactly(before));

        server.stop();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(a.health().health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(b.health().health().getStatus()).isEqualTo(Status.DOWN);
        });
        server.start();

        // B resubscribed (gap) and A answers again: what A publishes now must reach B
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(gaps).hasValue(1);
            assertThat(a.health().health().getStatus()).isEqualTo(Status.UP);
            assertThat(b.health().health().getStatus()).isEqualTo(Status.UP);
        });
        PushMessage after = a.bus().publish("1001", "pop", "after");
        await().atMost(WAIT).untilAsserted(() -> assertThat(onB).endsWith(after).contains(before));
    }

    @Test
    void localSubscribersKeepReceivingWhileRedisIsDown() {
        List<PushMessage> onA = new CopyOnWriteArrayList<>();
        a.bus().subscribe(onA::add);
        server.stop();

        PushMessage during = a.bus().publish("1001", "pop", "during");

        await().atMost(WAIT).untilAsserted(() -> assertThat(onA).containsExactly(during));
    }

    @Test
    void popStoreWorksAgainAfterRedisRestarts() {
        PopStore store = a.store();
        server.stop();
        await().atMost(WAIT).untilAsserted(() -> assertThat(a.health().health().getStatus()).isEqualTo(Status.DOWN));
        assertThatThrownBy(() -> store.current("1001"))
                .isInstanceOf(PushUnavailableException.class);

        server.start();
        ScreenPop pop = TestPops.pop("1001", "c1", 0);
        await().atMost(WAIT).ignoreException(PushUnavailableException.class).untilAsserted(() -> {
            store.put(pop);
            assertThat(b.store().current("1001")).containsExactly(pop);
        });
    }

    @Test
    void nodeDoesNotStartWhenRedisIsUnreachable() {
        server.stop();

        assertThatThrownBy(() -> nodes.node("c", Clock.systemUTC()))
                .isInstanceOf(io.lettuce.core.RedisConnectionException.class);
    }
}
