package org.hotline.cti.callrecord.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentRinging;
import org.hotline.cti.call.AgentState;
import org.hotline.cti.call.AgentStateChanged;
import org.hotline.cti.call.CallAbandoned;
import org.hotline.cti.call.CallAnswered;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.call.CallEvent;
import org.hotline.cti.call.CallHoldChanged;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallQueueTimedOut;
import org.hotline.cti.call.CallQueued;
import org.hotline.cti.call.CallTransferred;
import org.hotline.cti.call.Caller;
import org.hotline.cti.call.TelephonyEvent;
import org.hotline.cti.callrecord.AgentInterval;
import org.hotline.cti.callrecord.CallOutcome;
import org.hotline.cti.callrecord.CallRecord;
import org.hotline.cti.callrecord.CallSegments;
import org.hotline.cti.callrecord.WrapUp;

/**
 * Folds the tracker's events into call records and wrap-ups; pure and single-threaded (the AMI consumer thread), so
 * it is tested by feeding events. Holds one small draft per live call and one entry per agent in wrap-up.
 */
public final class CallAssembler {

    /** The pause reason the agent desktop uses for after-call work. */
    public static final String WRAPUP_REASON = "wrapup";

    /** Drafts kept at most: a PBX that never reports some hang-ups cannot grow the heap without bound. */
    static final int MAX_DRAFTS = 100_000;

    /** What one event produced: a finished call, a finished wrap-up, a finished stretch of an agent's state. */
    public sealed interface Output permits Recorded, Segmented, WrappedUp, StateEnded {
    }

    /** A call ended: its segments (queue waits, rings, talk per agent, holds). */
    public record Segmented(CallSegments segments) implements Output {
    }

    /** An agent's state changed: the stretch of the state before. */
    public record StateEnded(AgentInterval interval) implements Output {
    }

    /** A call ended. */
    public record Recorded(CallRecord record) implements Output {
    }

    /** A wrap-up ended. */
    public record WrappedUp(WrapUp wrapUp) implements Output {
    }

    private final Map<CallId, Draft> drafts = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CallId, Draft> eldest) {
            return size() > MAX_DRAFTS;
        }
    };
    private final Map<AgentInterface, LastCall> lastCalls = new HashMap<>();
    private final Map<AgentInterface, Instant> wrapUpSince = new HashMap<>();
    private final Map<AgentInterface, OpenState> states = new HashMap<>();

    /** Applies one event; returns what it finished (a wrap-up and a state's stretch can end together). */
    public List<Output> apply(TelephonyEvent event) {
        if (event instanceof AgentStateChanged change) {
            List<Output> out = new ArrayList<>(2);
            onAgent(change).map(WrappedUp::new).ifPresent(out::add);
            stateEnded(change).map(StateEnded::new).ifPresent(out::add);
            return out;
        }
        CallEvent callEvent = (CallEvent) event;
        if (callEvent instanceof CallEnded ended) {
            Draft draft = drafts.remove(ended.callId());
            if (draft == null) {
                draft = new Draft(ended.at());
            }
            CallRecord record = draft.finish(ended);
            if (record.agent() != null && record.answeredAt() != null) {
                lastCalls.put(record.agent(), new LastCall(record.callId(), record.queue()));
            }
            return List.of(new Recorded(record),
                    new Segmented(new CallSegments(record.callId(), draft.segments.finish(ended.at()))));
        }
        Draft draft = drafts.computeIfAbsent(callEvent.callId(), id -> new Draft(callEvent.at()));
        draft.apply(callEvent);
        return List.of();
    }

    // the stretch the agent's previous state lasted, when the state (or the pause reason) changed
    private Optional<AgentInterval> stateEnded(AgentStateChanged change) {
        String state = stateCode(change);
        String reason = state.equals("paused") ? change.pausedReason() : null;
        OpenState previous = states.get(change.agent());
        if (previous != null && previous.state().equals(state) && Objects.equals(previous.reason(), reason)) {
            return Optional.empty();
        }
        states.put(change.agent(), new OpenState(state, reason, change.at()));
        if (previous == null) {
            return Optional.empty();
        }
        return Optional.of(new AgentInterval(change.agent(), previous.state(), previous.reason(), previous.since(),
                change.at().isBefore(previous.since()) ? previous.since() : change.at()));
    }

    private static String stateCode(AgentStateChanged change) {
        return switch (change.state()) {
            case READY -> "ready";
            case RINGING -> "ringing";
            case IN_CALL -> "talking";
            case PAUSED -> change.pausedReason() != null
                    && WRAPUP_REASON.equals(change.pausedReason().strip().toLowerCase(Locale.ROOT)) ? "wrapup" : "paused";
            case UNAVAILABLE -> "unavailable";
            case LOGGED_OUT -> "loggedOut";
        };
    }

    private record OpenState(String state, String reason, Instant since) {
    }

    /** Live calls being assembled. */
    public int liveCalls() {
        return drafts.size();
    }

    private Optional<WrapUp> onAgent(AgentStateChanged change) {
        AgentInterface agent = change.agent();
        boolean inWrapUp = change.state() == AgentState.PAUSED && change.pausedReason() != null
                && WRAPUP_REASON.equals(change.pausedReason().strip().toLowerCase(Locale.ROOT));
        if (inWrapUp) {
            wrapUpSince.putIfAbsent(agent, change.at());
            return Optional.empty();
        }
        Instant since = wrapUpSince.remove(agent);
        LastCall last = lastCalls.remove(agent);
        if (since == null || last == null) {
            return Optional.empty();
        }
        Duration spent = change.at().isBefore(since) ? Duration.ZERO : Duration.between(since, change.at());
        return Optional.of(new WrapUp(last.callId(), last.queue(), agent, spent, change.at()));
    }

    private record LastCall(CallId callId, String queue) {
    }

    /** What is known so far about one live call. */
    private static final class Draft {
        final Instant startedAt;
        Caller caller = Caller.UNKNOWN;
        String queue;
        Instant queuedAt;
        Instant answeredAt;
        AgentInterface agent;
        String memberName;
        Instant holdSince;
        Duration hold = Duration.ZERO;
        boolean abandoned;
        boolean timedOut;
        boolean transferred;
        boolean direct;
        final SegmentLog segments = new SegmentLog();

        Draft(Instant startedAt) {
            this.startedAt = startedAt;
        }

        void apply(CallEvent event) {
            segments.apply(event);
            if (event instanceof CallQueued q) {
                caller = known(q.caller());
                if (answeredAt == null) {
                    // a call counts in the queue where it was answered, not where a transfer sent it later
                    queue = q.queue();
                }
                if (queuedAt == null) {
                    queuedAt = q.at();
                }
            } else if (event instanceof AgentRinging r) {
                caller = known(r.caller());
                direct |= r.queue() == null && queue == null;
            } else if (event instanceof CallAnswered a) {
                caller = known(a.caller());
                if (answeredAt == null) {
                    answeredAt = a.at();
                    agent = a.agent();
                    memberName = a.memberName();
                    if (a.queue() != null) {
                        queue = a.queue();
                    }
                }
            } else if (event instanceof CallHoldChanged h) {
                if (h.onHold() && holdSince == null) {
                    holdSince = h.at();
                } else if (!h.onHold() && holdSince != null) {
                    hold = hold.plus(between(holdSince, h.at()));
                    holdSince = null;
                }
            } else if (event instanceof CallTransferred) {
                transferred |= answeredAt != null;
            } else if (event instanceof CallAbandoned ab) {
                abandoned = answeredAt == null;
                if (queue == null) {
                    queue = ab.queue();
                }
            } else if (event instanceof CallQueueTimedOut t) {
                timedOut = answeredAt == null;
                if (queue == null) {
                    queue = t.queue();
                }
            }
        }

        private Caller known(Caller next) {
            return next == null || (next.number().isEmpty() && next.name().isEmpty()) ? caller : next;
        }

        CallRecord finish(CallEnded ended) {
            caller = known(ended.caller());
            if (holdSince != null) {
                hold = hold.plus(between(holdSince, ended.at()));
            }
            Duration talk = Duration.ZERO;
            Duration talkWithHold = Duration.ZERO;
            if (answeredAt != null) {
                // as app_queue counts TalkTime: time() at the end minus time() at the connect, hold included
                long seconds = ended.at().getEpochSecond() - answeredAt.getEpochSecond();
                talkWithHold = Duration.ofSeconds(Math.max(0, seconds));
                talk = between(answeredAt, ended.at()).minus(hold);
                if (talk.isNegative()) {
                    talk = Duration.ZERO;
                }
            }
            CallOutcome outcome;
            if (answeredAt != null) {
                outcome = transferred ? CallOutcome.TRANSFERRED : CallOutcome.ANSWERED;
            } else if (abandoned) {
                outcome = CallOutcome.ABANDONED;
            } else if (timedOut) {
                outcome = CallOutcome.TIMEOUT;
            } else if (queuedAt != null || ended.outbound()) {
                // left the queue without an agent and with no report of why, or a dialled customer who did not answer
                outcome = CallOutcome.UNANSWERED;
            } else {
                outcome = CallOutcome.IVR_ONLY;
            }
            String direction = ended.outbound() ? "outbound"
                    : queuedAt == null && direct && caller.number().length() <= 6 ? "internal" : "inbound";
            return new CallRecord(ended.callId(), direction, caller, queue, agent, memberName, startedAt, queuedAt,
                    answeredAt, ended.at(), hold, talk, talkWithHold, outcome, ended.cause(), ended.endedBy());
        }

        private static Duration between(Instant from, Instant to) {
            return to.isBefore(from) ? Duration.ZERO : Duration.between(from, to);
        }
    }
}
