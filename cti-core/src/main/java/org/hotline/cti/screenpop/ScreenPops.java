package org.hotline.cti.screenpop;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentRinging;
import org.hotline.cti.call.CallEvent;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.call.TelephonyEvent;
import org.hotline.cti.call.TelephonyListener;
import org.hotline.cti.customer.CustomerCard;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.LogMask;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.screenpop.internal.CallLanes;
import org.hotline.cti.screenpop.internal.PopBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Builds each agent's screen-pops from call events and hands each new version to {@code out} (the push capability's
 * publisher, which stores it and sends it to the agent's browsers).
 *
 * <p>Events arrive on the AMI consumer thread and are passed, without blocking, to the call's lane on a pool of
 * {@code workers} threads ({@link CallLanes}): the events of one call stay in order, and a slow lookup holds up only
 * its own call.
 * Which agent owns a rung interface is answered from memory: the whole interface-to-agent map is reloaded every
 * 15 s on a background thread, so a ring never waits for the database for a known agent.
 *
 * <p>Each ringing pop's latency, from the ring's arrival ({@code arrivalNanos}, the AMI frame's read time) to the
 * pop handed to {@code out}, goes to {@code ringLatencyNanos}; while a call's events are handled the logging
 * context (MDC) carries its id as {@value CallTracker#CALL_ID}.
 */
public final class ScreenPops implements TelephonyListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScreenPops.class);
    private static final Duration AGENT_CACHE_TTL = Duration.ofSeconds(30);

    private final ScreenPopProperties properties;
    private final AgentDirectory agents;
    private final PhoneNumbers phoneNumbers;
    private final CustomerDirectory customers;
    private final Consumer<ScreenPop> out;
    private final LongSupplier arrivalNanos;
    private final LongConsumer ringLatencyNanos;
    private final ExecutorService workers;
    private final CallLanes lanes;
    private final ScheduledExecutorService agentRefresher;
    private final PopBook book;
    private final Map<AgentInterface, CachedAgent> agentCache = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();
    private volatile boolean agentsRefreshed;
    private final AtomicLong unmapped = new AtomicLong();
    private final AtomicLong lookupFailures = new AtomicLong();

    /** Creates the service and its worker threads; latencies are measured from the event's hand-over. */
    public ScreenPops(ScreenPopProperties properties, AgentDirectory agents, PhoneNumbers phoneNumbers,
                      CustomerDirectory customers, Consumer<ScreenPop> out) {
        this(properties, agents, phoneNumbers, customers, out, () -> 0, nanos -> { });
    }

    /**
     * Creates the service and its worker threads; {@code arrivalNanos} tells, on the thread that hands an event
     * over, when ({@link System#nanoTime()}) its frame arrived (0 when unknown: the hand-over time is used), and
     * {@code ringLatencyNanos} receives each ringing pop's latency from there.
     */
    public ScreenPops(ScreenPopProperties properties, AgentDirectory agents, PhoneNumbers phoneNumbers,
                      CustomerDirectory customers, Consumer<ScreenPop> out, LongSupplier arrivalNanos,
                      LongConsumer ringLatencyNanos) {
        this.arrivalNanos = arrivalNanos;
        this.ringLatencyNanos = ringLatencyNanos;
        this.properties = properties;
        this.agents = agents;
        this.phoneNumbers = phoneNumbers;
        this.customers = customers;
        this.out = out;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread t = new Thread(r, "screenpop-" + threads.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        this.lanes = new CallLanes(workers);
        this.book = new PopBook(new PopBook.Lookups(this::agentOf, phoneNumbers::normalize, this::customersOf,
                this::customerOfAccount), properties.variables(), properties.accountVariables());
        this.agentRefresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "screenpop-agents");
            t.setDaemon(true);
            return t;
        });
        // at half the TTL, so a known agent's entry is always fresh when its phone rings
        long period = AGENT_CACHE_TTL.toMillis() / 2;
        agentRefresher.scheduleWithFixedDelay(this::refreshAgents, 0, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onEvent(TelephonyEvent event) {
        if (!(event instanceof CallEvent e)) {
            return;
        }
        // read here, on the thread that hands the event over: only there is the frame's arrival known
        long arrived = e instanceof AgentRinging ? arrival() : 0;
        lanes.execute(e.callId(), () -> handle(book, e, arrived));
    }

    private long arrival() {
        long t = arrivalNanos.getAsLong();
        return t != 0 ? t : System.nanoTime();
    }

    private void handle(PopBook book, CallEvent event, long arrived) {
        MDC.put(CallTracker.CALL_ID, event.callId().value());
        try {
            for (ScreenPop pop : book.apply(event)) {
                out.accept(pop);
                published.incrementAndGet();
                if (arrived != 0 && pop.status() == ScreenPop.Status.RINGING) {
                    ringLatencyNanos.accept(System.nanoTime() - arrived);
                }
            }
        } catch (RuntimeException ex) {
            log.error("screen-pop for {} failed on {}", event.callId().value(), event.getClass().getSimpleName(), ex);
        } finally {
            MDC.remove(CallTracker.CALL_ID);
        }
    }

    private Optional<String> agentOf(AgentInterface agentInterface) {
        long now = System.nanoTime();
        CachedAgent cached = agentCache.get(agentInterface);
        if (cached != null && now - cached.loadedNanos < AGENT_CACHE_TTL.toNanos()) {
            return cached.username;
        }
        Optional<String> username = agents.findByInterface(agentInterface)
                .filter(AgentAccount::enabled).map(AgentAccount::username);
        if (username.isEmpty()) {
            unmapped.incrementAndGet();
            log.debug("no agent account has interface {}: no pop", agentInterface.value());
        }
        agentCache.put(agentInterface, new CachedAgent(username, now));
        return username;
    }

    /**
     * Reloads every account's interfaces in one query, off the ring path: at 2,000 agents rung every minute or so,
     * a per-ring reload after the TTL put a database round trip in front of most pops. Interfaces no longer listed
     * age out, so their next ring after the TTL asks the database as before; staleness stays bounded by the TTL.
     */
    private void refreshAgents() {
        try {
            long now = System.nanoTime();
            Map<AgentInterface, CachedAgent> fresh = new java.util.HashMap<>();
            for (AgentAccount a : agents.all()) {
                Optional<String> username = a.enabled() ? Optional.of(a.username()) : Optional.empty();
                for (String i : a.interfaces()) {
                    fresh.put(AgentInterface.of(i), new CachedAgent(username, now));
                }
            }
            // interfaces no longer listed keep their old time stamp and are looked up one by one after the TTL
            agentCache.putAll(fresh);
            agentsRefreshed = true;
        } catch (RuntimeException ex) {
            // the ring path falls back to per-interface lookups after the TTL; before the first success the schema
            // may still be migrating, which is no news
            if (agentsRefreshed) {
                log.warn("reloading the agents' interfaces failed: {}", ex.toString());
            } else {
                log.debug("agents' interfaces not loaded yet: {}", ex.toString());
            }
        }
    }

    private List<CustomerCard> customersOf(PhoneNumber number) {
        try {
            return customers.findByPhone(number, properties.maxCustomers());
        } catch (RuntimeException ex) {
            // The pop still goes out, without a card: the agent can search by hand (issue #2, bad input harms nothing).
            lookupFailures.incrementAndGet();
            log.warn("customer lookup for {} failed: {}", LogMask.phone(number.normalized()), ex.toString());
            return List.of();
        }
    }

    private Optional<CustomerCard> customerOfAccount(String accountNo) {
        try {
            return customers.findByAccountNo(accountNo);
        } catch (RuntimeException ex) {
            lookupFailures.incrementAndGet();
            log.warn("customer lookup for account {} failed: {}", accountNo, ex.toString());
            return Optional.empty();
        }
    }

    /** Counters: pops published, rings to interfaces no account has, failed customer lookups. */
    public Stats stats() {
        return new Stats(published.get(), unmapped.get(), lookupFailures.get());
    }

    /** What the service has done since it started. */
    public record Stats(long popsPublished, long unmappedInterfaces, long lookupFailures) {
    }

    /** Waits for queued events to be handled, then stops the workers. */
    @Override
    public void close() {
        agentRefresher.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    private record CachedAgent(Optional<String> username, long loadedNanos) {
    }
}
