package org.hotline.cti.recording;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Call-recording settings {@code hotline.recording.*} (docs/adr/0030).
 *
 * @param directory     Asterisk's monitor folder as this host sees it: the recordings' file names are relative to it
 *                      ({@code hotline/2026/12/07/<call>-<channel>.wav}); in {@code docker/compose.yaml} the volume
 *                      Asterisk writes {@code /var/spool/asterisk/monitor} to
 * @param retention     how long a recording is kept; older files are deleted (their rows stay, marked deleted)
 * @param sweepInterval how often recordings past the retention are looked for
 * @param syncInterval  how often each queue's recording switch is sent to Asterisk again (a dialplan reload empties
 *                      the globals it lives in), besides after every change
 */
@ConfigurationProperties("hotline.recording")
public record RecordingProperties(@DefaultValue("data/recordings") String directory,
                                  @DefaultValue("180d") Duration retention,
                                  @DefaultValue("1h") Duration sweepInterval,
                                  @DefaultValue("30s") Duration syncInterval) {

    /** Checks the durations are positive. */
    public RecordingProperties {
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("hotline.recording.directory: empty (expected: a folder)");
        }
        for (Duration d : new Duration[] {retention, sweepInterval, syncInterval}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("hotline.recording durations: '" + d + "' (expected: > 0)");
            }
        }
    }
}
