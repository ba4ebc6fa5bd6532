package org.hotline.workorder.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.push.Subscription;
import org.hotline.workorder.CrewApp;
import org.hotline.workorder.WorkOrderChanged;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The crew app's live line: each open app holds a server-sent event stream, and when the bus (any node) says that an
 * order of its crew changed (assigned, taken away, re-routed) it gets an {@code orders} event and fetches its list
 * again. A stream lasts ten minutes, then the app opens the next one with its token, so a revoked token ends soon.
 */
public final class CrewEvents implements AutoCloseable {

    private static final long STREAM_MILLIS = 10 * 60 * 1000;

    private final Map<String, Set<SseEmitter>> byCrew = new ConcurrentHashMap<>();
    private final Subscription subscription;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hotline-crew-events");
        t.setDaemon(true);
        return t;
    });

    /** Follows {@code bus} until closed. */
    public CrewEvents(PushBus bus) {
        subscription = bus.subscribe(m -> CrewApp.PUSH_TYPE.equals(m.type()) || WorkOrderChanged.PUSH_TYPE.equals(m.type()),
                this::onMessage, () -> byCrew.keySet().forEach(this::tell));
        // a comment line now and then keeps proxies and phones from closing a quiet stream
        heartbeat.scheduleWithFixedDelay(() -> byCrew.forEach((crew, streams) -> streams.forEach(s -> send(crew, s,
                SseEmitter.event().comment("alive")))), 20, 20, TimeUnit.SECONDS);
    }

    /** A new stream for an app of {@code crew}; it starts with a {@code hello} event. */
    public SseEmitter open(String crew) {
        SseEmitter stream = new SseEmitter(STREAM_MILLIS);
        Set<SseEmitter> streams = byCrew.computeIfAbsent(crew, c -> ConcurrentHashMap.newKeySet());
        streams.add(stream);
        Runnable forget = () -> {
            streams.remove(stream);
            byCrew.computeIfPresent(crew, (c, s) -> s.isEmpty() ? null : s);
        };
        stream.onCompletion(forget);
        stream.onTimeout(forget);
        stream.onError(e -> forget.run());
        send(crew, stream, SseEmitter.event().name("hello").data(crew));
        return stream;
    }

    /** How many streams are open (for tests and metrics). */
    public int open() {
        return byCrew.values().stream().mapToInt(Set::size).sum();
    }

    private void onMessage(PushMessage m) {
        if (!CrewApp.PUSH_TYPE.equals(m.type()) && !WorkOrderChanged.PUSH_TYPE.equals(m.type())) {
            return;
        }
        JsonNode data;
        try {
            data = Json.MAPPER.readTree(m.payload());
        } catch (IOException e) {
            return;
        }
        String crew = data.path("crew").asText(null);
        String holder = data.path("order").path("crew").asText(null);
        String change = data.path("change").asText();
        if ("REROUTED".equals(change)) {
            // a re-route takes the order from its crew without naming it (rare): every app checks its list
            byCrew.keySet().forEach(this::tell);
            return;
        }
        if (crew != null) {
            tell(crew);
        }
        if (holder != null && !holder.equals(crew)) {
            tell(holder);
        }
        String previous = data.path("previousCrew").asText(null);
        if (previous != null && !previous.equals(crew)) {
            tell(previous);
        }
    }

    private void tell(String crew) {
        Set<SseEmitter> streams = byCrew.get(crew);
        if (streams != null) {
            streams.forEach(s -> send(crew, s, SseEmitter.event().name("orders").data(crew)));
        }
    }

    private void send(String crew, SseEmitter stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.send(event);
        } catch (IOException | IllegalStateException e) {
            // the phone went away: the stream is done
            Set<SseEmitter> streams = byCrew.get(crew);
            if (streams != null) {
                streams.remove(stream);
            }
            stream.completeWithError(e);
        }
    }

    @Override
    public void close() {
        subscription.close();
        heartbeat.shutdownNow();
        byCrew.values().forEach(s -> s.forEach(SseEmitter::complete));
        byCrew.clear();
    }
}
