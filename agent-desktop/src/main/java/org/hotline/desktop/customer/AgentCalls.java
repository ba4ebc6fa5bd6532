package org.hotline.desktop.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentRinging;
import org.hotline.cti.call.CallAnswered;
import org.hotline.cti.call.Caller;
import org.hotline.cti.call.TelephonyEvent;
import org.hotline.cti.call.TelephonyListener;

/**
 * Remembers, per agent phone interface, the last calls that rang it or were answered on it, so a contact logged
 * after the call can be checked against "a call this agent was on" without a database round trip. Holds at most
 * {@link #PER_INTERFACE} calls per interface, each for {@link #KEPT}; the AMI thread only appends to a small deque.
 */
public final class AgentCalls implements TelephonyListener {

    /** Calls remembered per interface. */
    public static final int PER_INTERFACE = 50;

    /** How long after it rang a call may still get a contact logged against it. */
    public static final Duration KEPT = Duration.ofHours(12);

    /** A call that reached an agent's phone: its id and the caller's raw number. */
    public record RecentCall(String callId, String callerNumber, Instant at) {
    }

    private final Map<AgentInterface, Deque<RecentCall>> calls = new ConcurrentHashMap<>();
    private final Clock clock;

    /** With the system clock. */
    public AgentCalls() {
        this(Clock.systemUTC());
    }

    /** With the given clock (tests). */
    public AgentCalls(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onEvent(TelephonyEvent event) {
        if (event instanceof AgentRinging r) {
            remember(r.agent(), r.callId().value(), r.caller());
        } else if (event instanceof CallAnswered a && a.agent() != null) {
            remember(a.agent(), a.callId().value(), a.caller());
        }
    }

    /** The call, when it reached one of these interfaces within {@link #KEPT}. */
    public Optional<RecentCall> find(Iterable<String> interfaces, String callId) {
        Instant oldest = clock.instant().minus(KEPT);
        for (String i : interfaces) {
            Deque<RecentCall> d = calls.get(AgentInterface.of(i));
            if (d == null) {
                continue;
            }
            synchronized (d) {
                for (RecentCall c : d) {
                    if (c.callId().equals(callId) && !c.at().isBefore(oldest)) {
                        return Optional.of(c);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private void remember(AgentInterface agent, String callId, Caller caller) {
        Deque<RecentCall> d = calls.computeIfAbsent(agent, k -> new ArrayDeque<>());
        synchronized (d) {
            if (d.stream().anyMatch(c -> c.callId().equals(callId))) {
                return;
            }
            d.addFirst(new RecentCall(callId, caller == null ? "" : caller.number(), clock.instant()));
            while (d.size() > PER_INTERFACE) {
                d.removeLast();
            }
        }
    }
}
