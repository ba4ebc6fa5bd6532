package org.hotline.cti.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.hotline.cti.call.Frames.event;
import static org.hotline.cti.call.Frames.hangup;
import static org.hotline.cti.call.Frames.newChannel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.testing.AmiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallTrackerBadInputTests {

    private final Replay r = new Replay();

    @Test
    void unknownEventsAreIgnoredAndCountedByName() {
        r.apply(event("FooBar", "Timestamp", "100.0")).apply(event("FooBar")).apply(event("Baz", "X", "y"));

        assertThat(r.events).isEmpty();
        assertThat(r.tracker.stats().unknown()).isEqualTo(3);
        assertThat(r.tracker.stats().unknownByName()).containsExactlyInAnyOrderEntriesOf(
                Map.of("FooBar", 2L, "Baz", 1L));
    }

    @Test
    void unknownFieldsChangeNothing() {
        r.apply(newChannel("100.0", "PJSIP/trunk-00000001", "100.1", "100.1", "13800138000"));
        r.apply(event("Hangup", "Timestamp", "101.0", "Channel", "PJSIP/trunk-00000001", "Uniqueid", "100.1",
                "Linkedid", "100.1", "Cause", "16", "FutureField", "whatever", "Cause-txt", "Normal Clearing"));

        assertThat(r.lines()).containsExactly("CallerIdentified 100.1 13800138000",
                "CallEnded 100.1 13800138000 cause=16");
    }

    @Test
    void channelWithoutLinkedidIsSkippedAndCountedAsMissing() {
        r.apply(event("Newchannel", "Timestamp", "100.0", "Channel", "PJSIP/a-1", "Uniqueid", "100.1"));

        assertThat(r.tracker.calls()).isEmpty();
        assertThat(r.tracker.stats().missingFields()).isEqualTo(1);
    }

    @Test
    void nonNumericCauseIsCountedAndTheCallStillEndsWithCause0() {
        r.apply(newChannel("100.0", "PJSIP/trunk-00000001", "100.1", "100.1", "13800138000"));
        r.apply(hangup("101.0", "PJSIP/trunk-00000001", "100.1", "100.1", "sixteen"));

        assertThat(r.lines()).containsExactly("CallerIdentified 100.1 13800138000", "CallEnded 100.1 13800138000 cause=0");
        assertThat(r.tracker.stats().malformedValues()).isEqualTo(1);
    }

    @Test
    void missingOrGarbageTimestampFallsBackToThePreviousEventsTime() {
        r.apply(newChannel("100.250000", "PJSIP/trunk-00000001", "100.1", "100.1", "1"));
        r.apply(event("QueueCallerJoin", "Channel", "PJSIP/trunk-00000001", "Uniqueid", "100.1", "Linkedid", "100.1",
                "Queue", "hotline", "Position", "one"));
        r.apply(hangup("soon", "PJSIP/trunk-00000001", "100.1", "100.1", "16"));

        assertThat(r.events).extracting(TelephonyEvent::at).containsOnly(Instant.parse("1970-01-01T00:01:40.25Z"));
        assertThat(r.events(CallQueued.class)).singleElement().extracting(CallQueued::position).isEqualTo(0);
        assertThat(r.tracker.stats().malformedValues()).isEqualTo(2);
    }

    @Test
    void eventsAboutChannelsNeverSeenAreCountedNotThrown() {
        r.apply(hangup("100.0", "PJSIP/x-1", "9.9", "9.9", "16"));
        r.apply(event("BridgeLeave", "Uniqueid", "9.8"));
        r.apply(event("DialEnd", "DestUniqueid", "9.7", "DialStatus", "ANSWER"));

        assertThat(r.events).isEmpty();
        assertThat(r.tracker.stats().unknownChannels()).isEqualTo(2);
    }

    @Test
    void agentCalledWithoutDestinationIsSkipped() {
        r.apply(newChannel("100.0", "PJSIP/trunk-00000001", "100.1", "100.1", "1"));
        r.apply(event("AgentCalled", "Timestamp", "100.5", "Channel", "PJSIP/trunk-00000001", "Uniqueid", "100.1",
                "Linkedid", "100.1", "Queue", "hotline", "Interface", "PJSIP/1001"));

        assertThat(r.lines()).containsExactly("CallerIdentified 100.1 1");
        assertThat(r.tracker.stats().missingFields()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "", "-1"})
    void memberStatusGarbageKeepsTheAgentButNotTheStatus(String status) {
        r.apply(event("QueueMemberStatus", "Timestamp", "100.0", "Queue", "hotline", "Interface", "PJSIP/1001",
                "Status", status, "Paused", "0"));

        assertThat(r.lines()).containsExactly("AgentStateChanged PJSIP/1001 UNAVAILABLE queues=[hotline]");
    }

    @Test
    void memberInterfaceThatIsNoInterfaceIsCountedAndSkipped() {
        r.apply(event("QueueMemberStatus", "Timestamp", "100.0", "Queue", "hotline", "Interface", "garbage",
                "Status", "1"));
        r.apply(event("QueueMemberPause", "Timestamp", "100.0", "Interface", "PJSIP/1001", "Status", "1"));

        assertThat(r.events).isEmpty();
        assertThat(r.tracker.agents()).isEmpty();
        assertThat(r.tracker.stats().malformedValues()).isEqualTo(1);
        assertThat(r.tracker.stats().missingFields()).isEqualTo(1);
    }

    @Test
    void framesThatAreNeitherEventsNorResponsesAreHarmless() {
        r.apply(AmiMessage.of()).apply(AmiMessage.of("Banner", "Asterisk Call Manager/13.0.0"))
                .apply(AmiMessage.of("Response", "Error", "Message", "Invalid/unknown command"));

        assertThat(r.events).isEmpty();
        assertThat(r.tracker.stats().messages()).isEqualTo(3);
        assertThat(r.tracker.stats().responses()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-answered-completed.ami.txt", "02-abandon.ami.txt", "05-blind-transfer-redirect.ami.txt",
        "06-ivr-setvars-queue.ami.txt", "08-resync-during-calls.ami.txt"})
    void captureWithARandomFieldDroppedFromEveryFrameAppliesWithoutException(String capture) {
        Random random = new Random(42);
        List<AmiMessage> mutated = new ArrayList<>();
        for (AmiMessage m : AmiFixtures.messages(capture)) {
            mutated.add(dropOne(m, 1 + random.nextInt(Math.max(1, m.size() - 1))));
        }

        assertThatCode(() -> r.apply(mutated)).doesNotThrowAnyException();
        assertThat(r.tracker.stats().messages()).isEqualTo(mutated.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"03-ringnoanswer-then-answered.ami.txt", "04-pause-unpause-add-remove.ami.txt"})
    void captureWithEveryValueGarbledAppliesWithoutException(String capture) {
        List<AmiMessage> garbled = new ArrayList<>();
        for (AmiMessage m : AmiFixtures.messages(capture)) {
            String[] names = new String[m.size()];
            String[] values = new String[m.size()];
            for (int i = 0; i < m.size(); i++) {
                names[i] = m.name(i);
                values[i] = i == 0 ? m.value(i) : "\u0000<b>" + m.value(i) + "</b>;;==";
            }
            garbled.add(new AmiMessage(names, values, m.size(), m.receivedNanos()));
        }

        assertThatCode(() -> r.apply(garbled)).doesNotThrowAnyException();
        assertThat(r.tracker.stats().malformedValues()).isPositive();
    }

    private static AmiMessage dropOne(AmiMessage m, int drop) {
        int n = m.size();
        String[] names = new String[n];
        String[] values = new String[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i != drop || n == 1) {
                names[k] = m.name(i);
                values[k++] = m.value(i);
            }
        }
        return new AmiMessage(names, values, k, m.receivedNanos());
    }
}
