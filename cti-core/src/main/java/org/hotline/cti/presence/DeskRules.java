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
 * @param dispositions the call outcomes (通话结果) in menu order, retired ones too, each for every queue or for some
 * @param dispositionRequired the queues whose agents cannot end a wrap-up without a call outcome
 */
public record DeskRules(WrapUp defaults, Map<String, WrapUp> wrapUps, List<Reason> reasons,
                        List<Disposition> dispositions, Set<String> dispositionRequired) {

    /** The code recorded for a call whose desk left it without a call outcome (the wrap-up timer, a log-out). */
    public static final String NONE_CHOSEN = "none";

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

    /**
     * A call outcome (disposition code, 通话结果) the agent records for a queue call: its code, labels, the queues it
     * is for (empty: every queue) and whether it is still offered (a retired one keeps its labels for the reports).
     *
     * @param code   lower-case letters, digits and dashes; not {@code none}
     * @param zh     the Chinese label
     * @param en     the English label
     * @param queues the queues it is for; empty for all
     * @param active whether agents can choose it
     */
    public record Disposition(String code, String zh, String en, Set<String> queues, boolean active) {
        /** Validates the code and labels and copies the queues. */
        public Disposition {
            if (code == null || !code.matches("[a-z0-9][a-z0-9-]{0,31}") || code.equals(NONE_CHOSEN)) {
                throw new IllegalArgumentException("code: '" + code
                        + "' (expected: 1 to 32 lower-case letters, digits and dashes, not 'none')");
            }
            zh = zh == null || zh.isBlank() ? code : zh.strip();
            en = en == null || en.isBlank() ? code : en.strip();
            if (zh.length() > 20 || en.length() > 40) {
                throw new IllegalArgumentException("labels: at most 20 characters in Chinese and 40 in English");
            }
            queues = Set.copyOf(queues);
        }

        /** Whether it is for calls of {@code queue} (a call without a queue: only outcomes for every queue). */
        public boolean forQueue(String queue) {
            // Set.of's contains throws on null: a call without a queue (click-to-dial, direct) asks with null
            return queues.isEmpty() || queue != null && queues.contains(queue);
        }
    }

    /** The rules without call outcomes. */
    public DeskRules(WrapUp defaults, Map<String, WrapUp> wrapUps, List<Reason> reasons) {
        this(defaults, wrapUps, reasons, List.of(), Set.of());
    }

    /** Copies the maps and lists. */
    public DeskRules {
        Objects.requireNonNull(defaults, "defaults");
        wrapUps = Map.copyOf(wrapUps);
        reasons = List.copyOf(reasons);
        dispositions = List.copyOf(dispositions);
        dispositionRequired = Set.copyOf(dispositionRequired);
    }

    /** The rules of the settings alone: their wrap-up for every queue and their pause reasons for all. */
    public static DeskRules of(PresenceProperties p) {
        return new DeskRules(defaults(p), Map.of(), reasons(p));
    }

    /** The active call outcomes an agent chooses from for a call of {@code queue}, in menu order. */
    public List<Disposition> dispositionsFor(String queue) {
        return dispositions.stream().filter(d -> d.active() && d.forQueue(queue)).toList();
    }

    /** The call outcome with this code, retired or not. */
    public Optional<Disposition> disposition(String code) {
        return dispositions.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** Whether a wrap-up after a call of {@code queue} cannot end by the agent without a call outcome. */
    public boolean dispositionRequired(String queue) {
        return queue != null && dispositionRequired.contains(queue) && !dispositionsFor(queue).isEmpty();
    }

    /**
     * Why {@code code} cannot be recorded for a call of {@code queue}, or null when it can: unknown, retired, or
     * another queue's.
     */
    public String dispositionRefusal(String code, String queue) {
        Optional<Disposition> d = disposition(code);
        if (d.isEmpty()) {
            return "unknown call outcome '" + code + "'";
        }
        if (!d.get().active()) {
            return "call outcome '" + code + "' is retired";
        }
        return d.get().forQueue(queue) ? null : "call outcome '" + code + "' is not for queue " + queue;
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
