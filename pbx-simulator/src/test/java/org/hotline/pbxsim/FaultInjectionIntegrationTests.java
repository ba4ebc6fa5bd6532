package org.hotline.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionIntegrationTests {

    private PbxSimulator pbx;

    @BeforeEach
    void start() {
        pbx = PbxSimulator.start(SimulatorConfig.defaults().withSpeed(50));
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    @Test
    void dropConnectionsMakesTheClientSeeEof() {
        try (AmiTestClient c = AmiTestClient.loggedIn(pbx.port())) {
            pbx.dropConnections();
            await().atMost(Duration.ofSeconds(5)).until(c::eof);
        }
        try (AmiTestClient again = AmiTestClient.loggedIn(pbx.port())) {
            assertThat(again.action("Ping").get("Ping")).isEqualTo("Pong");
        }
    }

    @Test
    void sendRawWritesBytesAsGiven() {
        try (AmiTestClient c = AmiTestClient.loggedIn(pbx.port())) {
            String line = "x".repeat(1024 * 1024);
            pbx.sendRaw("garbage\u0000\r\n" + line + "\r\n\r\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> c.rawText().contains(line));
            assertThat(c.rawText()).contains("garbage\u0000\r\n");
        }
    }

    @Test
    void wrongBannerGreetsNewConnections() {
        pbx.useBanner("SSH-2.0-OpenSSH_9.6");
        try (AmiTestClient c = new AmiTestClient(pbx.port())) {
            assertThat(c.banner()).isEqualTo("SSH-2.0-OpenSSH_9.6");
        }
        pbx.useBanner(null);
        try (AmiTestClient c = new AmiTestClient(pbx.port())) {
            assertThat(c.banner()).isEqualTo("Asterisk Call Manager/13.0.0");
        }
    }

    @Test
    void delayedResponsesArriveAfterTheDelay() {
        try (AmiTestClient c = AmiTestClient.loggedIn(pbx.port())) {
            pbx.delayResponses(Duration.ofMillis(300));
            long start = System.nanoTime();
            assertThat(c.action("Ping").get("Ping")).isEqualTo("Pong");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void agentCalledListenerHearsEachFlushedAgentCalled() {
        List<String> heard = new CopyOnWriteArrayList<>();
        pbx.onAgentCalled((linkedid, iface, nanos) -> heard.add(linkedid + " " + iface));
        try (AmiTestClient c = AmiTestClient.loggedIn(pbx.port())) {
            long before = System.nanoTime();
            CallHandle call = pbx.placeCall(CallSpec.of("13800138000", "hotline")
                    .withOutcome(Outcome.ringUntilTold("1003")));
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains(call.linkedid() + " Local/1003@agents/n"));
            AmiTestClient.Msg called = c.awaitMessage(m -> m.isEvent("AgentCalled"));
            assertThat(called.get("Linkedid")).isEqualTo(call.linkedid());
            assertThat(System.nanoTime()).isGreaterThan(before);
        }
    }

    @Test
    void blindTransferEndsTheQueueLegWithReasonTransferAndDialsTheTarget() throws Exception {
        try (AmiTestClient c = AmiTestClient.loggedIn(pbx.port())) {
            CallHandle call = pbx.placeCall(CallSpec.of("02788886666", "hotline").withTalkTime(Duration.ofSeconds(3))
                    .withOutcome(new Outcome.BlindTransfer("1001", Duration.ofSeconds(3), "2002",
                            Duration.ofSeconds(3))));
            call.ended().get(10, java.util.concurrent.TimeUnit.SECONDS);
            c.action("Ping");
            List<String> names = c.events().stream().filter(m -> m.linkedTo(call.linkedid()))
                    .map(AmiTestClient.Msg::event).toList();
            assertThat(names).containsSubsequence("AgentConnect", "Unhold", "BlindTransfer", "AgentComplete",
                    "DialBegin", "DialEnd", "BridgeEnter", "Hangup");
            AmiTestClient.Msg complete = c.awaitMessage(m -> m.isEvent("AgentComplete"));
            assertThat(complete.get("Reason")).isEqualTo("transfer");
            assertThat(c.events().stream().filter(m -> m.isEvent("AgentCalled"))).hasSize(1);
            assertThat(c.events().stream().filter(m -> m.isEvent("QueueMemberStatus")
                    && "Local/2002@agents/n".equals(m.get("Interface"))).map(m -> m.get("Status")))
                    .containsExactly("6", "2", "1");
        }
    }
}
