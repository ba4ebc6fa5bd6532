package org.hotline.pbxsim.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.pbxsim.MemberConfig;
import org.hotline.pbxsim.QueueConfig;
import org.hotline.pbxsim.SimulatorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated PBX: channels, queues and agent devices, all owned by one thread so that events come out in one
 * order; every task flushes the events it emitted when it ends.
 */
public final class Sim {

    private static final Logger log = LoggerFactory.getLogger(Sim.class);

    final SimulatorConfig config;
    final Clock clock;
    final EventHub hub;
    final long startEpoch;
    private final ScheduledExecutorService thread;
    private volatile Thread simThread;
    final Map<String, SimChannel> channels = new LinkedHashMap<>();
    final Map<String, QueueState> queues = new LinkedHashMap<>();
    final Map<String, AgentDevice> devices = new LinkedHashMap<>();
    final Map<String, Bridge> bridges = new LinkedHashMap<>();
    private long uniqueSeq;
    private long channelSeq;
    long processedCalls;

    /** Builds the PBX state from the configuration; nothing runs until tasks are submitted. */
    public Sim(SimulatorConfig config) {
        this.config = config;
        this.clock = new Clock(config.speed());
        this.startEpoch = clock.epochSeconds();
        this.hub = new EventHub(this);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pbxsim");
            t.setDaemon(true);
            simThread = t;
            return t;
        });
        for (QueueConfig q : config.queues()) {
            QueueState qs = new QueueState(q);
            queues.put(q.name(), qs);
            for (MemberConfig m : q.members()) {
                qs.members.put(m.interfaceName(), new Member(q.name(), m.name(), m.interfaceName(), m.stateInterface(),
                        device(m.interfaceName()), "static", m.penalty(), startEpoch));
            }
        }
    }

    /** The configuration. */
    public SimulatorConfig config() {
        return config;
    }

    /** The clock. */
    public Clock clock() {
        return clock;
    }

    /** The event hub (clients and broadcast). */
    public EventHub hub() {
        return hub;
    }

    /** Runs a task on the simulator thread, then flushes what it emitted. */
    public void execute(Runnable task) {
        try {
            thread.execute(() -> runAndFlush(task));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("simulator stopped, task dropped");
        }
    }

    /** Runs a task on the simulator thread and returns its result. */
    public <T> CompletableFuture<T> call(java.util.function.Supplier<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        execute(() -> {
            try {
                f.complete(task.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Runs a task after a simulated delay (divided by the speed factor). */
    public ScheduledFuture<?> schedule(long simDelayNanos, Runnable task) {
        return scheduleReal(clock.realNanos(Math.max(0, simDelayNanos)), task);
    }

    /** Runs a task after a real delay. */
    public ScheduledFuture<?> scheduleReal(long realDelayNanos, Runnable task) {
        return thread.schedule(() -> runAndFlush(task), realDelayNanos, TimeUnit.NANOSECONDS);
    }

    /** Runs a task periodically, in real time. */
    public ScheduledFuture<?> every(long periodNanos, Runnable task) {
        return thread.scheduleAtFixedRate(() -> runAndFlush(task), periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    private void runAndFlush(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("simulator task failed", e);
        } finally {
            hub.flushAll();
        }
    }

    /** Whether the caller runs on the simulator thread. */
    public boolean onSimThread() {
        return Thread.currentThread() == simThread;
    }

    /** Stops the thread; pending tasks are dropped. */
    public void shutdown() {
        thread.shutdownNow();
    }

    /** Emits an event to every client whose event mask admits it. */
    public void emit(Frame f) {
        hub.broadcast(f);
    }

    /** A fresh Uniqueid, {@code epoch.seq} like Asterisk's. */
    public String newUniqueid() {
        return clock.epochSeconds() + "." + uniqueSeq++;
    }

    /** A fresh Local channel pair base name, e.g. {@code Local/s@callers-0000000a}. */
    public String newLocalBase(String exten, String context) {
        return "Local/" + exten + "@" + context + "-" + String.format("%08x", channelSeq++);
    }

    /** The device behind a member interface, created on first use. */
    AgentDevice device(String iface) {
        return devices.computeIfAbsent(iface, AgentDevice::new);
    }

    /** Registers a new channel. */
    void add(SimChannel c) {
        channels.put(c.name(), c);
    }

    /** Forgets a hung-up channel. */
    void remove(SimChannel c) {
        channels.remove(c.name());
    }

    /**
     * The member key of {@code iface} in {@code q}: the interface itself, or the lab's {@code Local/<ext>@agents/n}
     * when a client names it without the {@code /n} option (Hotline's accounts store interfaces normalized).
     */
    static String memberKey(QueueState q, String iface) {
        if (!q.members.containsKey(iface) && iface.startsWith("Local/") && q.members.containsKey(iface + "/n")) {
            return iface + "/n";
        }
        return iface;
    }

    /** Turns every configured member into a dynamic one, as if added by QueueAdd (realtime or persistent members). */
    public void makeMembersDynamic() {
        for (QueueState q : queues.values()) {
            q.members.values().forEach(m -> m.membership = "dynamic");
        }
    }

    /** The memberships of an interface across queues, in queue order. */
    List<Member> memberships(String iface) {
        List<Member> out = new ArrayList<>();
        for (QueueState q : queues.values()) {
            Member m = q.members.get(memberKey(q, iface));
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    /** A queue by name, or {@code null}. */
    QueueState queue(String name) {
        return queues.get(name);
    }
}
