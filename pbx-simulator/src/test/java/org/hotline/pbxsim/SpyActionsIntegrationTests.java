package org.hotline.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A supervisor's listen, whisper or barge as Hotline sends it (docs/adr/0031), answered as Asterisk 22 does: the
 * Originate queued, OriginateResponse when the supervisor's phone answers, ChanSpyStart on the agent's channel, and
 * the spy gone with that channel.
 */
class SpyActionsIntegrationTests {

    private PbxSimulator pbx;
    private AmiTestClient client;

    @BeforeEach
    void start() {
        pbx = PbxSimulator.start(SimulatorConfig.defaults().withSpeed(20));
        client = AmiTestClient.loggedIn(pbx.port());
    }

    @AfterEach
    void stop() {
        client.close();
        pbx.close();
    }

    private AmiTestClient.Msg spy(String target, String mode) {
        return client.action("Originate", "Channel", "Local/1900@agents/n", "Context", "hotline-spy", "Exten", mode,
                "Priority", "1", "Async", "true", "Variable", "HOTLINE_SPY_TARGET=" + target,
                "Variable", "HOTLINE_AGENT=supervisor");
    }

    @Test
    void aSpyOriginateAnswersThenStartsChanSpyOnTheAgentsChannelAndEndsWithIt() {
        CallHandle call = pbx.placeCall(CallSpec.of("13800138000", "hotline")
                .withOutcome(new Outcome.RingUntilTold("1001")).withTalkTime(Duration.ofSeconds(600)));
        call.ringing().join();
        call.answer();
        String agent = client.awaitMessage(m -> m.isEvent("AgentConnect") && m.linkedTo(call.linkedid()))
                .get("DestChannel");

        assertThat(spy(agent, "listen").get("Response")).isEqualTo("Success");

        AmiTestClient.Msg answered = client.awaitMessage(m -> m.isEvent("OriginateResponse"));
        assertThat(answered.get("Response")).isEqualTo("Success");
        assertThat(answered.get("Channel")).startsWith("Local/1900@agents-").endsWith(";1");
        AmiTestClient.Msg started = client.awaitMessage(m -> m.isEvent("ChanSpyStart"));
        assertThat(started.get("SpyerChannel")).isEqualTo(answered.get("Channel"));
        assertThat(started.get("SpyeeChannel")).isEqualTo(agent);

        call.hangup();
        client.awaitMessage(m -> m.isEvent("ChanSpyStop") && answered.get("Channel").equals(m.get("SpyerChannel")));
        client.awaitMessage(m -> m.isEvent("Hangup") && answered.get("Channel").equals(m.get("Channel")));
    }

    @Test
    void aSpyOnAChannelThatIsGoneHangsUpWithoutChanSpyStartAndABadModeIsRefused() {
        assertThat(spy("Local/1002@agents-00000099;1", "whisper").get("Response")).isEqualTo("Success");
        AmiTestClient.Msg answered = client.awaitMessage(m -> m.isEvent("OriginateResponse"));
        client.awaitMessage(m -> m.isEvent("Hangup") && answered.get("Channel").equals(m.get("Channel")));
        assertThat(client.events()).noneMatch(m -> m.isEvent("ChanSpyStart"));

        assertThat(spy("Local/1002@agents-00000099;1", "record").get("Response")).isEqualTo("Error");
    }
}
