package org.hotline.cti.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.hotline.cti.ami.AmiAction;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.ami.AmiListener;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.call.internal.TrackerEngine;
import org.hotline.cti.call.internal.Views;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns the AMI event stream into calls, agents and {@link TelephonyEvent}s: channels are grouped into calls by
 * Linkedid, Local channel halves are merged, queue and dial events drive each call's {@link CallState}, and queue
 * member events drive each agent's {@link AgentState}. After every (re)login the resync lists rebuild both.
 *
 * <p>{@link #apply(AmiMessage)} is the deterministic core (time is the events' {@code Timestamp}); the
 * {@link AmiListener} methods apply and hand the events to the sink. Unknown events, unknown fields and malformed
 * values are counted in {@link #stats()} and skipped, never thrown. Thread-safe: one lock guards the model, so the
 * read-only views may be called from any thread. The two whole-model views ({@link #agents()}, {@link #calls()}) are
 * taken by the thread applying the events, between two of them, while events flow: a reader preempted while it
 * held the lock held up every event, and every screen-pop, behind it (issue #11).
 */
public final class CallTracker implements AmiListener {

    private static final Logger log = LoggerFactory.getLogger(CallTracker.class);
    /** The MDC key that carries the call id while its events are handed to the sink (a JSON log's {@code callId}). */
    public static final String CALL_ID = "callId";

    /** How long a whole-model view waits for an event to be taken beside before it takes the lock itself. */
    static final Duration VIEW_HANDOFF = Duration.ofMillis(20);

    private final Consumer<TelephonyEvent> sink;
    private final Clock clock;
    private final TrackerEngine engine;
    private final long viewHandoffNanos;
    // whole-model views asked for by other threads, taken by the next apply (see agents())
    private final Queue<FutureTask<?>> views = new ConcurrentLinkedQueue<>();
    // the thread that applied the latest event: asking it to wait for itself would only cost the hand-off's wait
    private volatile Thread applying;
    private long sinkFailures;

    /** A tracker that hands every event to {@code sink}, on the AMI consumer thread. */
    public CallTracker(Consumer<TelephonyEvent> sink) {
        this(sink, Clock.systemUTC());
    }

    /** A tracker whose clock is read only for a resync before any event carried a Timestamp. */
    public CallTracker(Consumer<TelephonyEvent> sink, Clock clock) {
        this(sink, clock, VIEW_HANDOFF);
    }

    /** A tracker whose whole-model views wait {@code viewHandoff} for an event before they take the lock. */
    CallTracker(Consumer<TelephonyEvent> sink, Clock clock, Duration viewHandoff) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.engine = new TrackerEngine(micros(clock.instant()));
        this.viewHandoffNanos = viewHandoff.toNanos();
    }

    /** Applies one frame and returns the events it caused, in order; does not call the sink. */
    public synchronized List<TelephonyEvent> apply(AmiMessage message) {
        applying = Thread.currentThread();
        List<TelephonyEvent> events = engine.apply(Objects.requireNonNull(message, "message"));
        for (FutureTask<?> view; (view = views.poll()) != null; ) {
            view.run();
        }
        return events;
    }

    /** Starts a resync: the list items that follow are collected instead of applied one by one. */
    public synchronized void beginResync() {
        engine.fallbackMicros(micros(clock.instant()));
        engine.beginResync();
    }

    /** Ends a resync: rebuilds calls and agents from the lists and returns the events for what changed meanwhile. */
    public synchronized List<TelephonyEvent> endResync() {
        return engine.endResync();
    }

    @Override
    public void onMessage(AmiMessage message) {
        deliver(apply(message));
    }

    @Override
    public void onResyncStarted() {
        beginResync();
    }

    @Override
    public void onResyncFinished() {
        List<TelephonyEvent> events = endResync();
        log.info("AMI resync done: {} calls, {} agents, {} events", calls().size(), agents().size(), events.size());
        deliver(events);
    }

    @Override
    public void onDisconnected() {
        // state is kept: the resync after the next login reconciles it and reports what changed meanwhile
        log.warn("AMI connection lost: {} calls and {} agents kept until the next resync", calls().size(),
                agents().size());
    }

    private void deliver(List<TelephonyEvent> events) {
        for (int i = 0, n = events.size(); i < n; i++) {
            TelephonyEvent event = events.get(i);
            String callId = event instanceof CallEvent c ? c.callId().value() : null;
            if (callId != null) {
                MDC.put(CALL_ID, callId);
            }
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                // one failing consumer must not stop call tracking; the event is lost for it only
                long failures;
                synchronized (this) {
                    failures = ++sinkFailures;
                }
                // the event's name, not the event: its caller's number must not reach the log whole
                if (failures == 1 || failures % 1000 == 0) {
                    log.error("Telephony event sink failed ({} failures so far) for {}", failures,
                            event.getClass().getSimpleName(), e);
                } else {
                    log.debug("Telephony event sink failed for {}: {}", event.getClass().getSimpleName(), e.toString());
                }
            } finally {
                if (callId != null) {
                    MDC.remove(CALL_ID);
                }
            }
        }
    }

    /**
     * Asks Asterisk for every queue member ({@code QueueStatus}, unfiltered) over {@code connection}; when the list
     * is complete, the members are reconciled (added, removed, paused, unpaused; gone with a deleted queue) with the
     * same {@link AgentStateChanged} events live changes give. For changes that send no event, such as
     * {@code queue reload members}. The returned future completes with Asterisk's response.
     */
    public CompletableFuture<AmiMessage> resyncMembers(AmiConnection connection) {
        Objects.requireNonNull(connection, "connection");
        // announced before sending, so the consumer thread knows the list by its response, whatever the timing
        expectMemberList();
        return connection.sendAction(AmiAction.of("QueueStatus")).whenComplete((response, error) -> {
            if (error != null || !"Success".equalsIgnoreCase(response.responseStatus())) {
                engine.cancelMemberList();
            }
        });
    }

    /**
     * An unfiltered {@code QueueStatus} is about to be sent on the connection this tracker listens to: the next
     * "Queue status will follow" response outside a login resync starts a full member list to reconcile (see
     * {@link #resyncMembers}). Hotline sends no other QueueStatus while live. Thread-safe.
     */
    public void expectMemberList() {
        engine.expectMemberList();
    }

    /** Snapshots of the calls in progress, oldest first. */
    public Collection<CallView> calls() {
        List<CallView> calls = takenBetweenEvents(() -> Views.calls(engine));
        calls.sort(Views.OLDEST_FIRST);
        return calls;
    }

    /** A snapshot of one call in progress. */
    public synchronized Optional<CallView> call(CallId callId) {
        return Optional.ofNullable(Views.call(engine, callId.value()));
    }

    /** Snapshots of every queue member interface seen, by interface. */
    public Collection<AgentView> agents() {
        List<AgentView> agents = takenBetweenEvents(() -> Views.agents(engine));
        agents.sort(Views.BY_INTERFACE);
        return agents;
    }

    /**
     * {@code view} taken under the lock: by the thread that applies the next event when one comes within
     * {@link #VIEW_HANDOFF}, else (a quiet PBX: nobody waits for the lock) by this thread.
     */
    private <T> T takenBetweenEvents(Callable<T> view) {
        FutureTask<T> task = new FutureTask<>(view);
        boolean interrupted = false;
        if (Thread.currentThread() != applying && !Thread.holdsLock(this)) {
            views.add(task);
            try {
                return task.get(viewHandoffNanos, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // no event came: run it here (a no-op when the applying thread started it meanwhile)
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                throw failed(e);
            }
            views.remove(task);
        }
        synchronized (this) {
            task.run();
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw failed(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException("a completed view cannot be interrupted", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether a reader's view waits for the next apply (for tests). */
    boolean viewsWaiting() {
        return !views.isEmpty();
    }

    private static RuntimeException failed(ExecutionException e) {
        return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("tracker view failed", e);
    }

    /** Every queue membership as the PBX reported it (penalties included), by queue. */
    public synchronized List<QueueMembership> memberships() {
        return Views.memberships(engine);
    }

    /**
     * The queues the PBX has, as its last complete member list named them (the periodic member re-sync asks every
     * {@code hotline.presence.member-resync}); empty before the first.
     */
    public synchronized java.util.Set<String> pbxQueues() {
        return Views.pbxQueues(engine);
    }

    /**
     * The channel name of {@code agent}'s live leg on the call (the half in the bridge for a Local pair), for call
     * control actions that need a channel.
     */
    public synchronized Optional<String> agentChannel(CallId callId, AgentInterface agent) {
        return Optional.ofNullable(Views.channel(engine, callId.value(), Objects.requireNonNull(agent, "agent")));
    }

    /** The channel name of the caller's live leg on the call (the half in the bridge for a Local pair). */
    public synchronized Optional<String> callerChannel(CallId callId) {
        return Optional.ofNullable(Views.channel(engine, callId.value(), null));
    }

    /**
     * The interface exactly as Asterisk names this queue member ({@code Local/1001@agents/n}), what queue actions
     * must send; empty when the interface is in no queue. Cheaper than {@link #agents()} for one agent.
     */
    public synchronized Optional<String> memberInterface(AgentInterface agent) {
        return Optional.ofNullable(Views.memberInterface(engine, Objects.requireNonNull(agent, "agent")));
    }

    /** The counters. */
    public synchronized TrackerStats stats() {
        return Views.stats(engine, sinkFailures);
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }
}
