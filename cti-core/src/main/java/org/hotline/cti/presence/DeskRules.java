package org.hotline.cti.presence;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the desk does per queue (issue #13): the wrap-up after a call that came through a queue, and the pause reasons
 * agents of a queue choose from. Immutable; administrators' changes make a new one ({@link DeskRulesStore}).
 *
 * @param defaults the wrap-up of a queue without its own ({@code hotline.presence.wrap-up…})
 * @param wrapUps  the queues' own wrap-ups, by queue name
 * @param reasons  the pause reasons in menu order, each for every queue or for some
 */
public record DeskRules(WrapUp defaults, Map<String, WrapUp> wrapUps, List<Reason> reasons) {

    /**
     * A wrap-up: how long it lasts ({@code 0}: the agent is ready at once) and what one extension adds (null: none).
     *
     * @param length    the wrap-up's length
     * @param extension what the agent's one extension adds, or null when it cannot be extended
     */
    public record WrapUp(Duration length, Duration extension) {
        /** Checks the lengths. */
        public WrapUp {
            Objects.requireNonNull(length, "length");
            if (length.isNegative() || length.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("wrap-up: " + length + " (expected: 0 to 1 hour)");
            }
            if (extension != null && (extension.isNegative() || extension.isZero()
                    || extension.compareTo(Duration.ofHours(1)) > 0)) {
                throw new IllegalArgumentException("wrap-up extension: " + extension + " (expected: 1 s to 1 hour)");
            }
        }
    }

    /**
     * A pause reason: its code (sent to Asterisk as the pause reason), labels, and the queues whose agents see it
     * (empty: every queue).
     *
     * @param code   lower-case letters, digits and dashes; not {@code wrapup} or {@code lagged}
     * @param zh     the Chinese label
     * @param en     the English label
     * @param queues the queues it is for; empty for all
     */
    public record Reason(String code, String zh, String en, Set<String> queues) {
        /** Validates the code and copies the queues. */
        public Reason {
            new PresenceProperties.PauseReason(code, zh, en); // the same rules as the configured reasons
            zh = zh == null || zh.isBlank() ? code : zh.strip();
            en = en == null || en.isBlank() ? code : en.strip();
            queues = Set.copyOf(queues);
        }

        /** Whether an agent serving {@code agentQueues} sees it (an agent without queues sees every reason). */
        public boolean offeredTo(Collection<String> agentQueues) {
            return queues.isEmpty() || agentQueues.isEmpty() || agentQueues.stream().anyMatch(queues::contains);
        }
    }

    /** Copies the maps and lists. */
    public DeskRules {
        Objects.requireNonNull(defaults, "defaults");
        wrapUps = Map.copyOf(wrapUps);
        reasons = List.copyOf(reasons);
    }

    /** The rules of the settings alone: their wrap-up for every queue and their pause reasons for all. */
    public static DeskRules of(PresenceProperties p) {
        return new DeskRules(defaults(p), Map.of(), reasons(p));
    }

    /** The settings' wrap-up. */
    static WrapUp defaults(PresenceProperties p) {
        return new WrapUp(p.wrapUp(), p.wrapUpExtendable() ? p.wrapUpExtension() : null);
    }

    /** The settings' pause reasons, for every queue. */
    static List<Reason> reasons(PresenceProperties p) {
        return p.pauseReasons().stream().map(r -> new Reason(r.code(), r.zh(), r.en(), Set.of())).toList();
    }

    /** The wrap-up after a call of {@code queue} (null or unknown: the default). */
    public WrapUp wrapUp(String queue) {
        return queue == null ? defaults : wrapUps.getOrDefault(queue, defaults);
    }

    /** The reasons an agent serving {@code agentQueues} chooses from, in menu order. */
    public List<Reason> reasonsFor(Collection<String> agentQueues) {
        return reasons.stream().filter(r -> r.offeredTo(agentQueues)).toList();
    }

    /** The reason with this code, whatever its queues. */
    public Optional<Reason> reason(String code) {
        return reasons.stream().filter(r -> r.code().equals(code)).findFirst();
    }
}
