package org.hotline.pbxsim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTests {

    private static final String TEXT = "Asterisk Call Manager/13.0.0\r\n"
            + "Response: Success\r\nActionID: login\r\nMessage: Authentication accepted\r\n\r\n"
            + "Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n"
            + "Event: SuccessfulAuth\r\nPrivilege: security,all\r\nTimestamp: 1795434939.464692\r\n\r\n"
            + "Event: Newchannel\r\nPrivilege: call,all\r\nTimestamp: 1795434946.607262\r\nAccountCode: \r\n"
            + "CallerIDName: 张三\r\n\r\n";

    @Test
    void bannerIsSkippedAndMessagesKeepHeaderOrderAndEmptyValues() {
        List<Transcript.Message> messages = Transcript.parse(TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).get("Response")).isEqualTo("Success");
        Transcript.Message newchannel = messages.get(3);
        assertThat(newchannel.headers()).extracting(e -> e.getKey())
                .containsExactly("Event", "Privilege", "Timestamp", "AccountCode", "CallerIDName");
        assertThat(newchannel.get("AccountCode")).isEmpty();
        assertThat(newchannel.get("CallerIDName")).isEqualTo("张三");
    }

    @Test
    void onlyTimestampedEventsOtherThanTheLoginsOwnAreReplayable() {
        List<Transcript.Message> messages = Transcript.parse(TEXT.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(messages.stream().filter(Transcript::replayable).map(Transcript.Message::event))
                .containsExactly("Newchannel");
    }

    @Test
    void timestampsAreEpochDotSixDigitMicros() {
        assertThat(Clock.format(1795434946, 7262)).isEqualTo("1795434946.007262");
        assertThat(Clock.format(1795434946, 0)).isEqualTo("1795434946.000000");
    }
}
