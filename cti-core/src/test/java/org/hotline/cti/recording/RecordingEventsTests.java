package org.hotline.cti.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.recording.internal.RecordingEvents;
import org.hotline.cti.recording.internal.WavLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Asterisk's MixMonitor events become, and how long a recorded WAV plays. */
class RecordingEventsTests {

    private static final String FILE = "hotline/2026/12/07/1795434946.0-1795434950.3.wav";
    private static final String CHANNEL = "Local/1001@agents-00000001;1";

    private final CallRecordings recordings = mock(CallRecordings.class);
    private final RecordingEvents events = new RecordingEvents(recordings);

    @TempDir
    Path dir;

    @Test
    void mixMonitorStartStoresTheFileTheDialplanPutOnTheChannelUnderTheCallsLinkedid() {
        events.apply(AmiMessage.of("Event", "MixMonitorStart", "Channel", CHANNEL, "Uniqueid", "1795434950.3",
                "Linkedid", "1795434946.0", "ChanVariable", "HOTLINE_AGENT=", "ChanVariable", "HOTLINE_RECORDING=" + FILE,
                "Timestamp", "1795434952.250000"));

        verify(recordings).started("1795434946.0", CHANNEL, FILE, Instant.ofEpochSecond(1795434952, 250_000_000));
    }

    @Test
    void mixMonitorStopMeasuresTheFileAndMuteFollowsItsState() {
        events.apply(AmiMessage.of("Event", "MixMonitorStop", "Channel", CHANNEL, "Linkedid", "1795434946.0",
                "ChanVariable", "HOTLINE_RECORDING=" + FILE, "Timestamp", "1795434999.000000"));
        events.apply(AmiMessage.of("Event", "MixMonitorMute", "Channel", CHANNEL, "Direction", "both",
                "State", "1"));
        events.apply(AmiMessage.of("Event", "MixMonitorMute", "Channel", CHANNEL, "Direction", "both",
                "State", "0"));

        verify(recordings).stopped(FILE, Instant.ofEpochSecond(1795434999));
        verify(recordings).muteChanged(CHANNEL, true);
        verify(recordings).muteChanged(CHANNEL, false);
    }

    @Test
    void aRecordingOfSomeoneElsesDialplanWithoutTheVariableIsNotStored() {
        events.apply(AmiMessage.of("Event", "MixMonitorStart", "Channel", CHANNEL, "Linkedid", "1795434946.0"));

        verify(recordings, never()).started(anyString(), anyString(), anyString(), any());
    }

    @Test
    void theFileNamesTheDialplanMakesAreAcceptedAndNoOthers() {
        assertThat(CallRecordings.FILE.matcher(FILE).matches()).isTrue();
        assertThat(CallRecordings.FILE.matcher("/etc/passwd").matches()).isFalse();
        assertThat(CallRecordings.FILE.matcher("hotline/../x.wav").matches()).isTrue(); // the store refuses ".."
        assertThat(CallRecordings.FILE.matcher("hotline/x.wav;rm").matches()).isFalse();
    }

    @Test
    void aWavPlaysForItsDataBytesOverItsByteRateEvenWhenTheHeaderSaysZero() throws IOException {
        Path wav = dir.resolve("a.wav");
        Files.write(wav, wav(8000, 12_345, true));
        Path open = dir.resolve("b.wav");
        Files.write(open, wav(8000, 8_000, false));
        Files.writeString(dir.resolve("c.wav"), "not a wav at all");

        assertThat(WavLength.millis(wav)).isEqualTo(12_345);
        assertThat(WavLength.millis(open)).isEqualTo(8_000);
        assertThat(WavLength.millis(dir.resolve("c.wav"))).isEqualTo(-1);
    }

    // 16-bit mono PCM of this length; a recorder that did not close the file leaves the data size at 0
    private static byte[] wav(int rate, long millis, boolean closed) {
        int bytes = (int) (rate * 2 * millis / 1000);
        ByteBuffer b = ByteBuffer.allocate(44 + bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(closed ? 36 + bytes : 0).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(closed ? bytes : 0);
        return b.array();
    }
}
