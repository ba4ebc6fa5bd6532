package org.hotline.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuietWindowTests {

    private static final QuietWindow NIGHTS = new QuietWindow(Set.of(SmsKind.ARREARS, SmsKind.GENERAL),
            LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"));

    @Test
    void anArrearsMessageAtElevenAtNightWaitsForEightButAnOutageNoticeDoesNot() {
        Instant night = Instant.parse("2026-12-07T15:00:00Z"); // 23:00 Shanghai
        assertThat(NIGHTS.earliest(SmsKind.ARREARS, night)).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
        assertThat(NIGHTS.earliest(SmsKind.OUTAGE, night)).isEqualTo(night);
    }

    @Test
    void earlyMorningWaitsForTheSameMorningAndDaytimeGoesAtOnce() {
        assertThat(NIGHTS.earliest(SmsKind.GENERAL, Instant.parse("2026-12-07T22:30:00Z")))
                .isEqualTo(Instant.parse("2026-12-08T00:00:00Z")); // 06:30 -> 08:00
        Instant noon = Instant.parse("2026-12-07T04:00:00Z");
        assertThat(NIGHTS.earliest(SmsKind.ARREARS, noon)).isEqualTo(noon);
        assertThat(QuietWindow.NONE.earliest(SmsKind.ARREARS, Instant.parse("2026-12-07T15:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T15:00:00Z"));
    }

    @Test
    void aNulOrAnotherControlCharacterIsRefusedBeforeAnythingIsWritten() {
        SmsOutbox outbox = new SmsOutbox(null, OutboxFixture.CODEC, NIGHTS);
        assertThatThrownBy(() -> outbox.enqueue(List.of(new OutboundSms("k", "13900000001", "停电\0通知",
                SmsKind.OUTAGE, null, Instant.EPOCH)))).isInstanceOf(InvalidSmsException.class)
                .hasMessageContaining("U+0000 at 2");
        assertThatThrownBy(() -> outbox.enqueue(List.of(new OutboundSms("k", "13900000001", "bell\u0007",
                SmsKind.OUTAGE, null, Instant.EPOCH)))).hasMessageContaining("U+0007");
    }
}
