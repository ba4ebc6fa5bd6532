package org.hotline.sms.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Actuator health of the SMSC binds ({@code smsc}): DOWN when no bind could send for longer than
 * {@code hotline.sms.sender.unbound-grace}, or when an account stopped on a setting that does not fit its SMSC
 * (a wrong submit-id-format); each account's bind and last error as details.
 */
public final class SmscHealthIndicator implements HealthIndicator {

    private final SmsSender sender;
    private final Duration grace;
    private final Clock clock;
    private java.util.function.LongSupplier noRoute = () -> -1;

    /** Reports on {@code sender}'s binds. */
    public SmscHealthIndicator(SmsSender sender, Duration grace, Clock clock) {
        this.sender = sender;
        this.grace = grace;
        this.clock = clock;
    }

    /** This indicator also reporting the messages waiting for a route ({@code noRoute}, ADR 0035). */
    public SmscHealthIndicator withNoRoute(java.util.function.LongSupplier count) {
        this.noRoute = count;
        return this;
    }

    @Override
    public Health health() {
        Instant lastBound = sender.lastBound();
        Duration unbound = Duration.between(lastBound, clock.instant());
        boolean stopped = sender.bindErrors().values().stream().anyMatch(e -> e.contains("sending through it stopped"));
        boolean down = stopped || (!sender.binds().containsValue(true) && unbound.compareTo(grace) > 0);
        Health.Builder b = down ? Health.down() : Health.up();
        b.withDetail("binds", sender.binds()).withDetail("lastBound", lastBound.toString())
                .withDetail("carriers", sender.carriers()).withDetail("sent", sender.sentCounts());
        long waiting = noRoute.getAsLong();
        if (waiting >= 0) {
            b.withDetail("noRoute", waiting); // queued for a number whose accounts are all unbound: not DOWN by itself
        }
        if (!sender.bindErrors().isEmpty()) {
            b.withDetail("errors", sender.bindErrors());
        }
        if (down && !stopped) {
            b.withDetail("reason", "no SMSC bind for " + unbound.toSeconds() + " s (more than " + grace + ")");
        }
        return b.build();
    }
}
