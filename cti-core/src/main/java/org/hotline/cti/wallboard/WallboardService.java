package org.hotline.cti.wallboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.callback.Callbacks;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.call.AgentView;
import org.hotline.cti.call.CallAnswered;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallQueued;
import org.hotline.cti.call.CallView;
import org.hotline.cti.call.TelephonyEvent;
import org.hotline.cti.call.TelephonyListener;
import org.hotline.cti.callrecord.CallOutcome;
import org.hotline.cti.callrecord.CallRecord;
import org.hotline.cti.callrecord.CallRecordListener;
import org.hotline.cti.callrecord.WrapUp;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.wallboard.internal.AgentRows;
import org.hotline.cti.wallboard.internal.CallSamples;
import org.hotline.cti.wallboard.internal.Counters;
import org.hotline.cti.wallboard.internal.DeskWaitingPush;
import org.hotline.cti.wallboard.internal.FrameBuilder;
import org.hotline.cti.wallboard.internal.KeptPlaces;
import org.hotline.cti.wallboard.internal.WaitingHistory;
import org.hotline.cti.wallboard.internal.FrameBuilder.QueueInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The supervisors' wallboard: counts each queue's calls today and over the sliding last hour (rebuilt from
 * {@code calls} on start, then kept from the tracker's and recorder's events), reads the live queue and agent state
 * from the tracker, and once per {@code publishInterval} publishes a frame to {@link PushMessage#SUPERVISORS} when
 * it differs from the last one (and at least every {@code heartbeat}).
 */
public final class WallboardService implements TelephonyListener, CallRecordListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WallboardService.class);
    private static final Duration DIRECTORY_REFRESH = Duration.ofMinutes(1);
    private static final int MAX_TRACKED_CALLS = 100_000;

    private final WallboardProperties properties;
    private final JdbcTemplate jdbc;
    private final AgentDirectory directory;
    private final Supplier<Collection<AgentView>> agentViews;
    private final Supplier<Collection<CallView>> callViews;
    private final PushBus bus;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Map<String, Duration> serviceLevels = new java.util.concurrent.ConcurrentHashMap<>();
    private final Counters counters;
    private final DeskWaitingPush waitingPush;
    // the callers who booked a callback keep their place in the waiting list (issue #16)
    private final KeptPlaces keptPlaces;
    // calls whose answer was counted live, so the record at the end does not count it again
    private final Set<CallId> answeredLive = new LinkedHashSet<>();
    private final Map<CallId, Instant> firstQueued = new LinkedHashMap<>();
    private volatile Map<String, QueueInfo> queues = Map.of();
    private volatile Map<String, AgentAccount> accounts = Map.of();
    private ScheduledExecutorService scheduler;
    private volatile String lastBody = "";
    private Map<String, Map<String, Object>> lastRows = Map.of();
    // the publisher's agent rows, reused beat to beat while an agent is unchanged (publisher thread only)
    private final AgentRows beatRows = new AgentRows();
    private Instant lastPublished = Instant.EPOCH;
    private Instant directoryLoaded = Instant.EPOCH;
    // the 30-minute chart's data, kept here so a page that opens shows the last half hour at once (issue #16)
    private final WaitingHistory waitingHistory = new WaitingHistory(Duration.ofMinutes(30), Duration.ofSeconds(10));

    /** A wallboard reading live state through the suppliers (the tracker's views) and publishing on {@code bus}. */
    public WallboardService(WallboardProperties properties, DataSource dataSource, AgentDirectory directory,
                            Supplier<Collection<AgentView>> agentViews, Supplier<Collection<CallView>> callViews,
                            PushBus bus, Clock clock) {
        this.properties = properties;
        this.jdbc = new JdbcTemplate(dataSource);
        this.directory = directory;
        this.agentViews = agentViews;
        this.callViews = callViews;
        this.bus = bus;
        this.clock = clock;
        this.counters = new Counters(properties.zone(), this::serviceLevelOf);
        this.waitingPush = new DeskWaitingPush(bus, json, properties.deskInterval());
        Callbacks callbacks = new Callbacks(dataSource);
        this.keptPlaces = new KeptPlaces(() -> callbacks.requestedOpen(200));
    }

    /** Loads queues and agents, rebuilds the counters from {@code calls}, then starts publishing. */
    public void start() {
        loadDirectory();
        rebuild();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wallboard-publisher");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, properties.publishInterval().toMillis());
        scheduler.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Counts the calls that ended since the earlier of local midnight and an hour ago, as the live path would have
     * counted them: answers at answer time, abandons and timeouts, talk and wrap-up at the call's end.
     */
    public synchronized void rebuild() {
        Instant now = clock.instant();
        Instant midnight = now.atZone(properties.zone()).toLocalDate().atStartOfDay(properties.zone()).toInstant();
        Instant from = midnight.isBefore(now.minus(Counters.LAST_HOUR)) ? midnight : now.minus(Counters.LAST_HOUR);
        counters.advance(now);
        int[] rows = {0};
        jdbc.query("""
                select queue, agent_interface, queued_at, answered_at, ended_at, talk_seconds, wrapup_seconds, outcome
                from calls where queue is not null and ended_at >= ? order by ended_at
                """, rs -> {
            rows[0]++;
            String queue = rs.getString(1);
            String agent = rs.getString(2);
            Instant queued = instant(rs.getTimestamp(3));
            Instant answered = instant(rs.getTimestamp(4));
            Instant ended = instant(rs.getTimestamp(5));
            CallOutcome outcome = rs.getString(8) == null ? CallOutcome.IVR_ONLY : CallOutcome.ofCode(rs.getString(8));
            Integer talk = (Integer) rs.getObject(6);
            Integer wrap = (Integer) rs.getObject(7);
            CallSamples.of(queue, agent, queued, answered, ended, outcome, talk == null ? 0 : talk, wrap, true)
                    .forEach(counters::add);
        }, Timestamp.from(from));
        log.info("wallboard rebuilt from {} calls since {}", rows[0], from);
    }

    /**
     * Counts an answer from a queue the moment it happens, with the wait measured from the call's first queue entry
     * (as the {@code calls} row will have it, so a rebuild gives the same figures).
     */
    @Override
    public synchronized void onEvent(TelephonyEvent event) {
        if (event instanceof CallQueued queued) {
            firstQueued.putIfAbsent(queued.callId(), queued.at());
            trim(firstQueued.keySet());
        } else if (event instanceof CallEnded ended) {
            firstQueued.remove(ended.callId());
        } else if (event instanceof CallAnswered answered && answered.queue() != null
                && answeredLive.add(answered.callId())) {
            trim(answeredLive);
            Instant queuedAt = firstQueued.get(answered.callId());
            Duration wait = queuedAt != null ? between(queuedAt, answered.at())
                    : answered.holdTime() == null ? Duration.ZERO : answered.holdTime();
            counters.add(new QueueSample(QueueSample.Kind.ANSWERED, answered.queue(), answered.agent().value(),
                    answered.at(), wait));
        }
    }

    private static void trim(Set<CallId> ids) {
        if (ids.size() > MAX_TRACKED_CALLS) {
            var it = ids.iterator();
            it.next();
            it.remove();
        }
    }

    /** Counts the end of a queue call: abandon or timeout, or the talk time (and the answer if it was missed). */
    @Override
    public synchronized void onCallRecorded(CallRecord r) {
        if (r.queue() == null) {
            return;
        }
        boolean countedLive = answeredLive.remove(r.callId());
        CallSamples.of(r.queue(), r.agent() == null ? null : r.agent().value(), r.queuedAt(), r.answeredAt(), r.endedAt(),
                r.outcome(), r.talk().toSeconds(), null, !countedLive).forEach(counters::add);
    }

    /** Counts a finished wrap-up. */
    @Override
    public synchronized void onWrapUp(WrapUp w) {
        if (w.queue() != null) {
            counters.add(new QueueSample(QueueSample.Kind.WRAPUP, w.queue(), w.agent().value(), w.endedAt(),
                    w.duration()));
        }
    }

    /**
     * What is known of {@code queue} now, for the IVR's predicted wait: callers waiting in it (queued or ringing),
     * its unpaused members ready or busy, and the last hour's average talk + wrap-up (today's when the last hour had
     * none).
     */
    public QueueForecast forecast(String queue) {
        int waiting = 0;
        for (CallView c : callViews.get()) {
            if (queue.equals(c.queue()) && (c.state() == org.hotline.cti.call.CallState.QUEUED
                    || c.state() == org.hotline.cti.call.CallState.RINGING)) {
                waiting++;
            }
        }
        int ready = 0;
        int busy = 0;
        for (AgentView a : agentViews.get()) {
            if (!a.queues().contains(queue) || a.pausedQueues().contains(queue)) {
                continue;
            }
            switch (a.state()) {
                case READY -> ready++;
                case RINGING, IN_CALL -> busy++;
                default -> {
                }
            }
        }
        Double handle = null;
        synchronized (this) {
            counters.advance(clock.instant());
            if (counters.knows(queue)) {
                handle = handleSeconds(counters.lastHour(queue));
                handle = handle != null ? handle : handleSeconds(counters.today(queue));
            }
        }
        return new QueueForecast(queue, waiting, ready, busy, handle);
    }

    private static Double handleSeconds(Kpis k) {
        if (k == null || k.avgTalkSeconds() == null) {
            return null;
        }
        return k.avgTalkSeconds() + (k.avgWrapUpSeconds() == null ? 0 : k.avgWrapUpSeconds());
    }

    /** The current full frame as JSON (what a {@code wallboard} message with {@code "full": true} carries). */
    public String frame() {
        Map<String, Object> tree = frameTree(clock.instant(), new AgentRows());
        tree.put("full", true);
        tree.put("removed", List.of());
        return write(tree);
    }

    private Map<String, Object> frameTree(Instant now, AgentRows rows) {
        Counters.Reading reading;
        synchronized (this) {
            counters.advance(now);
            reading = counters.reading();
        }
        // built outside the lock: the AMI delivery thread counts answers under it and must not wait for a frame
        Map<String, Object> frame = FrameBuilder.build(now, properties, reading, queues, agentViews.get(),
                callViews.get(), accounts, rows);
        Map<String, QueueInfo> known = queues;
        Map<String, String> names = new java.util.HashMap<>();
        known.forEach((name, info) -> names.put(name, info.displayName()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> live = (List<Map<String, Object>>) frame.get("waitingCalls");
        frame.put("waitingCalls", KeptPlaces.merge(live, keptPlaces.current(), names, now));
        return frame;
    }

    /**
     * One publisher beat. A frame carries every queue, but only the agents whose row changed since the last frame
     * ({@code "full": false}, {@code "removed"}: interfaces gone); every heartbeat, and after a directory reload,
     * the frame is full. It goes out when the queues or any agent changed, or the heartbeat is due.
     */
    void tick() {
        try {
            Instant now = clock.instant();
            if (Duration.between(directoryLoaded, now).compareTo(DIRECTORY_REFRESH) >= 0) {
                loadDirectory();
            }
            Map<String, Object> tree = frameTree(now, beatRows);
            sampleWaiting(now, tree);
            Object at = tree.remove("at");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> agents = (List<Map<String, Object>>) tree.remove("agents");
            // rows compared as maps (they hold no time-dependent value), not as JSON: 2,000 rows are not
            // serialized twice a second only to find the few that changed (the collector's load, issue #11)
            Map<String, Map<String, Object>> rows = new HashMap<>();
            List<Map<String, Object>> changed = new java.util.ArrayList<>();
            boolean full = lastBody.isEmpty()
                    || Duration.between(lastPublished, now).compareTo(properties.heartbeat()) >= 0;
            for (Map<String, Object> agent : agents) {
                String iface = (String) agent.get("interface");
                rows.put(iface, agent);
                if (full || !agent.equals(lastRows.get(iface))) {
                    changed.add(agent);
                }
            }
            String body = write(tree);
            waitingPush.publish(tree, full, now);
            List<String> removed = lastRows.keySet().stream().filter(i -> !rows.containsKey(i)).toList();
            if (!full && body.equals(lastBody) && changed.isEmpty() && removed.isEmpty()) {
                return;
            }
            lastBody = body;
            lastRows = rows;
            if (full) {
                lastPublished = now;
            }
            Map<String, Object> stamped = new LinkedHashMap<>();
            stamped.put("at", at);
            stamped.putAll(tree);
            stamped.put("full", full);
            stamped.put("agents", changed);
            stamped.put("removed", full ? List.of() : removed);
            bus.publish(PushMessage.SUPERVISORS, PushMessage.TYPE_WALLBOARD, write(stamped));
        } catch (RuntimeException ex) {
            log.warn("wallboard frame failed: {}", ex.toString(), ex);
        }
    }

    /** Re-reads queues (names, display names, service-level T) and agents now instead of at the next minute. */
    public void loadDirectory() {
        try {
            Map<String, QueueInfo> q = new LinkedHashMap<>();
            Map<String, Duration> levels = new HashMap<>();
            jdbc.query("select name, display_name, service_level_seconds, hidden_from_big_screen from queues"
                    + " order by name", rs -> {
                q.put(rs.getString(1), new QueueInfo(rs.getString(1), rs.getString(2), rs.getBoolean(4)));
                levels.put(rs.getString(1), Duration.ofSeconds(rs.getInt(3)));
            });
            Map<String, AgentAccount> a = new HashMap<>();
            for (AgentAccount account : directory.all()) {
                // keyed normalized, as the tracker names agents (accounts hold Local/1001@agents/n)
                account.interfaces().forEach(i -> a.put(AgentInterface.of(i).value(), account));
            }
            synchronized (this) {
                serviceLevels.putAll(levels);
                lastBody = "";
                q.keySet().forEach(counters::ensure);
            }
            queues = Map.copyOf(q);
            accounts = Map.copyOf(a);
            directoryLoaded = clock.instant();
        } catch (RuntimeException ex) {
            log.warn("wallboard could not load queues and agents: {}", ex.toString());
        }
    }

    /**
     * The calls waiting per queue over the last 30 minutes, a sample every 10 seconds, oldest first: each
     * {@code {"at": ISO-8601, "waiting": {queue: calls}}}, as the wallboard's chart reads it.
     */
    public List<Map<String, Object>> waitingHistory() {
        return waitingHistory.points().stream().<Map<String, Object>>map(p -> Map.of("at", p.at().toString(),
                "waiting", p.waiting())).toList();
    }

    @SuppressWarnings("unchecked")
    private void sampleWaiting(Instant now, Map<String, Object> tree) {
        Map<String, Integer> waiting = new LinkedHashMap<>();
        for (Map<String, Object> q : (List<Map<String, Object>>) tree.get("queues")) {
            waiting.put((String) q.get("name"), ((Number) q.get("waiting")).intValue());
        }
        waitingHistory.offer(now, waiting);
    }

    private Duration serviceLevelOf(String queue) {
        return serviceLevels.getOrDefault(queue, Duration.ofSeconds(30));
    }

    private String write(Object tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("wallboard frame not serializable", ex);
        }
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static Duration between(Instant from, Instant to) {
        return to.isBefore(from) ? Duration.ZERO : Duration.between(from, to);
    }

    /** Stops publishing. */
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
