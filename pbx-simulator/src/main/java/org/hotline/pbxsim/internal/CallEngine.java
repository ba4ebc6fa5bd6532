package org.hotline.pbxsim.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.pbxsim.CallResult;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;

/**
 * Generates queue calls the way the lab's dialplan runs them (extensions.conf {@code [callers]},
 * {@code [caller-setup]}, Queue()), emitting the caller-side events in the order of captures 01 and 02.
 */
public final class CallEngine {

    static final long HALF_SECOND = 500_000_000L;
    /** The shipped dialplan's HOTLINE_MAX_WAIT (Queue()'s 5th argument): 300 s. */
    static final long DEFAULT_MAX_WAIT = 300_000_000_000L;
    /** How long the after-queue message plays (the lab's tone). */
    static final long AFTER_QUEUE_MESSAGE = 2_000_000_000L;
    static final String PRES_ALLOWED = "0 (Presentation Allowed, Not Screened)";
    static final String PRES_PROHIBITED = "35 (Presentation Prohibited, Network Number)";

    final Sim sim;
    final Events ev;
    final QueueDispatcher dispatcher;
    final AgentDialplan dialplan;
    final TransferFlows transfers;
    final AgentFlows agents;
    final HoldFlows holds;
    final ClickToDial clickToDial;
    final SpyFlows spyFlows;
    private final Set<Call> live = new LinkedHashSet<>();

    /** An engine over a simulator's state. */
    public CallEngine(Sim sim) {
        this.sim = sim;
        this.ev = new Events(sim);
        this.dispatcher = new QueueDispatcher(this);
        this.dialplan = new AgentDialplan(this);
        this.transfers = new TransferFlows(this, dialplan);
        this.agents = new AgentFlows(this, dialplan, transfers);
        this.holds = new HoldFlows(this);
        this.clickToDial = new ClickToDial(this);
        this.spyFlows = new SpyFlows(this);
    }

    /** Places a call now; must run on the simulator thread. */
    public Call place(CallSpec spec, String originateActionId, LoadCounters counters) {
        QueueState q = sim.queue(spec.queue());
        if (q == null) {
            throw new IllegalArgumentException("queue: " + spec.queue() + " (expected one of " + sim.queues.keySet()
                    + ")");
        }
        Call call = new Call(spec, originateActionId, counters, sim.clock.simNanos());
        call.queue = q;
        live.add(call);
        if (counters != null) {
            counters.placed.incrementAndGet();
        }
        originate(call);
        return call;
    }

    /** Runs a step after a simulated delay on the call's own timeline. */
    void after(Call call, long simDelay, Runnable step) {
        long due = call.simNow + simDelay;
        call.timer = sim.schedule(simDelay, () -> {
            call.simNow = Math.max(call.simNow, due);
            step.run();
        });
    }

    /** Brings the call's timeline up to the simulator clock before an outside-triggered step. */
    void sync(Call call) {
        call.simNow = Math.max(call.simNow, sim.clock.simNanos());
    }

    /** The originate: Local ;1/;2 legs, variables, LocalBridge, DialBegin, caller-setup, Answer (capture 01). */
    private void originate(Call call) {
        CallSpec spec = call.spec;
        String exten = call.queue.callerExten;
        String base = sim.newLocalBase(exten, "callers");
        String linkedid = sim.newUniqueid();
        SimChannel c1 = new SimChannel(base + ";1", linkedid, linkedid, 0, "callers", exten, call.simNow);
        SimChannel c2 = new SimChannel(base + ";2", sim.newUniqueid(), linkedid, 4, "callers", exten, call.simNow);
        call.c1 = c1;
        call.c2 = c2;
        sim.processedCalls++;
        ev.newchannel(c1);
        ev.newchannel(c2);
        ev.newexten(c1, "callers", exten, 1, "AppDial2", "(Outgoing Line)");
        List<Map.Entry<String, String>> vars = originateVariables(spec);
        // ;1 lists the originate's variables newest first, ;2 receives them copied in order (captures 01, 03)
        for (int i = vars.size() - 1; i >= 0; i--) {
            ev.varSet(c1, vars.get(i).getKey(), vars.get(i).getValue());
        }
        for (Map.Entry<String, String> v : vars) {
            ev.varSet(c2, v.getKey(), v.getValue());
        }
        ev.localBridge(c1, c2, "callers", exten, true);
        if (call.originateActionId != null) {
            ev.originateResponse(call.originateActionId, c1, "Wait", patienceSeconds(call));
        }
        ev.dialBegin(null, c1, exten + "@callers");
        String number = spec.callerNumber();
        ev.newexten(c2, "NoOp", "Inbound caller " + number);
        ev.newexten(c2, "callers", exten, 2, "Gosub", "caller-setup,s,1");
        ev.newexten(c2, "caller-setup", "s", 0, "Gosub", "caller-setup,s,1");
        ev.varSet(c2, "LOCAL(ARGC)", "0");
        ev.newexten(c2, "caller-setup", "s", 1, "Set", "CALLERID(num)=" + number);
        c2.callerNum = number;
        ev.newCallerid(c2, PRES_ALLOWED);
        String name = spec.callerName();
        boolean named = name != null && !name.isEmpty();
        ev.newexten(c2, "caller-setup", "s", 2, "ExecIf",
                (named ? "1" : "0") + "?Set(CALLERID(name)=" + (named ? name : "") + ")");
        if (named) {
            c2.callerName = name;
            ev.newCallerid(c2, PRES_ALLOWED);
        }
        ev.newexten(c2, "caller-setup", "s", 3, "ExecIf",
                (isAnonymous(call) ? "1" : "0") + "?Set(CALLERID(pres)=prohib)");
        ev.newexten(c2, "caller-setup", "s", 4, "Answer", "");
        ev.newstate(c2, 6);
        ev.newstate(c1, 6);
        ev.dialEnd(null, c1, "ANSWER");
        c1.application = "Wait";
        c1.applicationData = patienceSeconds(call);
        ev.deviceState("Local/" + exten + "@callers", "INUSE");
        ev.deviceState("Local/" + exten + "@callers", "INUSE");
        // Answer() holds the channel half a second before the dialplan goes on (captures 01–03)
        after(call, HALF_SECOND, () -> enterQueue(call));
    }

    private static List<Map.Entry<String, String>> originateVariables(CallSpec spec) {
        List<Map.Entry<String, String>> vars = new ArrayList<>();
        vars.add(Map.entry("CALLERNUM", spec.callerNumber()));
        if (spec.callerName() != null && !spec.callerName().isEmpty()) {
            vars.add(Map.entry("CALLERNAME", spec.callerName()));
        }
        if (!(spec.outcome() instanceof Outcome.Abandon)) {
            // the lab driver gives talking calls their talk time; abandoning callers carry none (capture 02)
            vars.add(Map.entry("__TALKTIME", Long.toString(spec.talkTime().toSeconds())));
        }
        for (Map.Entry<String, String> e : spec.variables().entrySet()) {
            String key = e.getKey().startsWith("_") ? e.getKey() : "__" + e.getKey();
            vars.add(Map.entry(key, e.getValue()));
        }
        return vars;
    }

    static boolean isAnonymous(Call call) {
        return "anonymous".equalsIgnoreCase(call.spec.callerNumber());
    }

    private static String patienceSeconds(Call call) {
        return Long.toString(Math.max(1, call.patience().toSeconds()));
    }

    /** Gosub return and Queue(): the caller joins the queue and hears music (capture 01). */
    private void enterQueue(Call call) {
        if (call.phase == Call.Phase.ENDED) {
            return;
        }
        SimChannel c2 = call.c2;
        String exten = call.queue.callerExten;
        ev.newexten(c2, "caller-setup", "s", 5, "Return", "");
        ev.newexten(c2, "callers", exten, 2, "Return", "");
        ev.varSet(c2, "ARGC", "");
        ev.varSet(c2, "GOSUB_RETVAL", "");
        joinQueue(call, call.queue, 3);
    }

    /** Runs Queue(name) at a priority of the caller's current context. */
    void joinQueue(Call call, QueueState q, int priority) {
        SimChannel c2 = call.c2;
        call.queue = q;
        call.queueAppSim = call.simNow;
        ev.newexten(c2, c2.context, c2.exten, priority, "Queue", q.name);
        for (String v : new String[] {"ANSWEREDTIME", "ANSWEREDTIME_MS", "DIALEDTIME", "DIALEDTIME_MS", "QUEUEWAIT",
                "QUEUEWAIT_MS"}) {
            ev.varSet(c2, v, "");
        }
        call.joinSim = call.simNow;
        call.attempt = 0;
        call.excluded.clear();
        q.entries.add(new QueueState.Entry(c2, call, call.simNow));
        call.originalPosition = q.entries.size();
        if (q.entries.size() == 1) {
            ev.deviceState("Queue:" + q.name, "RINGING");
        }
        ev.queueCallerJoin(c2, q.name, q.entries.size(), q.entries.size());
        ev.musicOnHoldStart(c2);
        call.phase = Call.Phase.WAITING;
        long patience = call.patience().toNanos();
        long maxWait = maxWait(call);
        boolean timesOut = maxWait < patience;
        long due = call.simNow + (timesOut ? maxWait : patience);
        call.patienceTimer = sim.schedule(timesOut ? maxWait : patience, () -> {
            call.simNow = Math.max(call.simNow, due);
            call.patienceTimer = null;
            if (timesOut) {
                timeout(call);
            } else {
                abandon(call, 0);
            }
        });
        dispatcher.dispatch(q, call);
    }

    /** Queue()'s longest wait: the call's HOTLINE_MAX_WAIT (as the shipped dialplan reads it), else its default. */
    private static long maxWait(Call call) {
        String v = call.spec.variables().get("HOTLINE_MAX_WAIT");
        try {
            return v == null ? DEFAULT_MAX_WAIT : Duration.ofSeconds(Long.parseLong(v.trim())).toNanos();
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_WAIT;
        }
    }

    /**
     * Queue() gives up on a caller still on the line, in Asterisk 22's order (testdata/ami/live/queue-timeout):
     * QueueCallerAbandon with no hang-up before it, MusicOnHoldStop, QueueCallerLeave, QUEUESTATUS=TIMEOUT, the
     * after-queue message, then the dialplan's Hangup().
     */
    void timeout(Call call) {
        if (call.phase != Call.Phase.WAITING && call.phase != Call.Phase.RINGING && call.phase != Call.Phase.RETRY) {
            return;
        }
        boolean ringing = call.phase == Call.Phase.RINGING;
        call.cancelAll();
        SimChannel c1 = call.c1;
        SimChannel c2 = call.c2;
        QueueState q = call.queue;
        int position = q.positionOf(c2);
        long hold = Call.seconds(call.joinSim, call.simNow);
        if (ringing) {
            agents.cancelRinging(call);
            agents.finishCancelledAgentLeg(call);
        }
        ev.varSet(c2, "QUEUEWAIT", Long.toString(hold));
        ev.varSet(c2, "QUEUEWAIT_MS", Long.toString(hold * 1000));
        unansweredTimes(call);
        ev.queueCallerAbandon(c2, q.name, position, call.originalPosition, hold);
        q.abandoned++;
        ev.musicOnHoldStop(c2);
        leaveQueue(call);
        if (ringing) {
            agents.releaseCancelledAgent(call);
        }
        ev.varSet(c2, "QUEUESTATUS", "TIMEOUT");
        ev.newexten(c2, "hotline-after-queue", "s", 1, "NoOp", "Hotline: after-queue message for " + c2.callerNum);
        ev.newexten(c2, "hotline-after-queue", "s", 3, "Playback", "hotline/after-queue");
        call.phase = Call.Phase.AFTER_QUEUE;
        long due = call.simNow + AFTER_QUEUE_MESSAGE;
        call.patienceTimer = sim.schedule(AFTER_QUEUE_MESSAGE, () -> {
            call.simNow = Math.max(call.simNow, due);
            call.patienceTimer = null;
            afterQueueHangup(call);
        });
        dispatcher.dispatch(q);
    }

    /** The after-queue message is over: the dialplan hangs up the caller (SoftHangupRequest in that context). */
    void afterQueueHangup(Call call) {
        if (call.phase != Call.Phase.AFTER_QUEUE) {
            return;
        }
        SimChannel c1 = call.c1;
        SimChannel c2 = call.c2;
        ev.newexten(c2, "hotline-after-queue", "s", 4, "Hangup", "");
        ev.softHangupRequest(c2, 16);
        ev.hangupRequest(c1, 16);
        ev.hangup(c2, 16);
        ev.hangup(c1, 16);
        callerDeviceFree(call);
        end(call, CallResult.Disposition.TIMED_OUT);
    }

    /** The caller leaves the queue unanswered: patience ran out (cause 0, capture 02) or it was hung up (16). */
    void abandon(Call call, int cause) {
        if (call.phase != Call.Phase.WAITING && call.phase != Call.Phase.RINGING && call.phase != Call.Phase.RETRY) {
            return;
        }
        boolean ringing = call.phase == Call.Phase.RINGING;
        call.cancelAll();
        SimChannel c1 = call.c1;
        SimChannel c2 = call.c2;
        QueueState q = call.queue;
        int position = q.positionOf(c2);
        long hold = Call.seconds(call.joinSim, call.simNow);
        ev.hangupRequest(c2, cause);
        ev.hangup(c1, cause);
        ev.musicOnHoldStop(c2);
        if (ringing) {
            agents.cancelRinging(call);
        }
        ev.varSet(c2, "QUEUEWAIT", Long.toString(hold));
        ev.varSet(c2, "QUEUEWAIT_MS", Long.toString(hold * 1000));
        unansweredTimes(call);
        ev.varSet(c2, "ABANDONED", "TRUE");
        ev.queueCallerAbandon(c2, q.name, position, call.originalPosition, hold);
        q.abandoned++;
        if (call.counters != null) {
            call.counters.abandoned.incrementAndGet();
        }
        if (ringing) {
            agents.finishCancelledAgentLeg(call);
        }
        leaveQueue(call);
        ev.varSet(c2, "QUEUEPOSITION", Integer.toString(position));
        ev.softHangupRequest(c2, 16);
        ev.hangup(c2, cause);
        if (ringing) {
            agents.releaseCancelledAgent(call);
        }
        callerDeviceFree(call);
        end(call, CallResult.Disposition.ABANDONED);
        dispatcher.dispatch(q);
    }

    /** The caller leaves the queue's entries (QueueCallerLeave); returns the position it had. */
    int leaveQueue(Call call) {
        QueueState q = call.queue;
        int position = q.positionOf(call.c2);
        q.remove(call.c2);
        if (q.entries.isEmpty()) {
            ev.deviceState("Queue:" + q.name, "NOT_INUSE");
        }
        ev.queueCallerLeave(call.c2, q.name, position, q.entries.size());
        return position;
    }

    /** AgentComplete for the member talking with the caller; returns the talk time it reports. */
    long agentComplete(Call call, String reason) {
        long talk = Call.seconds(call.answerSim, call.simNow);
        ev.agentComplete(call.c2, call.a1, call.member, call.holdSeconds, talk, reason);
        return talk;
    }

    /** The ANSWEREDTIME/DIALEDTIME variables the Queue application sets when it returns after an answer. */
    void answeredTimes(Call call, long answeredAt) {
        SimChannel c2 = call.c2;
        ev.varSet(c2, "ANSWEREDTIME", Long.toString(Call.seconds(answeredAt, call.simNow)));
        ev.varSet(c2, "ANSWEREDTIME_MS", Long.toString(Call.millis(answeredAt, call.simNow)));
        ev.varSet(c2, "DIALEDTIME", Long.toString(Call.seconds(call.queueAppSim, call.simNow)));
        ev.varSet(c2, "DIALEDTIME_MS", Long.toString(Call.millis(call.queueAppSim, call.simNow)));
    }

    /** The DIALEDTIME/ANSWEREDTIME variables the Queue application sets when it returns with nobody talking. */
    void unansweredTimes(Call call) {
        SimChannel c2 = call.c2;
        ev.varSet(c2, "DIALEDTIME", Long.toString(Call.seconds(call.queueAppSim, call.simNow)));
        ev.varSet(c2, "DIALEDTIME_MS", Long.toString(Call.millis(call.queueAppSim, call.simNow)));
        ev.varSet(c2, "ANSWEREDTIME", "0");
        ev.varSet(c2, "ANSWEREDTIME_MS", "0");
    }

    /** The caller's Local device is free again once both its legs are gone. */
    void callerDeviceFree(Call call) {
        String device = "Local/" + call.queue.callerExten + "@callers";
        ev.deviceState(device, "NOT_INUSE");
        ev.deviceState(device, "NOT_INUSE");
    }

    /** The live call one of whose legs has this name, or {@code null}. */
    Call findByChannel(String name) {
        for (Call c : live) {
            if (is(c.c1, name) || is(c.c2, name) || is(c.a1, name) || is(c.a2, name) || is(c.consult1, name)
                    || is(c.consult2, name)) {
                return c;
            }
        }
        return null;
    }

    private static boolean is(SimChannel c, String name) {
        return c != null && c.name().equals(name);
    }

    /** Takes an agent extension's phone offline for click-to-dial, or online again. */
    public void phoneOnline(String extension, boolean online) {
        clickToDial.phoneOnline(extension, online);
    }

    /** The number of calls not yet ended. */
    public int liveCalls() {
        return live.size();
    }

    /** Marks the call over and completes its future. */
    void end(Call call, CallResult.Disposition disposition) {
        live.remove(call);
        if (call.redirectedFrom != null) {
            // the first queue's AgentComplete arrives only when the redirected caller hangs up (capture 05)
            long talk = Call.seconds(call.redirectedAnswerSim, call.simNow);
            ev.agentComplete(call.c2, null, call.redirectedFrom, call.redirectedHold, talk, "caller");
            sim.queue(call.redirectedFrom.queue).countCompleted(talk);
            if (call.talkSeconds == 0) {
                call.talkSeconds = talk;
            }
            call.redirectedFrom = null;
        }
        call.phase = Call.Phase.ENDED;
        call.cancelAll();
        if (call.counters != null) {
            call.counters.ended.incrementAndGet();
        }
        call.ringing.completeExceptionally(new IllegalStateException("call ended without ringing an agent"));
        call.ended.complete(new CallResult(call.linkedid(), disposition, call.answeredIface, call.holdSeconds,
                call.talkSeconds));
    }

    /** The test's or AMI's "answer now" for a ringing call. */
    public void answerNow(Call call) {
        if (call.phase == Call.Phase.RINGING) {
            sync(call);
            call.cancelTimer();
            agents.answer(call);
        } else if (call.phase == Call.Phase.TRANSFER_RINGING) {
            sync(call);
            call.cancelTimer();
            transfers.answer(call);
        }
    }

    /** The caller hangs up now, whatever the call is doing (AMI Hangup, cause 16, as capture 08). */
    public void callerHangup(Call call) {
        sync(call);
        switch (call.phase) {
            case WAITING, RINGING, RETRY -> abandon(call, 16);
            case AFTER_QUEUE -> {
                // the caller hangs up during the after-queue message: the call is over, still a timeout
                call.cancelAll();
                ev.hangupRequest(call.c2, 16);
                ev.hangup(call.c1, 16);
                ev.hangup(call.c2, 16);
                callerDeviceFree(call);
                end(call, CallResult.Disposition.TIMED_OUT);
            }
            case TALKING -> agents.callerHangupTalking(call);
            case TRANSFER_RINGING, TRANSFER_TALKING -> transfers.callerHangup(call);
            case HELD -> holds.heldHangup(call, true);
            case CONSULT_RINGING, CONSULT_TALKING -> holds.consultCallerHangup(call);
            default -> {
                // not started or already over: nothing to hang up
            }
        }
    }
}
