package org.hotline.cti.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiAction;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentState;
import org.hotline.cti.call.AgentView;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.customer.LogMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's call controls as AMI actions: click-to-dial (Originate), hang up, blind and attended transfer, hold and
 * unhold (Redirect into {@code hotline.control.hold-context} and Bridge back, see ADR 0010). Whose call it is comes
 * from the call tracker's view of the agent's own interface, never from the browser: an agent may act only on a call
 * their phone is on. A command is done only when the PBX's events confirm it (ADR 0018); every failure, refusal or
 * time-out is a {@link ControlException}.
 */
public final class CallControl {

    private static final Logger log = LoggerFactory.getLogger(CallControl.class);
    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{2,8}");
    private static final Pattern CALL_ID = Pattern.compile("[0-9A-Za-z._-]{1,64}");

    private final ControlProperties properties;
    private final AgentDirectory directory;
    private final AmiCommands commands;
    private final Supplier<CallTracker> tracker;
    private final Pattern numbers;

    /** Call controls over {@code commands}; {@code tracker} gives the live calls (null: every call is unknown). */
    public CallControl(ControlProperties properties, AgentDirectory directory, AmiCommands commands,
                       Supplier<CallTracker> tracker) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.numbers = Pattern.compile(properties.numberPattern());
    }

    /**
     * Rings the agent's own phone and, once answered, dials {@code number} from {@code dial-context}; the
     * customer's number shows on the agent's phone and {@code HOTLINE_AGENT} carries the agent. Returns when the
     * agent answered (Asterisk's OriginateResponse), so it waits up to {@code ring-agent-timeout} plus the command
     * timeout; a busy, unanswered or unreachable phone is refused with that reason.
     */
    public ControlResult dial(String username, String number) {
        String n = number == null ? "" : number.strip().replace(" ", "").replace("-", "");
        if (!numbers.matcher(n).matches()) {
            throw new ControlException(ControlException.Kind.INVALID, "'" + number + "' is not a number you may dial");
        }
        AgentAccount me = account(username);
        AgentInterface iface = iface(me);
        AgentView view = view(iface);
        if (view != null && view.state() == AgentState.UNAVAILABLE) {
            throw ControlException.of(ControlException.Kind.CONFLICT, "phone-offline",
                    "your phone is offline or unreachable", "");
        }
        if (view != null && view.call() != null) {
            throw ControlException.of(ControlException.Kind.CONFLICT, "phone-on-call", "your phone is on a call", "");
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Channel", iface.value());
        f.put("Context", properties.dialContext());
        f.put("Exten", n);
        f.put("Priority", "1");
        f.put("CallerID", "\"" + n + "\" <" + n + ">");
        f.put("Timeout", Long.toString(properties.ringAgentTimeout().toMillis()));
        f.put("Async", "true");
        AmiAction originate = AmiAction.of("Originate", f)
                .with("Variable", "HOTLINE_AGENT=" + me.username())
                .with("Variable", "HOTLINE_DIALLED=" + n);
        ControlResult r = commands.confirm(originate, Confirmations.dial(n),
                properties.ringAgentTimeout().plus(commands.timeout()));
        log.info("{} dials {}: {}", me.username(), LogMask.phone(n), r.confirmedBy());
        return r;
    }

    /** Hangs up the agent's leg of the call; done when Asterisk reports that leg's Hangup. */
    public ControlResult hangup(String username, String callId) {
        String channel = myChannel(username, callId);
        return commands.confirm(AmiAction.of("Hangup", Map.of("Channel", channel, "Cause", "16")),
                Confirmations.hangup(channel), commands.timeout());
    }

    /**
     * Transfers the other party of the agent's leg to {@code target}. Blind: done on {@code BlindTransfer
     * Result=Success}. Attended: done when the consultation with the target has started (the agent then talks to
     * the target, the customer hears music; the agent hanging up completes it); refused when Asterisk does not
     * start it, as on a call without transfer rights.
     */
    public ControlResult transfer(String username, String callId, TransferTarget target, TransferKind kind) {
        String channel = myChannel(username, callId);
        String exten = exten(target);
        String caller = tracker.get().callerChannel(callId(callId)).orElse(null);
        // Asterisk transfers to an extension its context lacks with Result=Success, then hangs the customer up
        Map<String, String> where = new LinkedHashMap<>();
        where.put("Context", properties.transferContext());
        where.put("Extension", exten);
        commands.send(AmiAction.of("ShowDialPlan", where));
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Channel", channel);
        f.put("Exten", exten);
        f.put("Context", properties.transferContext());
        ControlResult r;
        if (kind == TransferKind.BLIND) {
            r = commands.confirm(AmiAction.of("BlindTransfer", f),
                    Confirmations.blindTransfer(channel, caller, exten), commands.timeout());
        } else {
            // the target as TRANSFER_EXTEN: Asterisk then neither plays its transfer prompt nor collects digits
            setvar(channel, "TRANSFER_EXTEN", exten);
            try {
                r = commands.confirm(AmiAction.of("Atxfer", f), Confirmations.attendedTransfer(channel, caller, exten),
                        commands.timeout());
            } finally {
                clear(channel, "TRANSFER_EXTEN");
            }
        }
        log.info("{} transfers call {} to {} ({}): {}", username, callId, exten, kind, r.confirmedBy());
        return r;
    }

    /**
     * Puts the customer on music on hold and parks the agent's leg in the hold context. First each leg gets
     * {@code HOTLINE_HELD_PEER} = the other, so the hold context's hang-up handlers end the other side when one hangs
     * up during the hold. Done when the customer's music started and the agent's leg reached the hold context.
     */
    public ControlResult hold(String username, String callId) {
        String mine = myChannel(username, callId);
        String caller = callerChannel(callId);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Channel", caller);
        f.put("Context", properties.holdContext());
        f.put("Exten", "moh");
        f.put("Priority", "1");
        f.put("ExtraChannel", mine);
        f.put("ExtraContext", properties.holdContext());
        f.put("ExtraExten", "wait");
        f.put("ExtraPriority", "1");
        try {
            setvar(caller, "HOTLINE_HELD_PEER", mine);
            setvar(mine, "HOTLINE_HELD_PEER", caller);
            return commands.confirm(AmiAction.of("Redirect", f), Confirmations.hold(mine, caller,
                    properties.holdContext()), commands.timeout());
        } catch (ControlException e) {
            if (e.kind() != ControlException.Kind.TIMED_OUT) {
                // not on hold: a stale peer would let a later hold context end the wrong call
                clear(caller, "HOTLINE_HELD_PEER");
                clear(mine, "HOTLINE_HELD_PEER");
            }
            throw e;
        }
    }

    /**
     * Bridges the agent's leg and the customer's again, after clearing {@code HOTLINE_HELD_PEER} on both (so the
     * hang-up handlers armed by the hold no longer end the other side). Done when both entered the same bridge.
     * When the customer is gone, the agent's waiting leg is hung up rather than left waiting.
     */
    public ControlResult unhold(String username, String callId) {
        String mine = myChannel(username, callId);
        String caller = callerChannel(callId);
        setvar(mine, "HOTLINE_HELD_PEER", "");
        try {
            setvar(caller, "HOTLINE_HELD_PEER", "");
        } catch (ControlException e) {
            releaseWaitingAgent(mine, e);
            throw e;
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Channel1", mine);
        f.put("Channel2", caller);
        f.put("Tone", "no");
        try {
            return commands.confirm(AmiAction.of("Bridge", f), Confirmations.unhold(mine, caller), commands.timeout());
        } catch (ControlException e) {
            releaseWaitingAgent(mine, e);
            throw e;
        }
    }

    private void releaseWaitingAgent(String mine, ControlException why) {
        if (why.kind() != ControlException.Kind.NO_SUCH_CALL) {
            return;
        }
        try {
            commands.send(AmiAction.of("Hangup", Map.of("Channel", mine, "Cause", "16")));
        } catch (ControlException e) {
            log.debug("agent leg {} already gone: {}", mine, e.getMessage());
        }
    }

    private void setvar(String channel, String name, String value) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Channel", channel);
        f.put("Variable", name);
        f.put("Value", value);
        commands.send(AmiAction.of("Setvar", f));
    }

    /** Clears a variable where failing matters less than the command's own answer. */
    private void clear(String channel, String name) {
        try {
            setvar(channel, name, "");
        } catch (ControlException e) {
            log.debug("{} not cleared on {}: {}", name, channel, e.getMessage());
        }
    }

    /** The agent's channel on the call, or why there is none. */
    private String myChannel(String username, String callId) {
        CallId id = callId(callId);
        CallTracker t = tracker.get();
        if (t == null || t.call(id).isEmpty()) {
            throw ControlException.of(ControlException.Kind.NO_SUCH_CALL, "call-gone",
                    "call " + callId + " is not in progress", "");
        }
        AgentInterface iface = iface(account(username));
        return t.agentChannel(id, iface).orElseThrow(() -> ControlException.of(
                ControlException.Kind.NOT_YOUR_CALL, "not-your-call", "call " + callId + " is not on your phone", ""));
    }

    private String callerChannel(String callId) {
        return tracker.get().callerChannel(callId(callId)).orElseThrow(() -> ControlException.of(
                ControlException.Kind.NO_SUCH_CALL, "call-gone", "call " + callId + " has no customer leg any more",
                ""));
    }

    private String exten(TransferTarget target) {
        String v = target.value();
        return switch (target.type()) {
            case QUEUE -> {
                if (!QUEUE.matcher(v).matches()) {
                    throw new ControlException(ControlException.Kind.INVALID, "'" + v + "' is not a queue name");
                }
                yield "q-" + v;
            }
            case NUMBER -> {
                String n = v.replace(" ", "").replace("-", "");
                if (!numbers.matcher(n).matches()) {
                    throw new ControlException(ControlException.Kind.INVALID, "'" + v + "' is not a number");
                }
                yield n;
            }
            case AGENT -> {
                if (EXTENSION.matcher(v).matches()) {
                    yield v;
                }
                AgentAccount other = directory.findByUsername(v).orElseThrow(() -> new ControlException(
                        ControlException.Kind.INVALID, "no agent '" + v + "'"));
                yield extensionOf(iface(other));
            }
        };
    }

    /** {@code Local/1002@agents} and {@code PJSIP/1002} are extension 1002. */
    static String extensionOf(AgentInterface iface) {
        String v = iface.value();
        String rest = v.substring(v.indexOf('/') + 1);
        int at = rest.indexOf('@');
        return at < 0 ? rest : rest.substring(0, at);
    }

    private AgentView view(AgentInterface iface) {
        CallTracker t = tracker.get();
        if (t == null) {
            return null;
        }
        for (AgentView v : t.agents()) {
            if (v.agent().equals(iface)) {
                return v;
            }
        }
        return null;
    }

    private AgentAccount account(String username) {
        return directory.findByUsername(username).orElseThrow(() -> new ControlException(
                ControlException.Kind.INVALID, "no user '" + username + "'"));
    }

    private static AgentInterface iface(AgentAccount a) {
        List<String> all = a.interfaces();
        if (all.isEmpty()) {
            throw new ControlException(ControlException.Kind.INVALID,
                    a.username() + " has no phone interface: ask an administrator");
        }
        return AgentInterface.of(all.get(0));
    }

    private static CallId callId(String callId) {
        if (callId == null || !CALL_ID.matcher(callId).matches()) {
            throw new ControlException(ControlException.Kind.INVALID, "'" + callId + "' is not a call id");
        }
        return new CallId(callId);
    }
}
