package org.hotline.cti.presence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.cti.ami.AmiAction;
import org.junit.jupiter.api.Test;

class QueueActionsTests {

    private static final String IFACE = "Local/1001@agents/n";

    @Test
    void addToQueuesIsOneUnpausedQueueAddPerQueueWithMemberNameAndHintStateInterface() {
        List<AmiAction> actions = QueueActions.of(new DeskEffect.AddToQueues(List.of("hotline", "gas")), IFACE,
                "王芳", () -> java.util.Map.of("gas", 5));
        assertThat(actions).hasSize(2);
        assertThat(actions.get(1).name()).isEqualTo("QueueAdd");
        assertThat(actions.get(1).fields()).containsExactly(new AmiAction.Field("Queue", "gas"),
                new AmiAction.Field("Interface", IFACE), new AmiAction.Field("Penalty", "5"),
                new AmiAction.Field("Paused", "false"), new AmiAction.Field("MemberName", "王芳"),
                new AmiAction.Field("StateInterface", "hint:1001@agents"));
        assertThat(actions.get(0).fields()).as("a queue without a configured penalty: first choice")
                .contains(new AmiAction.Field("Penalty", "0"));
    }

    @Test
    void aPjsipPhoneNeedsNoStateInterface() {
        List<AmiAction> actions = QueueActions.of(new DeskEffect.AddToQueues(List.of("hotline")), "PJSIP/1001", "a");
        assertThat(actions.get(0).fields()).extracting(AmiAction.Field::name).doesNotContain("StateInterface");
    }

    @Test
    void pauseIsOneQueuePauseInEveryQueueWithTheReason() {
        List<AmiAction> actions = QueueActions.of(new DeskEffect.Pause("wrapup"), IFACE, "a");
        assertThat(actions).containsExactly(new AmiAction("QueuePause", List.of(new AmiAction.Field("Interface", IFACE),
                new AmiAction.Field("Paused", "true"), new AmiAction.Field("Reason", "wrapup"))));
    }

    @Test
    void unpauseAndRemoveMapToQueuePauseFalseAndQueueRemove() {
        assertThat(QueueActions.of(new DeskEffect.Unpause(), IFACE, "a").get(0).fields())
                .contains(new AmiAction.Field("Paused", "false"));
        List<AmiAction> removes = QueueActions.of(new DeskEffect.RemoveFromQueues(List.of("hotline")), IFACE, "a");
        assertThat(removes).extracting(AmiAction::name).containsExactly("QueueRemove");
    }

    @Test
    void theExactMemberInterfaceIsSentAsIsAndItsHintHasNoLocalOptions() {
        AmiAction add = QueueActions.of(new DeskEffect.AddToQueues(List.of("gas")), "Local/2001@agents/n", "a").get(0);
        assertThat(add.fields()).contains(new AmiAction.Field("Interface", "Local/2001@agents/n"),
                new AmiAction.Field("StateInterface", "hint:2001@agents"));
        assertThat(QueueActions.stateInterface("Local/2001@agents")).isEqualTo("hint:2001@agents");
    }
}
