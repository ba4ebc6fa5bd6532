package org.hotline.cti.queuelog;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Folds {@code queue_log} lines into {@link QueueLogCall}s, one per queued channel, finished by the line that ends its
 * time in the queue (app_queue's events, Asterisk 22); pure and single-threaded. Calls still open are kept, at most
 * {@link #MAX_OPEN}, the oldest dropped first.
 */
public final class QueueLogCalls {

    /** Open calls kept at most, so a file without endings cannot grow the heap without bound. */
    public static final int MAX_OPEN = 100_000;

    private final Map<String, Open> open = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Open> eldest) {
            return size() > MAX_OPEN;
        }
    };

    /** Applies one line; returns the call it finished, if any. Lines of other events (members, pauses) are ignored. */
    public Optional<QueueLogCall> accept(QueueLogLine line) {
        String id = line.callId();
        if (id.isEmpty() || id.equals("NONE")) {
            return Optional.empty();
        }
        switch (line.event()) {
            case "ENTERQUEUE" -> {
                Open o = open.computeIfAbsent(id, k -> new Open());
                if (o.enteredAt == null) {
                    o.enteredAt = line.at();
                    o.queue = line.queue();
                    o.caller = line.data(2);
                }
            }
            case "CONNECT" -> {
                Open o = open.computeIfAbsent(id, k -> new Open());
                o.connectedAt = line.at();
                o.agent = line.agent();
                o.waited = Duration.ofSeconds(line.number(1));
                o.queue = o.queue == null ? line.queue() : o.queue;
            }
            case "RINGNOANSWER" -> open.computeIfAbsent(id, k -> new Open()).unansweredRings++;
            case "COMPLETECALLER", "COMPLETEAGENT" -> {
                return finish(line, "answered", Duration.ofSeconds(line.number(1)), Duration.ofSeconds(line.number(2)),
                        line.event().equals("COMPLETECALLER") ? "caller" : "agent");
            }
            case "TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER" -> {
                return finish(line, "transferred", Duration.ofSeconds(line.number(3)),
                        Duration.ofSeconds(line.number(4)), null);
            }
            case "ABANDON" -> {
                return finish(line, "abandoned", Duration.ofSeconds(line.number(3)), Duration.ZERO, "caller");
            }
            // the queue gave up on a caller still on the line: timeout, like leave-empty (ADR 0017)
            case "EXITWITHTIMEOUT", "EXITEMPTY" -> {
                return finish(line, "timeout", Duration.ofSeconds(line.number(3)), Duration.ZERO, null);
            }
            case "EXITWITHKEY" -> {
                return finish(line, "unanswered", Duration.ofSeconds(line.number(4)), Duration.ZERO, "caller");
            }
            default -> {
            }
        }
        return Optional.empty();
    }

    /** Calls entered and not yet ended. */
    public int openCalls() {
        return open.size();
    }

    private Optional<QueueLogCall> finish(QueueLogLine line, String outcome, Duration waited, Duration talk,
                                          String endedBy) {
        Open o = open.remove(line.callId());
        if (o == null) {
            o = new Open();
        }
        boolean answered = o.connectedAt != null && !outcome.equals("abandoned") && !outcome.equals("timeout");
        Instant entered = o.enteredAt != null ? o.enteredAt : line.at().minus(waited).minus(talk);
        return Optional.of(new QueueLogCall(line.callId(), o.queue != null ? o.queue : line.queue(),
                o.caller == null ? "" : o.caller,
                entered, answered ? o.connectedAt : null, line.at(), answered ? o.agent : null, outcome,
                o.waited != null && answered ? o.waited : waited, talk, endedBy, o.unansweredRings));
    }

    private static final class Open {
        Instant enteredAt;
        String queue;
        String caller;
        Instant connectedAt;
        String agent;
        Duration waited;
        int unansweredRings;
    }
}
