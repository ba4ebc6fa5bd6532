package org.hotline.cti.ami.internal;

import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.ami.AmiConnectionState;
import org.hotline.cti.ami.AmiStats;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** Actuator health of the AMI connection: UP while logged in (resyncing or connected), DOWN with the error otherwise. */
public final class AmiHealthIndicator implements HealthIndicator {

    private final AmiConnection connection;

    /** Reports on {@code connection}. */
    public AmiHealthIndicator(AmiConnection connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        AmiConnectionState state = connection.state();
        AmiStats stats = connection.stats();
        Health.Builder b = state.isLoggedIn() ? Health.up() : Health.down();
        b.withDetail("state", state.name())
                .withDetail("queuedFrames", stats.queuedFrames())
                .withDetail("oldestQueuedAgeMs", stats.oldestQueuedAge().toMillis())
                .withDetail("logins", stats.logins());
        String error = connection.lastError();
        if (error != null) {
            b.withDetail("error", error);
        }
        return b.build();
    }
}
