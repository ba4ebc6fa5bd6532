package org.hotline.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hotline.pbxsim.internal.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayIntegrationTests {

    private PbxSimulator pbx;
    private AmiTestClient client;

    @BeforeEach
    void start() {
        pbx = PbxSimulator.start(SimulatorConfig.defaults());
        client = AmiTestClient.loggedIn(pbx.port());
    }

    @AfterEach
    void stop() {
        client.close();
        pbx.close();
    }

    private List<AmiTestClient.Msg> replayed(int before) {
        client.action("Ping");
        List<AmiTestClient.Msg> events = client.events();
        return events.subList(before, events.size()).stream()
                .filter(m -> m.get("Timestamp") != null && !m.isEvent("SuccessfulAuth")).toList();
    }

    private int eventsSoFar() {
        client.action("Ping");
        return client.events().size();
    }

    @Test
    void replayResendsEveryEventOfTheCaptureWithNumbersSubstituted() throws Exception {
        List<AmiTestClient.Msg> capture = Captures.messages("01-answered-completed.ami.txt").stream()
                .filter(m -> m.event() != null && m.get("Timestamp") != null && !m.isEvent("SuccessfulAuth")).toList();
        int before = eventsSoFar();
        int sent = pbx.replay(Captures.path("01-answered-completed.ami.txt"),
                ReplayOptions.asFastAsPossible().substitute("13800138000", "13912345678")).get(10, TimeUnit.SECONDS);
        assertThat(sent).isEqualTo(capture.size());
        List<AmiTestClient.Msg> got = replayed(before);
        assertThat(got).extracting(AmiTestClient.Msg::event)
                .containsExactlyElementsOf(capture.stream().map(AmiTestClient.Msg::event).toList());
        String text = got.stream().map(Object::toString).collect(Collectors.joining());
        assertThat(text).doesNotContain("13800138000").contains("13912345678").contains("张三");
        AmiTestClient.Msg connect = got.stream().filter(m -> m.isEvent("AgentConnect")).findFirst().orElseThrow();
        assertThat(connect.get("CallerIDNum")).isEqualTo("13912345678");
        assertThat(connect.get("Linkedid")).isNotEqualTo("1795434946.0");
        assertThat(Double.parseDouble(connect.get("Timestamp"))).isGreaterThan(System.currentTimeMillis() / 1000.0 - 60);
    }

    @Test
    void replayingTwiceGivesFreshIds() throws Exception {
        int before = eventsSoFar();
        pbx.replay(Captures.path("01-answered-completed.ami.txt"), ReplayOptions.asFastAsPossible())
                .get(10, TimeUnit.SECONDS);
        pbx.replay(Captures.path("01-answered-completed.ami.txt"), ReplayOptions.asFastAsPossible())
                .get(10, TimeUnit.SECONDS);
        List<AmiTestClient.Msg> got = replayed(before);
        Set<String> linkedids = got.stream().filter(m -> m.isEvent("Newchannel")).map(m -> m.get("Linkedid"))
                .collect(Collectors.toSet());
        Set<String> channels = got.stream().filter(m -> m.isEvent("Newchannel")).map(m -> m.get("Channel"))
                .collect(Collectors.toSet());
        assertThat(linkedids).hasSize(2);
        assertThat(channels).hasSize(8);
        assertThat(client.list("CoreShowChannels")).noneMatch(m -> m.isEvent("CoreShowChannel"));
    }

    @Test
    void replayedCallInProgressShowsInListActions() throws Exception {
        // the capture cut just after the agent answered: four channels live, member 1001 in use
        String text = new String(Captures.bytes("01-answered-completed.ami.txt"), StandardCharsets.UTF_8);
        String cut = text.substring(0, text.indexOf("Event: BridgeCreate"));
        pbx.replay(cut.getBytes(StandardCharsets.UTF_8), ReplayOptions.asFastAsPossible()).get(10, TimeUnit.SECONDS);
        List<AmiTestClient.Msg> channels = client.list("CoreShowChannels").stream()
                .filter(m -> m.isEvent("CoreShowChannel")).toList();
        assertThat(channels).hasSize(4);
        client.action("Ping");
        List<String> created = client.events().stream().filter(m -> m.isEvent("Newchannel"))
                .map(m -> m.get("Channel")).toList();
        assertThat(channels).extracting(m -> m.get("Channel")).containsExactlyInAnyOrderElementsOf(created);
        AmiTestClient.Msg agentLeg = channels.stream().filter(m -> m.get("Channel").endsWith(";1")
                && m.get("Channel").startsWith("Local/1001@agents-")).findFirst().orElseThrow();
        assertThat(agentLeg.get("ChannelStateDesc")).isEqualTo("Up");
        assertThat(agentLeg.get("Application")).isEqualTo("AppQueue");
        AmiTestClient.Msg member = client.list("QueueStatus", "Queue", "hotline").stream()
                .filter(m -> m.isEvent("QueueMember") && m.get("Location").equals("Local/1001@agents/n")).findFirst()
                .orElseThrow();
        assertThat(member.get("Status")).isEqualTo("2");
    }

    @Test
    void replayKeepsCapturedGapsScaledBySpeed() throws Exception {
        // capture 01 spans about 10 s of events; at speed 20 that is about half a second
        List<Transcript.Message> all = Transcript.parse(Captures.bytes("01-answered-completed.ami.txt"));
        assertThat(all).isNotEmpty();
        long start = System.nanoTime();
        pbx.replay(Captures.path("01-answered-completed.ami.txt"), ReplayOptions.atSpeed(20)).get(10, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(millis).isBetween(400L, 3000L);
    }
}
