package org.hotline.cti.call;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.testing.AmiFixtures;

/** Replays captures through a {@link CallTracker} and renders events compactly for assertions. */
final class Replay {

    /** A fixed clock far from the captures, so a leaked clock read would show in assertions. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC);

    final CallTracker tracker = new CallTracker(e -> { }, CLOCK);
    final List<TelephonyEvent> events = new ArrayList<>();

    /** Applies every frame of a capture. */
    static Replay of(String capture) {
        Replay r = new Replay();
        r.apply(AmiFixtures.messages(capture));
        return r;
    }

    Replay apply(List<AmiMessage> messages) {
        for (AmiMessage m : messages) {
            events.addAll(tracker.apply(m));
        }
        return this;
    }

    Replay apply(AmiMessage m) {
        events.addAll(tracker.apply(m));
        return this;
    }

    <T extends TelephonyEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<String> lines() {
        return events.stream().map(Replay::describe).toList();
    }

    List<String> lines(Predicate<TelephonyEvent> filter) {
        return events.stream().filter(filter).map(Replay::describe).toList();
    }

    static String agent(AgentInterface a) {
        return a == null ? "-" : a.value();
    }

    /** One line per event with the fields the scenarios assert. */
    static String describe(TelephonyEvent e) {
        if (e instanceof CallerIdentified i) {
            return "CallerIdentified " + i.callId().value() + " " + i.caller().number();
        } else if (e instanceof CallQueued q) {
            return "CallQueued " + q.callId().value() + " " + q.queue() + " " + q.caller().number() + " '"
                    + q.caller().name() + "' pos=" + q.position();
        } else if (e instanceof AgentRinging r) {
            return "AgentRinging " + r.callId().value() + " " + agent(r.agent()) + " queue=" + r.queue() + " caller="
                    + r.caller().number() + " waited=" + r.waited().toSeconds() + "s";
        } else if (e instanceof AgentRingStopped s) {
            return "AgentRingStopped " + s.callId().value() + " " + agent(s.agent()) + " " + s.reason() + " ring="
                    + s.ringTime().toMillis() + "ms";
        } else if (e instanceof CallAnswered a) {
            return "CallAnswered " + a.callId().value() + " " + agent(a.agent()) + " queue=" + a.queue() + " caller="
                    + a.caller().number() + " hold=" + a.holdTime().toSeconds() + "s";
        } else if (e instanceof CallHoldChanged h) {
            return "CallHoldChanged " + h.callId().value() + " " + agent(h.agent()) + " " + h.onHold();
        } else if (e instanceof CallTransferred t) {
            return "CallTransferred " + t.callId().value() + " " + t.kind() + " from=" + agent(t.from()) + " to="
                    + t.target();
        } else if (e instanceof CallAbandoned a) {
            return "CallAbandoned " + a.callId().value() + " " + a.queue() + " pos=" + a.position() + "/"
                    + a.originalPosition() + " hold=" + a.holdTime().toSeconds() + "s";
        } else if (e instanceof CallQueueTimedOut t) {
            return "CallQueueTimedOut " + t.callId().value() + " " + t.queue() + " pos=" + t.position() + "/"
                    + t.originalPosition() + " waited=" + t.waited().toSeconds() + "s";
        } else if (e instanceof CallEnded x) {
            return "CallEnded " + x.callId().value() + " " + x.caller().number() + " cause=" + x.cause();
        }
        AgentStateChanged s = (AgentStateChanged) e;
        return "AgentStateChanged " + agent(s.agent()) + " " + s.state()
                + (s.pausedReason() == null ? "" : " reason=" + s.pausedReason()) + " queues="
                + new TreeSet<>(s.queues());
    }
}
