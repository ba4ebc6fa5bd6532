package org.hotline.cti.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiAction;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentRingStopped;
import org.hotline.cti.call.AgentRinging;
import org.hotline.cti.call.AgentStateChanged;
import org.hotline.cti.call.CallAnswered;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.call.TelephonyEvent;
import org.hotline.cti.call.TelephonyListener;
import org.hotline.cti.control.AmiCommands;
import org.hotline.cti.control.ControlException;
import org.hotline.cti.presence.internal.Desk;
import org.hotline.cti.presence.internal.DeskEffect;
import org.hotline.cti.presence.internal.DeskInput;
import org.hotline.cti.presence.internal.DeskMachine;
import org.hotline.cti.presence.internal.DeskSeed;
import org.hotline.cti.presence.internal.DeskTransition;
import org.hotline.cti.presence.internal.DispositionWatch;
import org.hotline.cti.presence.internal.QueueActions;
import org.hotline.cti.presence.internal.StateJson;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every agent's desk state on this node: commands of agents and supervisors become AMI queue actions, PBX events and
 * timers move the state, and each change is pushed to the agent as {@code agent-state}. Commands block until the PBX
 * answered (their state is committed only then); event-driven actions (wrap-up and lagged pauses) are sent from a
 * timer thread so the AMI consumer never waits. Wrap-up and lagged pauses apply to agents who used the desk on this
 * node (any command, theirs or a supervisor's), the lagged pause also to agents who only opened it; others keep the
 * PBX's own behaviour (ADR 0010). A desk whose last desktop went away while busy (a call, wrap-up) is paused lagged
 * when it would become ready (issue #16).
 * Thread-safe: one lock per agent.
 */
public final class Presence implements TelephonyListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Presence.class);
    private static final long UNKNOWN_RECHECK_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final PresenceProperties properties;
    // the administrators' per-queue rules (DeskRulesStore), else the settings' alone; read per transition
    private volatile Supplier<DeskRules> rules;
    // where the call outcomes go (the call records); nowhere until wired
    private volatile Consumer<DispositionRecorded> dispositions = d -> { };
    private final AgentDirectory directory;
    private final AmiCommands commands;
    private final PushBus bus;
    private final Supplier<CallTracker> tracker;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Map<String, Desk> desks = new ConcurrentHashMap<>();
    // the desks on each call: a call's end finds its desks without a look at every desk (2,000 locks a call, on the
    // thread that delivers the next rings; the benchmark's hottest method)
    private final Map<String, Set<Desk>> desksByCall = new ConcurrentHashMap<>();
    private final Map<String, String> userByInterface = new ConcurrentHashMap<>();
    private final Map<String, Long> unknownInterfaces = new ConcurrentHashMap<>();

    /**
     * A presence service. {@code tracker} may give null (no PBX view: desks start logged out); {@code clock} gives
     * the times of commands and timers.
     */
    public Presence(PresenceProperties properties, AgentDirectory directory, AmiCommands commands, PushBus bus,
                    Supplier<CallTracker> tracker, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        DeskRules fromSettings = DeskRules.of(properties);
        this.rules = () -> fromSettings;
        this.directory = Objects.requireNonNull(directory, "directory");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hotline-presence");
            t.setDaemon(true);
            return t;
        });
    }

    /** The settings. */
    public PresenceProperties properties() {
        return properties;
    }

    /** Takes each queue's wrap-up and the pause reasons from {@code source} from now on (the next transition). */
    public void useRules(Supplier<DeskRules> source) {
        this.rules = Objects.requireNonNull(source, "source");
    }

    /** Sends each queue call's recorded outcome to {@code sink} from now on (quick, non-blocking). */
    public void onDisposition(Consumer<DispositionRecorded> sink) {
        this.dispositions = Objects.requireNonNull(sink, "sink");
    }

    /** The rules in force. */
    public DeskRules rules() {
        return rules.get();
    }

    /** The pause reasons {@code username} chooses from: those of the agent's queues (all for a user without any). */
    public List<DeskRules.Reason> pauseReasons(String username) {
        return rules().reasonsFor(directory.findByUsername(username).map(AgentAccount::queues).orElse(List.of()));
    }

    private DeskMachine machine() {
        return new DeskMachine(rules());
    }

    /** The agent's desk now. */
    public DeskStatus status(String username) {
        Desk d = desk(username);
        synchronized (d) {
            return d.status;
        }
    }

    /** The agent's desk as the {@code agent-state} JSON payload. */
    public String statusJson(String username) {
        return StateJson.write(status(username), rules());
    }

    /** Adds the agent to their queues ({@code queue_members}), unpaused. */
    public DeskStatus login(String username) {
        Desk d = desk(username);
        List<String> queues = directory.findByUsername(username).map(AgentAccount::queues).orElse(List.of());
        return command(d, new DeskInput.Login(queues, now()));
    }

    /** Removes the agent from every queue the PBX has them in. */
    public DeskStatus logout(String username) {
        return command(desk(username), new DeskInput.Logout(now()));
    }

    /** Unpauses the agent. */
    public DeskStatus ready(String username) {
        return command(desk(username), new DeskInput.Ready(now()));
    }

    /** Pauses the agent with a configured reason code. */
    public DeskStatus pause(String username, String reason) {
        if (reason == null || pauseReasons(username).stream().noneMatch(r -> r.code().equals(reason))) {
            throw new ControlException(ControlException.Kind.INVALID, "unknown pause reason '" + reason + "'"
                    + (reason != null && rules().reason(reason).isPresent() ? " for the queues of " + username : ""));
        }
        return command(desk(username), new DeskInput.Pause(reason, now()));
    }

    /**
     * An administrator changed {@code username}'s penalty in {@code queue}: when the PBX has the agent in that queue
     * now, it gets the new penalty at once (QueuePenalty); otherwise the next log-in adds the agent with it. True when
     * the PBX was told.
     *
     * @throws ControlException when the PBX refused or did not answer
     */
    public boolean penaltyChanged(String username, String queue, int penalty) {
        Optional<Desk> found = find(username);
        if (found.isEmpty()) {
            return false;
        }
        Desk d = found.get();
        synchronized (d) {
            if (!d.status.queues().contains(queue)) {
                return false;
            }
        }
        commands.send(AmiAction.of("QueuePenalty", Map.of("Interface", memberInterface(d), "Penalty",
                String.valueOf(penalty), "Queue", queue)));
        return true;
    }

    /** The call outcomes the agent chooses from for the call on hand or in wrap-up (none without such a call). */
    public List<DeskRules.Disposition> dispositions(String username) {
        DeskCall call = status(username).handled();
        return call == null ? List.of() : rules().dispositionsFor(call.queue());
    }

    /** Records the call outcome of the call on hand or in wrap-up (the agent can change it until the wrap-up ends). */
    public DeskStatus chooseDisposition(String username, String code) {
        if (code == null || code.isBlank()) {
            throw new ControlException(ControlException.Kind.INVALID, "'code' is required");
        }
        return command(desk(username), new DeskInput.ChooseDisposition(code, now()));
    }

    /** Ends the wrap-up now. */
    public DeskStatus finishWrapUp(String username) {
        return command(desk(username), new DeskInput.FinishWrapUp(now()));
    }

    /** Extends the wrap-up once by {@code hotline.presence.wrap-up-extension}. */
    public DeskStatus extendWrapUp(String username) {
        return command(desk(username), new DeskInput.ExtendWrapUp(now()));
    }

    /**
     * A desktop of the agent connected on this node; a lagged pause is lifted. Returns the state payload to send
     * to that desktop, or null for a user without a phone.
     */
    public String desktopConnected(String username) {
        Optional<Desk> found = find(username);
        if (found.isEmpty()) {
            return null;
        }
        Desk d = found.get();
        synchronized (d) {
            d.sockets++;
            d.socketGeneration++;
            d.sessionLost = false;
            // an agent with a desk session is paused when it goes away, commands or not (issue #16)
            d.opened |= d.agent;
        }
        if (d.agent) {
            apply(d, new DeskInput.SocketBack(now()));
        }
        synchronized (d) {
            return StateJson.write(d.status, rules());
        }
    }

    /** A desktop of the agent on this node closed; when it was the last, the lagged grace time starts. */
    public void desktopDisconnected(String username) {
        Desk d = desks.get(username);
        if (d == null) {
            return;
        }
        synchronized (d) {
            d.sockets = Math.max(0, d.sockets - 1);
            if (d.sockets > 0 || !d.agent) {
                return;
            }
            long generation = ++d.socketGeneration;
            schedule(() -> {
                boolean lost;
                synchronized (d) {
                    lost = d.sockets == 0 && d.socketGeneration == generation;
                    // remembered: a desk on a call or in wrap-up now is paused when it would become ready
                    d.sessionLost |= lost;
                }
                if (lost) {
                    apply(d, new DeskInput.SocketLost(now()));
                }
            }, properties.laggedGrace());
        }
    }

    @Override
    public void onEvent(TelephonyEvent event) {
        if (event instanceof AgentRinging r) {
            onAgent(r.agent(), new DeskInput.Ringing(
                    new DeskCall(r.callId().value(), r.caller().number(), r.caller().name(), r.queue()), r.at()));
        } else if (event instanceof AgentRingStopped r) {
            onAgent(r.agent(), new DeskInput.RingStopped(r.callId().value(), r.at()));
        } else if (event instanceof CallAnswered a) {
            onAgent(a.agent(), new DeskInput.Answered(
                    new DeskCall(a.callId().value(), a.caller().number(), a.caller().name(), a.queue()), a.at()));
        } else if (event instanceof CallEnded e) {
            Set<Desk> onCall = desksByCall.get(e.callId().value());
            for (Desk d : onCall == null ? List.<Desk>of() : List.copyOf(onCall)) {
                DeskStatus s;
                synchronized (d) {
                    s = d.status;
                }
                if (s.call() != null && s.call().callId().equals(e.callId().value())) {
                    apply(d, new DeskInput.Ended(e.callId().value(), e.at()));
                }
            }
        } else if (event instanceof AgentStateChanged c) {
            onAgent(c.agent(), new DeskInput.Pbx(c.state(), c.pausedReason(),
                    c.queues().stream().sorted().toList(), c.pausedQueues(), c.at()));
        }
    }

    private void onAgent(AgentInterface agent, DeskInput input) {
        Desk d = byInterface(agent);
        if (d != null) {
            DeskStatus after = apply(d, input);
            boolean here;
            synchronized (d) {
                here = d.sockets > 0;
            }
            if (after.state() == DeskState.LAGGED && here && d.agent) {
                // another node paused a desktop that is connected here: this node's sessions say it is back
                apply(d, new DeskInput.SocketBack(now()));
            }
        }
    }

    /**
     * The member's interface exactly as Asterisk has it (what the tracker learnt from the member's events and
     * QueueStatus rows), else the account's: queue actions must name it exactly.
     */
    private String memberInterface(Desk d) {
        CallTracker t = tracker.get();
        return t == null ? d.iface : t.memberInterface(d.key).orElse(d.iface);
    }

    /** A command: the PBX actions run first, the new state is committed only when they all succeeded. */
    private DeskStatus command(Desk d, DeskInput input) {
        synchronized (d) {
            DeskTransition t = machine().next(d.status, input);
            if (t.refused()) {
                throw ControlException.of(ControlException.Kind.CONFLICT, refusalCode(t.refusal()), t.refusal(),
                        t.refusal());
            }
            String member = t.effects().isEmpty() ? d.iface : memberInterface(d);
            for (DeskEffect effect : t.effects()) {
                for (AmiAction action : QueueActions.of(effect, member, d.memberName, () -> directory.penalties(d.username))) {
                    QueueActions.sendTolerant(commands, action);
                }
            }
            d.managed = true;
            // a person decided (the agent or a supervisor): the PBX's confirmation must not be taken back as lagged
            d.sessionLost = false;
            commit(d, t.status());
            return d.status;
        }
    }

    /** The desk's refusal as a code the pages word in the user's language (issue #16); {@code conflict} otherwise. */
    static String refusalCode(String refusal) {
        if (refusal.startsWith("unknown pause reason")) {
            return "unknown-reason";
        }
        if (refusal.startsWith("unknown call outcome") || refusal.endsWith("is retired")
                || refusal.contains("is not for queue")) {
            return "unknown-outcome";
        }
        return switch (refusal) {
            case "finish the call first" -> "finish-call-first";
            case "log in first" -> "log-in-first";
            case "not in wrap-up" -> "not-in-wrap-up";
            case "wrap-up cannot be extended" -> "wrap-up-not-extendable";
            case "wrap-up already extended once" -> "wrap-up-extended";
            case "no queues: ask an administrator" -> "no-queues";
            case "choose a call outcome first" -> "outcome-required";
            case "no call to record an outcome for" -> "no-call-for-outcome";
            default -> "conflict";
        };
    }

    /** An event or timer: the state moves at once, its PBX actions follow on the timer thread. */
    private DeskStatus apply(Desk d, DeskInput input) {
        List<AmiAction> actions = new ArrayList<>();
        DeskStatus after;
        synchronized (d) {
            DeskTransition t = machine().next(d.status, input);
            if (t.refused()) {
                return d.status;
            }
            // the system's own inputs for a desk nobody has open: the lagged pause, the start rule's log-out
            boolean laggedForSession = d.opened && (input instanceof DeskInput.SocketLost
                    || input instanceof DeskInput.Logout);
            if (!d.managed && !t.effects().isEmpty() && !(input instanceof DeskInput.SocketBack) && !laggedForSession) {
                // an agent who never used the desk here keeps the PBX's own behaviour: no wrap-up, no lagged pause
                if (t.status().state() != DeskState.WRAP_UP) {
                    return d.status;
                }
                t = new DeskTransition(t.status().to(DeskState.READY, input.at()), List.of(), null);
            }
            if (d.sessionLost && d.agent && (d.managed || d.opened) && t.status().state() == DeskState.READY
                    && !(input instanceof DeskInput.SocketBack)) {
                // nobody at the desk any more (closed during a call or wrap-up): lagged, not ready for the next call
                DeskTransition lagged = machine().next(t.status(), new DeskInput.SocketLost(input.at()));
                List<DeskEffect> effects = new ArrayList<>(t.effects().stream()
                        .filter(e -> !(e instanceof DeskEffect.Unpause)).toList());
                effects.addAll(lagged.effects());
                t = new DeskTransition(lagged.status(), effects, null);
            }
            String member = t.effects().isEmpty() ? d.iface : memberInterface(d);
            for (DeskEffect effect : t.effects()) {
                actions.addAll(QueueActions.of(effect, member, d.memberName, () -> directory.penalties(d.username)));
            }
            commit(d, t.status());
            after = d.status;
        }
        Runnable send = () -> {
            for (AmiAction action : actions) {
                try {
                    log.debug("desk {}: sending {}", d.username, action);
                    QueueActions.sendTolerant(commands, action);
                } catch (ControlException e) {
                    log.warn("{} for {} failed: {}", action.name(), d.username, e.getMessage());
                }
            }
        };
        if (actions.isEmpty()) {
            return after;
        }
        if (input instanceof DeskInput.SocketBack) {
            // lift the lagged pause before the desktop gets its snapshot, so a call placed right after rings (#3)
            send.run();
        } else {
            timers.execute(send);
        }
        return after;
    }

    private void commit(Desk d, DeskStatus next) {
        if (next.equals(d.status)) {
            return;
        }
        log.debug("desk {}: {} -> {}", d.username, d.status, next);
        if (d.managed || d.opened) {
            DispositionWatch.finished(d.status, next, rules(), d.username, d.key, clock.instant())
                    .ifPresent(this::tellDisposition);
        }
        index(d, d.status, next);
        d.status = next;
        if (d.wrapTimer != null) {
            d.wrapTimer.cancel(false);
            d.wrapTimer = null;
        }
        if (next.state() == DeskState.WRAP_UP && next.wrapUpEndsAt() != null) {
            Duration left = Duration.between(clock.instant(), next.wrapUpEndsAt());
            Instant endsAt = next.wrapUpEndsAt();
            // the executor's clock may fire a hair before the wall clock reaches the end: never leave a desk in
            // wrap-up (paused, no calls) because the timer came early
            d.wrapTimer = schedule(() -> {
                Instant at = now();
                apply(d, new DeskInput.WrapUpTimer(at.isBefore(endsAt) ? endsAt : at));
            }, left);
        }
        bus.publish(d.username, PushMessage.TYPE_AGENT_STATE, StateJson.write(next, rules()));
    }

    private void tellDisposition(DispositionRecorded recorded) {
        try {
            dispositions.accept(recorded);
        } catch (RuntimeException e) {
            log.error("call outcome of {} not recorded", recorded.callId(), e);
        }
    }

    // keeps desksByCall in step with the desk's call (called under the desk's lock)
    private void index(Desk d, DeskStatus before, DeskStatus after) {
        String was = before == null || before.call() == null ? null : before.call().callId();
        String now = after.call() == null ? null : after.call().callId();
        if (Objects.equals(was, now)) {
            return;
        }
        if (was != null) {
            desksByCall.computeIfPresent(was, (call, onIt) -> {
                onIt.remove(d);
                return onIt.isEmpty() ? null : onIt;
            });
        }
        if (now != null) {
            desksByCall.computeIfAbsent(now, call -> ConcurrentHashMap.newKeySet()).add(d);
        }
    }

    private ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("presence timer failed", e);
            }
        };
        try {
            return timers.schedule(guarded, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down: the sockets closing now need no lagged pause
            log.debug("presence is closed; not scheduling {}", task);
            return null;
        }
    }

    private Desk desk(String username) {
        return find(username).orElseThrow(() -> new ControlException(ControlException.Kind.INVALID,
                "user '" + username + "' has no phone interface: ask an administrator"));
    }

    private Optional<Desk> find(String username) {
        Desk d = desks.get(username);
        if (d != null) {
            return Optional.of(d);
        }
        Optional<AgentAccount> account = directory.findByUsername(username)
                .filter(a -> a.enabled() && !a.interfaces().isEmpty());
        return account.map(a -> desks.computeIfAbsent(a.username(), u -> {
            Desk created = new Desk(a, initial(a));
            index(created, null, created.status);
            userByInterface.put(created.key.value(), created.username);
            startRule(created);
            return created;
        }));
    }

    /**
     * hotline.presence.start: an agent whose desk no browser opened within three lagged graces (desks open before a
     * restart reconnect first) is logged out or paused lagged; one on a call then is paused when the call is done.
     */
    private void startRule(Desk d) {
        if (!d.agent || properties.start() == PresenceProperties.Start.PBX) {
            return;
        }
        schedule(() -> {
            synchronized (d) {
                if (d.sockets > 0 || d.opened || d.managed) {
                    return;
                }
                // as if a desk had been open and went away: from now on the lagged rules apply to this agent
                d.opened = true;
                d.sessionLost = true;
            }
            DeskStatus before = status(d.username);
            if (properties.start() == PresenceProperties.Start.LOGGED_OUT && before.state() != DeskState.LOGGED_OUT
                    && before.state() != DeskState.RINGING && before.state() != DeskState.TALKING) {
                apply(d, new DeskInput.Logout(now()));
            } else {
                apply(d, new DeskInput.SocketLost(now()));
            }
        }, properties.laggedGrace().multipliedBy(3));
    }

    private Desk byInterface(AgentInterface agent) {
        String username = userByInterface.get(agent.value());
        if (username != null) {
            return desks.get(username);
        }
        Long checked = unknownInterfaces.get(agent.value());
        if (checked != null && System.nanoTime() - checked < UNKNOWN_RECHECK_NANOS) {
            return null;
        }
        Optional<AgentAccount> account = directory.findByInterface(agent);
        if (account.isEmpty()) {
            unknownInterfaces.put(agent.value(), System.nanoTime());
            return null;
        }
        return find(account.get().username()).orElse(null);
    }

    /** The desk as the PBX has it now (after a restart the PBX still knows who is in which queue). */
    private DeskStatus initial(AgentAccount a) {
        return DeskSeed.of(machine(), AgentInterface.of(a.interfaces().get(0)), tracker.get(), now());
    }

    private Instant now() {
        return clock.instant();
    }

    /** Stops the timers; pending wrap-up ends are left to the PBX state the next node reads. */
    @Override
    public void close() {
        timers.shutdownNow();
    }
}
