package org.hotline.pbxsim.internal;

import java.util.List;

/** Builds and emits the channel, dial, bridge and queue events, in the field layout the captures show. */
final class Events {

    private static final String CALL = "call,all";
    private static final String DIALPLAN = "dialplan,all";
    private static final String AGENT = "agent,all";

    private final Sim sim;
    private final List<String> vars;

    Events(Sim sim) {
        this.sim = sim;
        this.vars = sim.config.channelVariables();
    }

    private Frame event(String name, String privilege) {
        return Frame.event(name, privilege, sim.clock);
    }

    private Frame chan(String name, String privilege, SimChannel c) {
        Frame f = event(name, privilege);
        c.writeBlock(f, "", vars);
        return f;
    }

    private Frame pair(String name, String privilege, SimChannel c, SimChannel dest) {
        Frame f = event(name, privilege);
        if (c != null) {
            c.writeBlock(f, "", vars);
        }
        dest.writeBlock(f, "Dest", vars);
        return f;
    }

    void newchannel(SimChannel c) {
        sim.add(c);
        sim.emit(chan("Newchannel", CALL, c));
    }

    /** Runs a dialplan application: moves the channel to the location and emits Newexten. */
    void newexten(SimChannel c, String context, String exten, int priority, String app, String data) {
        c.context = context;
        c.exten = exten;
        c.priority = priority;
        newexten(c, app, data);
    }

    /** Emits Newexten at the channel's current location. */
    void newexten(SimChannel c, String app, String data) {
        c.application = app;
        c.applicationData = data;
        sim.emit(chan("Newexten", DIALPLAN, c).add("Extension", c.exten).add("Application", app)
                .add("AppData", data));
    }

    void varSet(SimChannel c, String name, String value) {
        c.setVar(name, value);
        sim.emit(chan("VarSet", DIALPLAN, c).add("Variable", name).add("Value", value));
    }

    void newCallerid(SimChannel c, String pres) {
        sim.emit(chan("NewCallerid", CALL, c).add("CID-CallingPres", pres));
    }

    void newConnectedLine(SimChannel c) {
        sim.emit(chan("NewConnectedLine", CALL, c));
    }

    void newstate(SimChannel c, int state) {
        c.state = state;
        sim.emit(chan("Newstate", CALL, c));
    }

    void localBridge(SimChannel one, SimChannel two, String context, String exten, boolean optimization) {
        Frame f = event("LocalBridge", CALL);
        one.writeBlock(f, "LocalOne", vars);
        two.writeBlock(f, "LocalTwo", vars);
        sim.emit(f.add("Context", context).add("Exten", exten).add("LocalOptimization", optimization ? "Yes" : "No"));
    }

    void dialBegin(SimChannel caller, SimChannel dest, String dialString) {
        sim.emit(pair("DialBegin", CALL, caller, dest).add("DialString", dialString));
    }

    void dialState(SimChannel caller, SimChannel dest, String status) {
        sim.emit(pair("DialState", CALL, caller, dest).add("DialStatus", status));
    }

    void dialEnd(SimChannel caller, SimChannel dest, String status) {
        sim.emit(pair("DialEnd", CALL, caller, dest).add("DialStatus", status));
    }

    void deviceState(String device, String state) {
        sim.emit(event("DeviceStateChange", CALL).add("Device", device).add("State", state));
    }

    void extensionStatus(String exten, String context, String hint, int status, String text) {
        sim.emit(event("ExtensionStatus", CALL).add("Exten", exten).add("Context", context).add("Hint", hint)
                .add("Status", status).add("StatusText", text));
    }

    void hangupHandlerPush(SimChannel c, String handler) {
        sim.emit(chan("HangupHandlerPush", DIALPLAN, c).add("Handler", handler));
    }

    void hangupHandlerRun(SimChannel c, String handler) {
        sim.emit(chan("HangupHandlerRun", DIALPLAN, c).add("Handler", handler));
    }

    void softHangupRequest(SimChannel c, int cause) {
        sim.emit(chan("SoftHangupRequest", CALL, c).add("Cause", cause));
    }

    void hangupRequest(SimChannel c, int cause) {
        sim.emit(chan("HangupRequest", CALL, c).add("Cause", cause));
    }

    /** Emits Hangup and forgets the channel. */
    void hangup(SimChannel c, int cause) {
        sim.emit(chan("Hangup", CALL, c).add("Cause", cause).add("Cause-txt", causeText(cause)));
        sim.remove(c);
    }

    static String causeText(int cause) {
        return switch (cause) {
            case 16 -> "Normal Clearing";
            case 17 -> "User busy";
            case 19 -> "No user responding";
            case 21 -> "Call Rejected";
            default -> "Unknown";
        };
    }

    void musicOnHoldStart(SimChannel c) {
        sim.emit(chan("MusicOnHoldStart", CALL, c).add("Class", "default"));
    }

    void musicOnHoldStop(SimChannel c) {
        sim.emit(chan("MusicOnHoldStop", CALL, c));
    }

    void queueCallerJoin(SimChannel c, String queue, int position, int count) {
        sim.emit(chan("QueueCallerJoin", AGENT, c).add("Queue", queue).add("Position", position).add("Count", count));
    }

    void queueCallerLeave(SimChannel c, String queue, int position, int count) {
        sim.emit(chan("QueueCallerLeave", AGENT, c).add("Queue", queue).add("Position", position)
                .add("Count", count));
    }

    void queueCallerAbandon(SimChannel c, String queue, int position, int original, long holdTime) {
        sim.emit(chan("QueueCallerAbandon", AGENT, c).add("Queue", queue).add("Position", position)
                .add("OriginalPosition", original).add("HoldTime", holdTime));
    }

    void agentCalled(SimChannel caller, SimChannel dest, Member m) {
        sim.emit(pair("AgentCalled", AGENT, caller, dest).add("Queue", m.queue).add("Interface", m.iface)
                .add("MemberName", m.name).agentCalled(caller.linkedid(), m.iface));
    }

    void agentConnect(SimChannel caller, SimChannel dest, Member m, long holdTime, long ringTime) {
        sim.emit(pair("AgentConnect", AGENT, caller, dest).add("Queue", m.queue).add("Interface", m.iface)
                .add("MemberName", m.name).add("HoldTime", holdTime).add("RingTime", ringTime));
    }

    void agentComplete(SimChannel caller, SimChannel dest, Member m, long hold, long talk, String reason) {
        Frame f = dest == null ? chan("AgentComplete", AGENT, caller) : pair("AgentComplete", AGENT, caller, dest);
        sim.emit(f.add("Queue", m.queue).add("Interface", m.iface).add("MemberName", m.name).add("HoldTime", hold)
                .add("TalkTime", talk).add("Reason", reason));
    }

    void agentRingNoAnswer(SimChannel caller, SimChannel dest, Member m, long ringMillis) {
        sim.emit(pair("AgentRingNoAnswer", AGENT, caller, dest).add("Queue", m.queue).add("Interface", m.iface)
                .add("MemberName", m.name).add("RingTime", ringMillis));
    }

    /** Emits a QueueMember* event (QueueMemberStatus, QueueMemberPause, QueueMemberAdded…). */
    void member(String name, Member m) {
        Frame f = event(name, AGENT);
        m.writeEventFields(f);
        sim.emit(f);
    }

    void bridgeCreate(Bridge b) {
        sim.bridges.put(b.id, b);
        Frame f = event("BridgeCreate", CALL);
        b.write(f);
        sim.emit(f);
    }

    void bridgeEnter(Bridge b, SimChannel c) {
        b.channels++;
        c.bridgeId = b.id;
        Frame f = event("BridgeEnter", CALL);
        b.write(f);
        c.writeBlock(f, "", vars);
        sim.emit(f);
    }

    void bridgeLeave(Bridge b, SimChannel c) {
        b.channels--;
        c.bridgeId = "";
        Frame f = event("BridgeLeave", CALL);
        b.write(f);
        c.writeBlock(f, "", vars);
        sim.emit(f);
    }

    void bridgeDestroy(Bridge b) {
        sim.bridges.remove(b.id);
        Frame f = event("BridgeDestroy", CALL);
        b.write(f);
        sim.emit(f);
    }

    void unhold(SimChannel c) {
        sim.emit(chan("Unhold", CALL, c));
    }

    void hold(SimChannel c) {
        sim.emit(chan("Hold", CALL, c).add("MusicClass", "default"));
    }

    /** AttendedTransfer of a two-bridge consult (Asterisk 12+ field layout): the target joins the transferee. */
    void attendedTransfer(SimChannel transferer, Bridge orig, Bridge second, SimChannel transferee,
            SimChannel target) {
        Frame f = event("AttendedTransfer", CALL).add("Result", "Success");
        transferer.writeBlock(f, "OrigTransferer", vars);
        orig.write(f, "Orig");
        transferer.writeBlock(f, "SecondTransferer", vars);
        second.write(f, "Second");
        f.add("DestType", "Bridge").add("DestBridgeUniqueid", orig.id);
        transferee.writeBlock(f, "Transferee", vars);
        target.writeBlock(f, "TransferTarget", vars);
        sim.emit(f.add("IsExternal", "Yes"));
    }

    /** OriginateResponse of an Originate into a dialplan location (Context/Exten rather than Application). */
    void originateResponseExten(String actionId, SimChannel c, String response, int reason, String context,
            String exten) {
        Frame f = event("OriginateResponse", CALL).add("ActionID", actionId).add("Response", response)
                .add("Channel", c.name()).add("Context", context).add("Exten", exten).add("Reason", reason)
                .add("Uniqueid", c.uniqueid()).add("CallerIDNum", c.callerNum).add("CallerIDName", c.callerName);
        sim.emit(f);
    }

    /** OriginateResponse Failure of an originate whose channel never came up (Uniqueid {@code <unknown>}). */
    void originateFailure(String actionId, String channel, String context, String exten, int reason) {
        sim.emit(event("OriginateResponse", CALL).add("ActionID", actionId).add("Response", "Failure")
                .add("Channel", channel).add("Context", context).add("Exten", exten).add("Reason", reason)
                .add("Uniqueid", "<unknown>").add("CallerIDNum", "<unknown>").add("CallerIDName", "<unknown>"));
    }

    void blindTransfer(SimChannel transferer, SimChannel transferee, Bridge b, String context, String exten) {
        Frame f = event("BlindTransfer", CALL).add("Result", "Success");
        transferer.writeBlock(f, "Transferer", vars);
        transferee.writeBlock(f, "Transferee", vars);
        b.write(f);
        sim.emit(f.add("IsExternal", "Yes").add("Context", context).add("Extension", exten));
    }

    void originateResponse(String actionId, SimChannel c, String app, String data) {
        Frame f = event("OriginateResponse", CALL).add("ActionID", actionId).add("Response", "Success")
                .add("Channel", c.name()).add("Application", app).add("Data", data).add("Reason", 4)
                .add("Uniqueid", c.uniqueid()).add("CallerIDNum", c.callerNum).add("CallerIDName", c.callerName);
        for (String v : vars) {
            f.add("ChanVariable(" + c.name() + ")", v + "=" + c.var(v));
        }
        sim.emit(f);
    }

    /** ChanSpyStart (Asterisk 22's manager_channels.c): the spyer's and the spyee's snapshots, prefixed. */
    void chanSpy(String name, SimChannel spyer, SimChannel spyee) {
        Frame f = event(name, CALL);
        spyer.writeBlock(f, "Spyer", vars);
        if (spyee != null) {
            spyee.writeBlock(f, "Spyee", vars);
        }
        sim.emit(f);
    }
}
