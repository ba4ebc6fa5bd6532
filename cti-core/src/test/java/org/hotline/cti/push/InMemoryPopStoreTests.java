package org.hotline.cti.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hotline.cti.push.internal.InMemoryPopStore;
import org.hotline.cti.screenpop.ScreenPop.Status;
import org.junit.jupiter.api.Test;

class InMemoryPopStoreTests extends PopStoreContractTests {

    private static final Duration TTL = Duration.ofHours(1);

    @Override
    protected PopStore newStore() {
        return new InMemoryPopStore(TTL, LINGER, clock);
    }

    @Test
    void agentsPopsExpireAfterTheTtlWithoutUpdates() {
        PopStore store = newStore();
        store.put(TestPops.pop("1001", "c1", 1, Status.ANSWERED, 0));
        clock.advance(TTL.minusSeconds(1));
        store.put(TestPops.pop("1001", "c2", 1));

        clock.advance(Duration.ofSeconds(1));
        assertThat(store.current("1001")).hasSize(2);

        clock.advance(TTL);
        assertThat(store.current("1001")).isEmpty();
    }

    @Test
    void endedPopsOfAgentsNobodyReadsAreSweptByLaterPuts() {
        InMemoryPopStore store = new InMemoryPopStore(TTL, LINGER, clock);
        store.put(TestPops.pop("idle", "c1", 2, Status.ENDED, 0));
        clock.advance(LINGER);

        for (int i = 0; i < 1024; i++) {
            store.put(TestPops.pop("busy", "c" + i, 1, Status.ENDED, 0));
        }

        assertThat(store.agentCount()).isEqualTo(1);
    }
}
