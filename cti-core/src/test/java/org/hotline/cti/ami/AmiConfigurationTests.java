package org.hotline.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.hotline.cti.ami.internal.AmiHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AmiConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(AmiConfiguration.class);

    @Test
    void disabledCreatesNoConnection() {
        runner.withPropertyValues("hotline.ami.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(AmiConnection.class));
    }

    @Test
    void enabledConnectsWithTheListenerBeanAndLogsOffOnClose() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (ScriptedAmiPeer peer = new ScriptedAmiPeer()) {
            runner.withBean(AmiListener.class, () -> listener)
                    .withPropertyValues("hotline.ami.port=" + peer.port(), "hotline.ami.username=hotline",
                            "hotline.ami.secret=hotline")
                    .run(ctx -> {
                        AmiConnection connection = ctx.getBean(AmiConnection.class);
                        await().atMost(Duration.ofSeconds(5))
                                .until(() -> connection.state() == AmiConnectionState.CONNECTED);
                        assertThat(ctx.getBean(AmiHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
                        assertThat(listener.count(RecordingListener.RESYNC_FINISHED)).isEqualTo(1);
                    });
            assertThat(peer.actions("Logoff")).hasSize(1);
        }
    }
}
