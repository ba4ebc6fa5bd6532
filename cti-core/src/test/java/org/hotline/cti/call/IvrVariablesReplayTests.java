package org.hotline.cti.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.testing.AmiFixtures;
import org.junit.jupiter.api.Test;

/** Capture 06: IVR menus set IVR_ACCOUNT and IVR_CHOICE (manager.conf channelvars) before the queue. */
class IvrVariablesReplayTests {

    private final Replay r = Replay.of("06-ivr-setvars-queue.ami.txt");

    @Test
    void ivrVariablesAreCarriedIntoCallQueuedAndAgentRinging() {
        assertThat(r.events(CallQueued.class)).extracting(CallQueued::variables).containsExactly(
                Map.of("IVR_ACCOUNT", "2024001", "IVR_CHOICE", "billing"),
                Map.of("IVR_ACCOUNT", "8888", "IVR_CHOICE", "gas-leak"),
                Map.of("IVR_ACCOUNT", "5566", "IVR_CHOICE", "gas-leak"),
                Map.of("IVR_ACCOUNT", "none", "IVR_CHOICE", "timeout"));
        assertThat(r.events(AgentRinging.class)).extracting(AgentRinging::variables)
                .isEqualTo(r.events(CallQueued.class).stream().map(CallQueued::variables).toList());
    }

    @Test
    void ivrCallsReachTheirQueuesAndEnd() {
        assertThat(r.lines(e -> e instanceof CallQueued || e instanceof CallEnded)).containsExactly(
                "CallQueued 1795435084.32 hotline 13800138000 '' pos=1",
                "CallEnded 1795435084.32 13800138000 cause=16",
                "CallQueued 1795435097.36 gas anonymous '' pos=1",
                "CallEnded 1795435097.36 anonymous cause=16",
                "CallQueued 1795435107.40 gas 02788886666 '' pos=1",
                "CallEnded 1795435107.40 02788886666 cause=16",
                "CallQueued 1795435119.44 hotline +8613912345678 '' pos=1",
                "CallEnded 1795435119.44 +8613912345678 cause=16");
        assertThat(r.tracker.calls()).isEmpty();
    }

    @Test
    void varSetOfAChannelVariableUpdatesTheCallWhileStillInTheIvr() {
        Replay step = new Replay();
        for (AmiMessage m : AmiFixtures.messages("06-ivr-setvars-queue.ami.txt")) {
            step.apply(m);
            if ("VarSet".equals(m.eventName()) && "__IVR_ACCOUNT".equals(m.get("Variable"))) {
                break;
            }
        }

        assertThat(step.tracker.calls()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(CallState.DIALPLAN);
            assertThat(c.variables()).containsOnly(entry("IVR_ACCOUNT", "2024001"), entry("IVR_CHOICE", ""));
        });
    }

    @Test
    void aSnapshotKeepsAnUnchangedCallsViewAndRebuildsItWhenAVariableOrTheStateChanges() {
        Replay step = new Replay();
        CallView before = null;
        CallView withAccount = null;
        for (AmiMessage m : AmiFixtures.messages("06-ivr-setvars-queue.ami.txt")) {
            if (before == null && "VarSet".equals(m.eventName()) && "__IVR_ACCOUNT".equals(m.get("Variable"))) {
                before = only(step);
                assertThat(only(step)).isSameAs(before); // nothing happened between the two snapshots
                step.apply(m);
                withAccount = only(step);
                assertThat(withAccount).isNotSameAs(before);
                assertThat(withAccount.variables()).containsEntry("IVR_ACCOUNT", "2024001");
                assertThat(before.variables()).doesNotContainEntry("IVR_ACCOUNT", "2024001");
                continue;
            }
            step.apply(m);
            if (withAccount != null && "QueueCallerJoin".equals(m.eventName())) {
                assertThat(only(step)).isNotSameAs(withAccount).satisfies(c -> {
                    assertThat(c.state()).isEqualTo(CallState.QUEUED);
                    assertThat(c.variables()).containsEntry("IVR_ACCOUNT", "2024001");
                });
                return;
            }
        }
        throw new AssertionError("the capture's first call never joined its queue");
    }

    private static CallView only(Replay step) {
        assertThat(step.tracker.calls()).hasSize(1);
        return step.tracker.calls().iterator().next();
    }

    @Test
    void otherVarSetsAreIgnoredCheaplyAndCounted() {
        TrackerStats stats = r.tracker.stats();

        assertThat(stats.unknown()).isZero();
        assertThat(stats.ignored()).isGreaterThan(stats.handled());
        assertThat(stats.handled() + stats.ignored()).isEqualTo(stats.events());
    }
}
