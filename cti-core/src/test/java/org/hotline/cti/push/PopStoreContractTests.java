package org.hotline.cti.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.hotline.cti.screenpop.ScreenPop;
import org.hotline.cti.screenpop.ScreenPop.Status;
import org.junit.jupiter.api.Test;

/** What every {@link PopStore} does; writes may be asynchronous, so reads await. */
public abstract class PopStoreContractTests {

    protected static final Duration WAIT = Duration.ofSeconds(10);
    protected static final Duration LINGER = Duration.ofSeconds(30);

    protected final MutableClock clock = new MutableClock(TestPops.T0);

    /** A store timed by {@link #clock}, with ended pops lingering {@link #LINGER}; the subclass cleans up. */
    protected abstract PopStore newStore();

    @Test
    void putPopIsCurrentForItsAgent() {
        PopStore store = newStore();
        ScreenPop pop = TestPops.pop("1001", "c1", 0);

        store.put(pop);

        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("1001")).containsExactly(pop));
    }

    @Test
    void popRoundTripsExactlyWithChineseAndHostileText() {
        PopStore store = newStore();
        ScreenPop pop = TestPops.pop("坐席-7", "c1", 4, Status.ANSWERED, 0);

        store.put(pop);

        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("坐席-7")).singleElement()
                .satisfies(p -> {
                    assertThat(p).isEqualTo(pop);
                    assertThat(PopJson.write(p)).isEqualTo(PopJson.write(pop));
                }));
    }

    @Test
    void higherVersionReplacesLower() {
        PopStore store = newStore();
        store.put(TestPops.pop("1001", "c1", 1, Status.RINGING, 0));
        ScreenPop answered = TestPops.pop("1001", "c1", 2, Status.ANSWERED, 0);

        store.put(answered);

        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("1001")).containsExactly(answered));
    }

    @Test
    void lowerOrEqualVersionArrivingLateIsIgnored() {
        PopStore store = newStore();
        ScreenPop answered = TestPops.pop("1001", "c1", 5, Status.ANSWERED, 0);
        store.put(answered);

        store.put(TestPops.pop("1001", "c1", 4, Status.RINGING, 0));
        store.put(TestPops.pop("1001", "c1", 5, Status.RINGING, 0));
        ScreenPop marker = TestPops.pop("1001", "c2", 1);
        store.put(marker);

        // the marker written after them shows the late puts were applied (and ignored) already
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("1001")).containsExactly(answered, marker));
    }

    @Test
    void removeForgetsOnlyThatCall() {
        PopStore store = newStore();
        ScreenPop keep = TestPops.pop("1001", "c2", 5);
        store.put(TestPops.pop("1001", "c1", 0));
        store.put(keep);

        store.remove("1001", "c1");
        store.remove("1001", "never-stored");
        store.remove("nobody", "c1");

        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("1001")).containsExactly(keep));
    }

    @Test
    void agentNeverSeesAnotherAgentsPops() {
        PopStore store = newStore();
        ScreenPop forA = TestPops.pop("1001", "c1", 0);
        ScreenPop forB = TestPops.pop("1002", "c1", 0);
        ScreenPop forPrefix = TestPops.pop("100", "c9", 0);

        store.put(forA);
        store.put(forB);
        store.put(forPrefix);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(store.current("1001")).containsExactly(forA);
            assertThat(store.current("1002")).containsExactly(forB);
            assertThat(store.current("100")).containsExactly(forPrefix);
            assertThat(store.current("1003")).isEmpty();
        });
    }

    @Test
    void currentIsOrderedByRingingAt() {
        PopStore store = newStore();
        ScreenPop late = TestPops.pop("1001", "a-late", 20);
        ScreenPop early = TestPops.pop("1001", "z-early", 1);
        ScreenPop middle = TestPops.pop("1001", "m-middle", 10);

        store.put(late);
        store.put(early);
        store.put(middle);

        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("1001")).containsExactly(early, middle, late));
    }

    @Test
    void endedPopLingersThenDisappears() {
        PopStore store = newStore();
        ScreenPop live = TestPops.pop("1001", "c2", 1, Status.ANSWERED, 5);
        ScreenPop ended = TestPops.pop("1001", "c1", 3, Status.ENDED, 0);
        store.put(live);
        store.put(TestPops.pop("1001", "c1", 1, Status.ANSWERED, 0));
        store.put(ended);
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("1001")).containsExactly(ended, live));

        clock.advance(LINGER.minusMillis(1));
        assertThat(store.current("1001")).containsExactly(ended, live);

        clock.advance(Duration.ofMillis(1));
        assertThat(store.current("1001")).containsExactly(live);
    }

    @Test
    void missedAndTransferredPopsLingerToo() {
        PopStore store = newStore();
        store.put(TestPops.pop("1001", "c1", 2, Status.MISSED, 0));
        store.put(TestPops.pop("1001", "c2", 2, Status.TRANSFERRED, 1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("1001")).hasSize(2));

        clock.advance(LINGER);

        assertThat(store.current("1001")).isEmpty();
    }

    @Test
    void unknownAgentHasNoPops() {
        assertThat(newStore().current("nobody")).isEqualTo(List.of());
    }
}
