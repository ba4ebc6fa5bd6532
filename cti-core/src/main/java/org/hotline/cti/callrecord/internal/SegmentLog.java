package org.hotline.cti.callrecord.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentRingStopped;
import org.hotline.cti.call.AgentRinging;
import org.hotline.cti.call.CallAbandoned;
import org.hotline.cti.call.CallAnswered;
import org.hotline.cti.call.CallEvent;
import org.hotline.cti.call.CallHoldChanged;
import org.hotline.cti.call.CallQueueTimedOut;
import org.hotline.cti.call.CallQueued;
import org.hotline.cti.call.CallTransferred;
import org.hotline.cti.callrecord.CallSegment;

/**
 * Folds one call's events into its segments (queue waits, rings per agent, talk per agent, holds); pure, one per live
 * call. A transfer ends the transferring agent's talk; the next answer starts the target's.
 */
final class SegmentLog {

    private final List<CallSegment> done = new ArrayList<>();
    private final Map<AgentInterface, Instant> ringing = new LinkedHashMap<>();
    private final Map<AgentInterface, String> ringQueue = new HashMap<>();
    private final Map<AgentInterface, Instant> holding = new HashMap<>();
    private String queue;
    private Instant queuedAt;
    private AgentInterface talking;
    private Instant talkSince;
    private String talkQueue;

    void apply(CallEvent event) {
        if (event instanceof CallQueued q) {
            if (queuedAt == null) {
                queue = q.queue();
                queuedAt = q.at();
            }
        } else if (event instanceof AgentRinging r && r.agent() != null) {
            ringing.putIfAbsent(r.agent(), r.at());
            ringQueue.put(r.agent(), r.queue() != null ? r.queue() : queue);
        } else if (event instanceof AgentRingStopped s && s.agent() != null) {
            ring(s.agent(), s.at(), "missed");
        } else if (event instanceof CallAnswered a) {
            leaveQueue(a.at(), "answered");
            ring(a.agent(), a.at(), "answered");
            if (talking != null && !talking.equals(a.agent())) {
                endTalk(a.at(), "transferred");
            }
            if (talking == null && a.agent() != null) {
                talking = a.agent();
                talkSince = a.at();
                talkQueue = a.queue() != null ? a.queue() : queue;
            }
        } else if (event instanceof CallHoldChanged h && h.agent() != null) {
            if (h.onHold()) {
                holding.putIfAbsent(h.agent(), h.at());
            } else {
                endHold(h.agent(), h.at());
            }
        } else if (event instanceof CallTransferred t && talking != null
                && (t.from() == null || t.from().equals(talking))) {
            endTalk(t.at(), "transferred");
        } else if (event instanceof CallAbandoned ab) {
            leaveQueue(ab.at(), "abandoned");
            missAll(ab.at());
        } else if (event instanceof CallQueueTimedOut t) {
            leaveQueue(t.at(), "timeout");
            missAll(t.at());
        }
    }

    /** Closes what is still open at the call's end and returns every segment. */
    List<CallSegment> finish(Instant end) {
        leaveQueue(end, "left");
        missAll(end);
        for (AgentInterface agent : List.copyOf(holding.keySet())) {
            endHold(agent, end);
        }
        endTalk(end, "ended");
        return List.copyOf(done);
    }

    private void leaveQueue(Instant at, String result) {
        if (queuedAt != null) {
            done.add(new CallSegment("queue", queue, null, queuedAt, later(queuedAt, at), result));
            queuedAt = null;
        }
    }

    private void ring(AgentInterface agent, Instant at, String result) {
        Instant from = agent == null ? null : ringing.remove(agent);
        if (from != null) {
            done.add(new CallSegment("ring", ringQueue.remove(agent), agent, from, later(from, at), result));
        }
    }

    private void missAll(Instant at) {
        for (AgentInterface agent : List.copyOf(ringing.keySet())) {
            ring(agent, at, "missed");
        }
    }

    private void endHold(AgentInterface agent, Instant at) {
        Instant from = holding.remove(agent);
        if (from != null) {
            done.add(new CallSegment("hold", talkQueue, agent, from, later(from, at), null));
        }
    }

    private void endTalk(Instant at, String result) {
        if (talking != null) {
            endHold(talking, at);
            done.add(new CallSegment("talk", talkQueue, talking, talkSince, later(talkSince, at), result));
            talking = null;
        }
    }

    private static Instant later(Instant from, Instant at) {
        return at.isBefore(from) ? from : at;
    }
}
