package org.hotline.cti.call.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.Caller;
import org.hotline.cti.call.TelephonyEvent;

/**
 * The single-threaded core of the call tracker: dispatches AMI frames by event name and owns the channel, call and
 * agent tables that the handlers share. Not thread-safe; {@code CallTracker} serialises access.
 */
public final class TrackerEngine {

    final Map<String, Call> calls = new HashMap<>();
    final Map<String, Channel> channels = new HashMap<>();
    final Map<String, Channel> channelsByName = new HashMap<>();
    final Map<AgentInterface, Agent> agents = new HashMap<>();
    /** The queues the PBX reported (QueueParams), replaced by each complete member list. */
    final java.util.Set<String> pbxQueues = new java.util.TreeSet<>();
    private final Map<String, AgentInterface> interfaceCache = new HashMap<>();
    private final AtomicInteger pendingMemberLists = new AtomicInteger();
    private final Set<String> activeMemberLists = new HashSet<>();
    private String[] interestingVars = new String[0];

    final TrackerCounters counters = new TrackerCounters();
    private final RingHandlers ringHandlers = new RingHandlers(this);
    private final CallHandlers callHandlers = new CallHandlers(this, ringHandlers);
    private final TransferHandlers transferHandlers = new TransferHandlers(this);
    private final MemberHandlers memberHandlers = new MemberHandlers(this);
    private final Resync resync = new Resync(this, memberHandlers);

    /** Epoch micros of the event being applied: its Timestamp, else the previous event's. */
    long nowMicros = Fields.NO_LONG;
    private String pendingTimestamp;
    private long fallbackMicros;
    private long varSeq;
    private List<TelephonyEvent> out;

    /** Creates an engine; {@code fallbackMicros} stands for "now" only until the first Timestamp is seen. */
    public TrackerEngine(long fallbackMicros) {
        this.fallbackMicros = fallbackMicros;
    }

    /** Applies one frame and returns the domain events it caused, in order (an immutable empty list if none). */
    public List<TelephonyEvent> apply(AmiMessage m) {
        out = null;
        counters.messages++;
        String name = m.eventName();
        if (name == null) {
            if (m.isResponse()) {
                counters.responses++;
                memberListResponse(m);
            }
            return List.of();
        }
        counters.events++;
        touchTime(m);
        if (dispatch(name, m)) {
            counters.handled++;
        }
        List<TelephonyEvent> result = out;
        out = null;
        return result == null ? List.of() : result;
    }

    /** Switches on the event name; returns false for events ignored on purpose or unknown. */
    private boolean dispatch(String name, AmiMessage m) {
        switch (name) {
            case "VarSet" -> {
                return varSet(m);
            }
            case "Newexten", "DeviceStateChange", "Newstate", "ExtensionStatus", "NewConnectedLine", "MusicOnHoldStart", "MusicOnHoldStop",
                 "HangupHandlerPush", "HangupHandlerRun", "HangupHandlerPop", "DialState", "BridgeCreate",
                 "BridgeDestroy", "BridgeMerge", "OriginateResponse", "DTMFBegin", "DTMFEnd", "AGIExecStart",
                 "AGIExecEnd", "AsyncAGIStart", "AsyncAGIExec", "AsyncAGIEnd", "FullyBooted", "SuccessfulAuth",
                 "ChallengeSent", "RequestBadFormat", "RequestNotAllowed", "InvalidPassword", "FailedACL", "Cdr",
                 "CEL", "QueueSummary", "QueueSummaryComplete",
                 "CoreShowChannelsComplete", "Status", "StatusComplete", "BridgeListItem", "BridgeListComplete",
                 "DeviceStateListComplete", "ExtensionStateListComplete", "ChannelHungup",
                 "ChannelsHungupListComplete", "LocalOptimizationBegin", "LocalOptimizationEnd", "NewAccountCode",
                 "RTCPSent", "RTCPReceived", "PeerStatus", "ContactStatus", "Registry", "Reload", "UserEvent",
                 "AgentComplete", "AgentDump" -> {
                // AgentComplete is not used: agents are freed on QueueMemberStatus (README, Redirect facts)
                counters.ignored++;
                return false;
            }
            case "Newchannel" -> callHandlers.newChannel(m);
            case "NewCallerid" -> callHandlers.newCallerid(m);
            case "LocalBridge" -> callHandlers.localBridge(m);
            case "QueueCallerJoin" -> callHandlers.queueJoin(m);
            case "QueueCallerLeave" -> callHandlers.queueLeave(m);
            case "QueueCallerAbandon" -> callHandlers.queueAbandon(m);
            case "AgentCalled" -> ringHandlers.agentCalled(m);
            case "AgentRingNoAnswer" -> ringHandlers.agentRingNoAnswer(m);
            case "AgentConnect" -> ringHandlers.agentConnect(m);
            case "DialBegin" -> ringHandlers.dialBegin(m);
            case "DialEnd" -> ringHandlers.dialEnd(m);
            case "BridgeEnter" -> callHandlers.bridgeEnter(m);
            case "BridgeLeave" -> callHandlers.bridgeLeave(m);
            case "Hold" -> callHandlers.hold(m, true);
            case "Unhold" -> callHandlers.hold(m, false);
            case "BlindTransfer" -> transferHandlers.blindTransfer(m);
            case "AttendedTransfer" -> transferHandlers.attendedTransfer(m);
            case "Hangup" -> callHandlers.hangup(m);
            case "HangupRequest" -> {
                return callHandlers.hangupRequested(m, false);
            }
            case "SoftHangupRequest" -> {
                return callHandlers.hangupRequested(m, true);
            }
            // QueueMemberPenalty carries the whole member too (capture 04): an administrator's new penalty shows at once
            case "QueueMemberStatus", "QueueMemberPause", "QueueMemberAdded", "QueueMemberRinginuse",
                 "QueueMemberPenalty" ->
                    memberHandlers.update(m, "Interface", "MemberName");
            case "QueueMemberRemoved" -> memberHandlers.remove(m);
            case "QueueParams" -> {
                // the queues the PBX has: a member list that completes names them all (QueueStatus sends one each)
                counters.listItems++;
                String queue = required(m, "Queue");
                String id = memberListId(m);
                if (queue == null) {
                    return false;
                }
                if (id == null || !resync.memberListQueue(id, queue)) {
                    pbxQueues.add(queue);
                }
            }
            case "QueueStatusComplete" -> {
                String id = memberListId(m);
                if (id == null) {
                    counters.ignored++;
                    return false;
                }
                activeMemberLists.remove(id);
                resync.finishMemberList(id);
            }
            case "QueueMember" -> {
                counters.listItems++;
                String id = memberListId(m);
                if (resync.active()) {
                    resync.member(m);
                } else if (id == null || !resync.memberListRow(id, m)) {
                    // a QueueStatus asked outside a resync: the rows are facts about members, but not the whole list
                    memberHandlers.update(m, "Location", "Name");
                }
            }
            case "QueueEntry", "CoreShowChannel" -> {
                counters.listItems++;
                if (!resync.active()) {
                    counters.ignored++;
                    return false;
                }
                resync.item(name, m);
            }
            default -> {
                counters.unknown(name);
                return false;
            }
        }
        return true;
    }

    /**
     * An unfiltered QueueStatus is about to be sent: the next "Queue status will follow" response applied outside a
     * login resync starts a full member list, which removes the members it does not list when complete.
     * Thread-safe (called from the thread that sends the action, before sending it).
     */
    public void expectMemberList() {
        pendingMemberLists.incrementAndGet();
    }

    /** The QueueStatus announced by {@link #expectMemberList()} was not sent or refused: expect one list fewer. */
    public void cancelMemberList() {
        pendingMemberLists.updateAndGet(n -> Math.max(0, n - 1));
    }

    /** The ActionID of a member list being collected, if {@code m} belongs to one. */
    private String memberListId(AmiMessage m) {
        if (activeMemberLists.isEmpty() || resync.active()) {
            return null;
        }
        String id = m.get("ActionID");
        return id != null && activeMemberLists.contains(id) ? id : null;
    }

    /** A response that starts a member list Hotline announced; registered before its rows, on this thread. */
    private void memberListResponse(AmiMessage m) {
        String id = m.get("ActionID");
        if (id == null || resync.active() || pendingMemberLists.get() <= 0
                || !"Queue status will follow".equalsIgnoreCase(m.get("Message", ""))) {
            return;
        }
        pendingMemberLists.updateAndGet(n -> Math.max(0, n - 1));
        if (activeMemberLists.size() >= 8) {
            // lists whose Complete never came (connection lost mid-list): the next one starts clean
            activeMemberLists.clear();
        }
        activeMemberLists.add(id);
        resync.startMemberList(id);
    }

    /** Sets what stands for "now" while no Timestamp has been seen yet (a fresh tracker's first resync). */
    public void fallbackMicros(long micros) {
        this.fallbackMicros = micros;
    }

    /** Starts collecting resync list items ({@code CoreShowChannel}, {@code QueueMember}, {@code QueueEntry}). */
    public void beginResync() {
        resync.begin();
    }

    /** True between {@link #beginResync()} and {@link #endResync()}. */
    public boolean resyncing() {
        return resync.active();
    }

    /** Rebuilds calls and agents from the collected lists and returns the events that bring listeners up to date. */
    public List<TelephonyEvent> endResync() {
        out = null;
        settleTime();
        if (nowMicros == Fields.NO_LONG) {
            nowMicros = fallbackMicros;
        }
        resync.finish();
        counters.resyncs++;
        List<TelephonyEvent> result = out;
        out = null;
        return result == null ? List.of() : result;
    }

    // ---------------------------------------------------------------- shared helpers for the handlers

    private void touchTime(AmiMessage m) {
        String ts = m.get("Timestamp");
        if (ts != null) {
            // Parsed only when a handler asks for the time: most events (VarSet, Newexten…) never do (ami-ingest profile).
            pendingTimestamp = ts;
        }
    }

    private void settleTime() {
        String ts = pendingTimestamp;
        if (ts != null) {
            pendingTimestamp = null;
            long t = Fields.parseTimestampMicros(ts);
            if (t == Fields.NO_LONG) {
                counters.malformed++;
            } else {
                nowMicros = t;
            }
        }
    }

    long now() {
        settleTime();
        return nowMicros == Fields.NO_LONG ? fallbackMicros : nowMicros;
    }

    Instant nowInstant() {
        return instant(now());
    }

    static Instant instant(long micros) {
        return micros == Fields.NO_LONG ? null
                : Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    Duration since(long micros) {
        return micros == Fields.NO_LONG ? Duration.ZERO : Duration.ofNanos(Math.max(0, now() - micros) * 1000L);
    }

    void emit(TelephonyEvent e) {
        if (out == null) {
            out = new ArrayList<>(4);
        }
        out.add(e);
        counters.emitted++;
    }

    void transition(Call call, CallInput input) {
        call.state = CallStateMachine.next(call.state, input);
    }

    /** The field, or null after counting it as missing. */
    String required(AmiMessage m, String field) {
        String v = m.get(field);
        if (v == null || v.isEmpty()) {
            counters.missingFields++;
            return null;
        }
        return v;
    }

    /** A non-negative int field, {@code fallback} when missing, counted and {@code fallback} when malformed. */
    int intField(AmiMessage m, String field, int fallback) {
        String v = m.get(field);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        int i = Fields.parseInt(v);
        if (i == Fields.NO_INT) {
            counters.malformed++;
            return fallback;
        }
        return i;
    }

    static Caller caller(AmiMessage m, String numField, String nameField) {
        return new Caller(m.get(numField), m.get(nameField));
    }

    /** The normalised member interface for a raw Interface/Location value, cached; null (counted) when invalid. */
    AgentInterface memberInterface(String raw) {
        AgentInterface ai = interfaceCache.get(raw);
        if (ai == null) {
            ai = agentInterface(raw);
            if (ai != null && interfaceCache.size() < 100_000) {
                interfaceCache.put(raw, ai);
            }
        }
        return ai;
    }

    /** The agent interface of a channel name or member interface; null (counted) when it is not one. */
    AgentInterface agentInterface(String raw) {
        if (raw == null || raw.isEmpty()) {
            counters.missingFields++;
            return null;
        }
        try {
            return AgentInterface.of(raw);
        } catch (IllegalArgumentException e) {
            counters.malformed++;
            return null;
        }
    }

    /** Copies the {@code ChanVariable} lines of {@code m} into the channel, learning new variable names. */
    void refreshVariables(Channel c, AmiMessage m, String field) {
        long seq = ++varSeq;
        for (int i = 0, n = m.size(); i < n; i++) {
            if (m.name(i).equals(field)) {
                String line = m.value(i);
                if (c.putRaw(line, seq)) {
                    learnVariable(line.substring(0, line.indexOf('=')));
                }
            }
        }
    }

    private void learnVariable(String name) {
        for (String known : interestingVars) {
            if (known.equals(name)) {
                return;
            }
        }
        String[] grown = new String[interestingVars.length + 1];
        System.arraycopy(interestingVars, 0, grown, 0, interestingVars.length);
        grown[interestingVars.length] = name;
        interestingVars = grown;
    }

    /** VarSet is 27 % of the traffic: only a {@code channelvars} name (with {@code _}/{@code __} prefixes) counts. */
    private boolean varSet(AmiMessage m) {
        String var = interestingVars.length == 0 ? null : m.get("Variable");
        if (var != null) {
            int start = 0;
            while (start < var.length() && start < 2 && var.charAt(start) == '_') {
                start++;
            }
            int len = var.length() - start;
            for (String known : interestingVars) {
                if (known.length() == len && known.regionMatches(0, var, start, len)) {
                    Channel c = channels.get(m.get("Uniqueid"));
                    if (c != null) {
                        c.setIfPresent(var, start, m.get("Value", ""), ++varSeq);
                        return true;
                    }
                    break;
                }
            }
        }
        counters.ignored++;
        return false;
    }

    // ---------------------------------------------------------------- channels and legs

    /** The channel named by the three fields, created with its call and leg if this is the first we hear of it. */
    Channel channel(AmiMessage m, String uidField, String linkedidField, String nameField) {
        String uid = m.get(uidField);
        if (uid == null || uid.isEmpty()) {
            counters.missingFields++;
            return null;
        }
        Channel c = channels.get(uid);
        if (c != null) {
            return c;
        }
        String linkedid = m.get(linkedidField);
        if (linkedid == null || linkedid.isEmpty()) {
            counters.missingFields++;
            return null;
        }
        return createChannel(uid, linkedid, m.get(nameField));
    }

    Channel createChannel(String uid, String linkedid, String name) {
        Call call = calls.get(linkedid);
        if (call == null) {
            call = new Call(new CallId(linkedid), now());
            calls.put(linkedid, call);
        }
        Channel c = new Channel(uid, name);
        channels.put(uid, c);
        if (!c.name.isEmpty()) {
            channelsByName.put(c.name, c);
        }
        Leg leg = null;
        String partner = Channel.localPartnerName(c.name);
        if (partner != null) {
            Channel p = channelsByName.get(partner);
            if (p != null && !p.hungUp && p.leg.call == call) {
                leg = p.leg;
            }
        }
        if (leg == null) {
            leg = new Leg(call);
            call.legs.add(leg);
        }
        leg.channels.add(c);
        c.leg = leg;
        call.liveChannels++;
        if (uid.equals(linkedid) && call.callerLeg == null) {
            makeCaller(call, leg);
        }
        return c;
    }

    void makeCaller(Call call, Leg leg) {
        if (call.callerLeg != null && call.callerLeg != leg && call.callerLeg.role == Leg.Role.CALLER) {
            call.callerLeg.role = Leg.Role.OTHER;
        }
        call.callerLeg = leg;
        leg.role = Leg.Role.CALLER;
    }

    void forgetChannel(Channel c) {
        channels.remove(c.uniqueid, c);
        if (!c.name.isEmpty()) {
            channelsByName.remove(c.name, c);
        }
    }

    /** The agent record of an interface, or null when the interface is not a known queue member. */
    Agent agent(AgentInterface ai) {
        return ai == null ? null : agents.get(ai);
    }
}
