package org.hotline.cti.recording.internal;

import org.hotline.cti.recording.CallRecordings;
import org.hotline.cti.recording.RecordingProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The recordings on the health page: the folder, how many files and bytes are kept, the disk's free space and the
 * retention. UNKNOWN (which leaves the overall status alone) while the folder does not exist yet, e.g. before the
 * first recording or where Asterisk's folder is not shared with this host.
 */
public final class RecordingHealthIndicator implements HealthIndicator {

    private final CallRecordings recordings;
    private final RecordingProperties properties;

    /** Reports on {@code recordings}. */
    public RecordingHealthIndicator(CallRecordings recordings, RecordingProperties properties) {
        this.recordings = recordings;
        this.properties = properties;
    }

    @Override
    public Health health() {
        CallRecordings.Storage s = recordings.storage();
        Health.Builder b = s.exists() ? Health.up() : Health.unknown().withDetail("reason",
                "the folder does not exist or cannot be read (hotline.recording.directory)");
        return b.withDetail("directory", s.directory()).withDetail("files", s.files())
                .withDetail("bytes", s.bytes()).withDetail("usableBytes", s.usable())
                .withDetail("retention", properties.retention().toString()).build();
    }
}
