package org.hotline.cti.push.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.cti.push.PopStore;
import org.hotline.cti.screenpop.ScreenPop;

/**
 * Pops of a single-node installation, in this JVM, with the same rules as the Redis store: highest version wins,
 * ended pops linger, and an agent's pops expire after the TTL without updates.
 */
public final class InMemoryPopStore implements PopStore {

    /** Every this many puts, all agents are swept, so agents nobody asks about do not keep ended pops forever. */
    private static final int SWEEP_EVERY = 1024;

    private final ConcurrentHashMap<String, Agent> agents = new ConcurrentHashMap<>();
    private final AtomicLong puts = new AtomicLong();
    private final Duration ttl;
    private final Duration endedLinger;
    private final Clock clock;

    /** A store whose agents' pops expire {@code ttl} after their last put, and ended pops after {@code endedLinger}. */
    public InMemoryPopStore(Duration ttl, Duration endedLinger, Clock clock) {
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.endedLinger = Objects.requireNonNull(endedLinger, "endedLinger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void put(ScreenPop pop) {
        Objects.requireNonNull(pop, "pop");
        long now = clock.millis();
        agents.compute(Objects.requireNonNull(pop.agent(), "agent"), (name, agent) -> {
            Agent a = agent == null || agent.expired(now) ? new Agent() : agent;
            a.purge(now);
            Entry old = a.pops.get(pop.callId());
            if (old == null || old.pop.version() < pop.version()) {
                a.pops.put(pop.callId(), new Entry(pop, pop.live() ? Long.MAX_VALUE : now + endedLinger.toMillis()));
            }
            a.expiresAt = now + ttl.toMillis();
            return a;
        });
        if (puts.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
    }

    @Override
    public void remove(String agent, String callId) {
        Objects.requireNonNull(callId, "callId");
        agents.computeIfPresent(Objects.requireNonNull(agent, "agent"), (name, a) -> {
            a.pops.remove(callId);
            return a.pops.isEmpty() ? null : a;
        });
    }

    @Override
    public List<ScreenPop> current(String agent) {
        long now = clock.millis();
        List<ScreenPop> out = new ArrayList<>();
        agents.computeIfPresent(Objects.requireNonNull(agent, "agent"), (name, a) -> {
            if (a.expired(now)) {
                return null;
            }
            a.purge(now);
            a.pops.values().forEach(e -> out.add(e.pop));
            return a.pops.isEmpty() ? null : a;
        });
        out.sort(PopOrder.SNAPSHOT);
        return out;
    }

    /** How many agents have pops held, lingering ones included; for metrics. */
    public int agentCount() {
        return agents.size();
    }

    private void sweep(long now) {
        for (String name : agents.keySet()) {
            agents.computeIfPresent(name, (n, a) -> {
                if (a.expired(now)) {
                    return null;
                }
                a.purge(now);
                return a.pops.isEmpty() ? null : a;
            });
        }
    }

    private record Entry(ScreenPop pop, long lingerEndsAt) {
    }

    /** One agent's pops; only touched inside the map's compute functions, which lock the agent's entry. */
    private static final class Agent {
        final Map<String, Entry> pops = new HashMap<>();
        long expiresAt = Long.MAX_VALUE;

        boolean expired(long now) {
            return now >= expiresAt;
        }

        void purge(long now) {
            pops.values().removeIf(e -> e.lingerEndsAt <= now);
        }
    }
}
