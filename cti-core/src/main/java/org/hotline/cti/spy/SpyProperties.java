package org.hotline.cti.spy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Supervisor listen, whisper and barge settings {@code hotline.spy.*} (docs/adr/0031).
 *
 * @param context     the dialplan context the supervisor's phone is sent into: extensions {@code listen},
 *                    {@code whisper}, {@code barge} run ChanSpy on {@code HOTLINE_SPY_TARGET}
 *                    (docker/asterisk/extensions.conf)
 * @param tellAgent   whether the agent's desk is told that a supervisor listens, whispers or barges in
 * @param ringTimeout how long the supervisor's own phone rings before the command gives up
 */
@ConfigurationProperties("hotline.spy")
public record SpyProperties(@DefaultValue("hotline-spy") String context,
                            @DefaultValue("true") boolean tellAgent,
                            @DefaultValue("30s") Duration ringTimeout) {

    /** Checks the context is a dialplan name and the ring time positive. */
    public SpyProperties {
        if (context == null || !context.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("hotline.spy.context: '" + context + "' (expected: [A-Za-z0-9_-]+)");
        }
        if (ringTimeout == null || ringTimeout.isNegative() || ringTimeout.isZero()) {
            throw new IllegalArgumentException("hotline.spy.ring-timeout: '" + ringTimeout + "' (expected: > 0)");
        }
    }

    /** The defaults. */
    public static SpyProperties defaults() {
        return new SpyProperties("hotline-spy", true, Duration.ofSeconds(30));
    }
}
