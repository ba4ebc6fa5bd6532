package org.hotline.cti.presence;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Desk-state settings {@code hotline.presence.*}: wrap-up length, whether an agent may extend it once and by how
 * much, how long a desktop may be disconnected before the system pause, how often queue members are re-read from
 * Asterisk ({@code member-resync}, {@code 0s} for never), the pause reasons agents choose from, and what becomes of
 * an agent the PBX has ready whose desk nobody opened ({@code start}, issue #16).
 */
@ConfigurationProperties("hotline.presence")
public record PresenceProperties(@DefaultValue("30s") Duration wrapUp,
                                 @DefaultValue("true") boolean wrapUpExtendable,
                                 @DefaultValue("30s") Duration wrapUpExtension,
                                 @DefaultValue("10s") Duration laggedGrace,
                                 @DefaultValue("60s") Duration memberResync,
                                 List<PauseReason> pauseReasons,
                                 @DefaultValue("logged-out") Start start) {

    /**
     * What becomes of an agent in the PBX's queues whose desk no browser opened within three lagged graces of the
     * server's start (the desks open before a restart reconnect first): nobody takes calls without the desk.
     */
    public enum Start {
        /** Removed from the queues (签出) until they log in on the desk. */
        LOGGED_OUT,
        /** Paused with the lagged reason until the desk opens. */
        PAUSED,
        /** As the PBX has it (ready agents stay ready). */
        PBX
    }

    /** The reasons used when none are configured. */
    public static final List<PauseReason> DEFAULT_REASONS = List.of(
            new PauseReason("lunch", "午休", "Lunch"),
            new PauseReason("rest", "小休", "Break"),
            new PauseReason("training", "培训", "Training"),
            new PauseReason("meeting", "会议", "Meeting"),
            new PauseReason("callback", "回访", "Callbacks"));

    /**
     * One pause reason an agent may pick: the code sent to Asterisk as QueuePause Reason, and its labels.
     *
     * @param code lower-case letters, digits and dashes; not {@code wrapup} or {@code lagged}
     * @param zh   the Chinese label
     * @param en   the English label
     */
    public record PauseReason(String code, String zh, String en) {
        /** Validates the code. */
        public PauseReason {
            Objects.requireNonNull(code, "code");
            if (!code.matches("[a-z0-9-]{1,32}") || code.equals(DeskStatus.WRAPUP) || code.equals(DeskStatus.LAGGED)) {
                throw new IllegalArgumentException("hotline.presence.pause-reasons code: '" + code
                        + "' (expected: [a-z0-9-]{1,32}, not wrapup or lagged)");
            }
            zh = zh == null || zh.isBlank() ? code : zh;
            en = en == null || en.isBlank() ? code : en;
        }
    }

    /** Checks the durations and fills in the default reasons. */
    public PresenceProperties {
        requirePositive(wrapUp, "wrap-up");
        requirePositive(wrapUpExtension, "wrap-up-extension");
        requirePositive(laggedGrace, "lagged-grace");
        if (memberResync == null || memberResync.isNegative()) {
            throw new IllegalArgumentException("hotline.presence.member-resync: " + memberResync
                    + " (expected: >= 0, 0 for never)");
        }
        pauseReasons = pauseReasons == null || pauseReasons.isEmpty() ? DEFAULT_REASONS : List.copyOf(pauseReasons);
        start = start == null ? Start.LOGGED_OUT : start;
    }

    /** The defaults. */
    public static PresenceProperties defaults() {
        return new PresenceProperties(Duration.ofSeconds(30), true, Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(60), null, Start.LOGGED_OUT);
    }

    /** The reason with this code, if configured. */
    public java.util.Optional<PauseReason> reason(String code) {
        return pauseReasons.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("hotline.presence." + name + ": " + d + " (expected: > 0)");
        }
    }
}
