package org.hotline.cti.screenpop.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentRingStopped;
import org.hotline.cti.call.AgentRinging;
import org.hotline.cti.call.CallAnswered;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.call.CallEvent;
import org.hotline.cti.call.CallHoldChanged;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallQueued;
import org.hotline.cti.call.CallTransferred;
import org.hotline.cti.call.CallerIdentified;
import org.hotline.cti.call.Caller;
import org.hotline.cti.customer.CustomerCard;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.screenpop.ScreenPop;
import org.hotline.cti.screenpop.ScreenPop.Status;

/**
 * The pops of the calls in progress: turns call events into new pop versions. Calls may be applied from several
 * threads at once, but every event of one call must be applied in order by one thread at a time ({@link CallLanes}).
 */
public final class PopBook {

    /** How the book reaches the rest of the system; each function may block (it runs on a pop worker). */
    public record Lookups(Function<AgentInterface, Optional<String>> agentOf,
                          Function<String, PhoneNumber> normalize,
                          Function<PhoneNumber, List<CustomerCard>> customersOf,
                          Function<String, Optional<CustomerCard>> customerOfAccount) {
    }

    private final Lookups lookups;
    private final List<String> variableNames;
    private final List<String> accountVariables;
    private final Map<CallId, CallPops> calls = new ConcurrentHashMap<>();
    // cards looked up while the caller was still in the IVR, taken by the call's first pop
    private final Map<CallId, Prefetched> early = new ConcurrentHashMap<>();

    private static final int MAX_EARLY = 10_000;

    private record Prefetched(String normalized, List<CustomerCard> cards) {
    }

    /**
     * Creates an empty book showing {@code variableNames} in pops; an account keyed in the IVR (the first non-empty of
     * {@code accountVariables}) puts its customer first.
     */
    public PopBook(Lookups lookups, List<String> variableNames, List<String> accountVariables) {
        this.lookups = lookups;
        this.variableNames = List.copyOf(variableNames);
        this.accountVariables = List.copyOf(accountVariables);
    }

    /** Applies one event and returns the pops that changed (to store and push), in order. */
    public List<ScreenPop> apply(CallEvent event) {
        if (event instanceof CallerIdentified i) {
            PhoneNumber n = lookups.normalize().apply(i.caller().number());
            // a call with pops already has its cards; a flood of calls that never end must not grow this map
            if (n.lookupable() && !calls.containsKey(i.callId()) && early.size() < MAX_EARLY) {
                early.put(i.callId(), new Prefetched(n.normalized(), lookups.customersOf().apply(n)));
            }
            return List.of();
        }
        if (event instanceof CallEnded) {
            early.remove(event.callId());
        }
        if (event instanceof CallQueued q) {
            CallPops call = call(q.callId(), q.caller());
            call.queue = q.queue();
            call.queuedAt = q.at();
            call.variables.putAll(q.variables());
            call.customers(); // look the caller up while the call waits, so the ring pops at once
            return List.of();
        }
        if (event instanceof AgentRinging r) {
            return ringing(r);
        }
        CallPops call = calls.get(event.callId());
        if (call == null) {
            return event instanceof CallAnswered a ? answeredUnseen(a) : List.of();
        }
        if (event instanceof AgentRingStopped s) {
            return call.update(s.agent(), Status.MISSED, s.at(), true);
        }
        if (event instanceof CallAnswered a) {
            List<ScreenPop> out = new ArrayList<>(call.update(a.agent(), Status.ANSWERED, a.at(), false));
            if (out.isEmpty()) {
                out.addAll(answeredUnseen(a));
            }
            return out;
        }
        if (event instanceof CallHoldChanged h) {
            // the pop says what the agent's phone does: on hold, or talking again
            return call.update(h.agent(), h.onHold() ? Status.HELD : Status.ANSWERED, h.at(), false);
        }
        if (event instanceof CallTransferred t) {
            return t.from() == null ? List.of() : call.update(t.from(), Status.TRANSFERRED, t.at(), false);
        }
        if (event instanceof CallEnded e) {
            calls.remove(e.callId());
            return call.endAll(e.at());
        }
        return List.of();
    }

    /** Calls this book is tracking, for metrics. */
    public int size() {
        return calls.size();
    }

    private List<ScreenPop> ringing(AgentRinging r) {
        CallPops call = call(r.callId(), r.caller());
        if (r.queue() != null) {
            call.queue = r.queue();
        }
        call.variables.putAll(r.variables());
        Optional<String> agent = lookups.agentOf().apply(r.agent());
        if (agent.isEmpty()) {
            return List.of();
        }
        long waited = r.waited() == null ? 0 : r.waited().toSeconds();
        ScreenPop pop = new ScreenPop(r.callId().value(), agent.get(), r.agent().value(), Status.RINGING,
                call.caller.number(), call.number().normalized(), call.caller.name(), call.queue, waited,
                call.customers(), call.shownVariables(), r.at(), r.at(), call.nextVersion(), r.outbound());
        call.pops.put(r.agent(), pop);
        return List.of(pop);
    }

    private List<ScreenPop> answeredUnseen(CallAnswered a) {
        AgentRinging asRing = new AgentRinging(a.callId(), a.agent(), a.memberName(), a.queue(), a.caller(),
                a.holdTime() == null ? Duration.ZERO : a.holdTime(), Map.of(), a.at());
        List<ScreenPop> rung = ringing(asRing);
        return rung.isEmpty() ? rung : calls.get(a.callId()).update(a.agent(), Status.ANSWERED, a.at(), false);
    }

    private CallPops call(CallId id, Caller caller) {
        CallPops call = calls.computeIfAbsent(id, k -> new CallPops(id, caller));
        if (call.caller.number().isEmpty() && !caller.number().isEmpty()) {
            call.caller = caller;
            call.number = null;
            call.customers = null;
        }
        return call;
    }

    /** What the book knows of one call. */
    private final class CallPops {
        final CallId id;
        Caller caller;
        PhoneNumber number;
        List<CustomerCard> customers;
        String lookedUpAccount;
        String queue;
        Instant queuedAt;
        long version;
        final Map<String, String> variables = new LinkedHashMap<>();
        final Map<AgentInterface, ScreenPop> pops = new LinkedHashMap<>();

        CallPops(CallId id, Caller caller) {
            this.id = id;
            this.caller = caller;
        }

        PhoneNumber number() {
            if (number == null) {
                number = lookups.normalize().apply(caller.number());
            }
            return number;
        }

        List<CustomerCard> customers() {
            String account = keyedAccount();
            if (customers == null || (account != null && !account.equals(lookedUpAccount))) {
                PhoneNumber n = number();
                List<CustomerCard> byPhone = n.lookupable() ? byPhone(n) : List.of();
                lookedUpAccount = account;
                Optional<CustomerCard> keyed = account == null ? Optional.empty() : lookups.customerOfAccount().apply(account);
                if (keyed.isEmpty()) {
                    customers = byPhone;
                } else {
                    // The account the caller keyed in is the best evidence of who calls (domain: the IVR identifies the caller).
                    List<CustomerCard> merged = new ArrayList<>(byPhone.size() + 1);
                    merged.add(keyed.get());
                    byPhone.stream().filter(c -> c.id() != keyed.get().id()).forEach(merged::add);
                    customers = merged;
                }
            }
            return customers;
        }

        private List<CustomerCard> byPhone(PhoneNumber n) {
            Prefetched p = early.remove(id);
            return p != null && p.normalized().equals(n.normalized()) ? p.cards() : lookups.customersOf().apply(n);
        }

        private String keyedAccount() {
            for (String name : accountVariables) {
                String v = variables.get(name);
                if (v != null && !v.isBlank()) {
                    return v.trim();
                }
            }
            return null;
        }

        Map<String, String> shownVariables() {
            Map<String, String> shown = new LinkedHashMap<>();
            for (String name : variableNames) {
                String v = variables.get(name);
                if (v != null) {
                    shown.put(name, v);
                }
            }
            return shown;
        }

        long nextVersion() {
            return ++version;
        }

        List<ScreenPop> update(AgentInterface agent, Status status, Instant at, boolean onlyIfRinging) {
            ScreenPop pop = pops.get(agent);
            if (pop == null || !pop.live() || (onlyIfRinging && pop.status() != Status.RINGING)) {
                return List.of();
            }
            ScreenPop next = with(pop, status, at);
            pops.put(agent, next);
            return List.of(next);
        }

        List<ScreenPop> endAll(Instant at) {
            List<ScreenPop> out = new ArrayList<>();
            for (ScreenPop pop : pops.values()) {
                if (pop.live()) {
                    out.add(with(pop, Status.ENDED, at));
                }
            }
            return out;
        }

        private ScreenPop with(ScreenPop p, Status status, Instant at) {
            return new ScreenPop(p.callId(), p.agent(), p.agentInterface(), status, p.callerNumber(),
                    p.normalizedNumber(), p.callerName(), p.queue(), p.waitedSeconds(), p.customers(),
                    p.variables(), p.ringingAt(), at, nextVersion(), p.outbound());
        }
    }
}
