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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's call controls as AMI actions: click-to-dial (Originate), hang up, blind and attended transfer, hold and
 * unhold (Redirect into {@code hotline.control.hold-context} and Bridge back, see ADR 0010). Whose call it is comes
 * from the call tracker's view of the agent's own interface, never from the browser: an agent may act only on a call
 * their phone is on. Every failure is a {@link ControlException}.
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
     * customer's number shows on the agent's phone and {@code HOTLINE_AGENT} carries the agent.
     */
    public void dial(String username, String number) {
        String n = number == null ? "" : number.strip().replace(" ", "").replace("-", "");
        if (!numbers.matcher(n).matches()) {
            throw new ControlException(ControlException.Kind.INVALID, "'" + number + "' is not a number you may dial");
        }
        AgentAccount me = account(username);
        AgentInterface iface = iface(me);
        AgentView view = view(iface);
        if (view != null && view.state() == AgentState.UNAVAILABLE) {
            throw new ControlException(ControlException.Kind.CONFLICT, "your phone is offline or unreachable");
        }
        if (view != null && view.call() != null) {
            throw new ControlException(ControlException.Kind.CONFLICT, "your phone is on a call");
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
        commands.send(originate);
        log.info("{} dials {}", me.username(), n);
    }

    /** Hangs up the agent's leg of the call. */
    public void hangup(String username, String callId) {
        String channel = myChannel(username, callId);
        commands.send(AmiAction.of("Hangup", Map.of("Channel", channel, "Cause", "16")));
    }

    /** Transfers the other party of the agent's leg to {@code target}. */
    public void transfer(String username, String callId, TransferTarget target, TransferKind kind) {
        String channel = myChannel(username, callId);
        String exten = exten(target);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Channel", channel);
        f.put("Exten", exten);
        f.put("Context", properties.transferContext());
        commands.send(AmiAction.of(kind == TransferKind.BLIND ? "BlindTransfer" : "Atxfer", f));
        log.info("{} transfers call {} to {} ({})", username, callId, exten, kind);
    }

    /** Puts the customer on music on hold and parks the agent's leg in the hold context. */
    public void hold(String username, String callId) {
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
        commands.send(AmiAction.of("Redirect", f));
    }

    /** Bridges the agent's leg and the customer's again. */
    public void unhold(String username, String callId) {
        String mine = myChannel(username, callId);
        String caller = callerChannel(callId);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Channel1", mine);
        f.put("Channel2", caller);
        f.put("Tone", "no");
        commands.send(AmiAction.of("Bridge", f));
    }

    /** The agent's channel on the call, or why there is none. */
    private String myChannel(String username, String callId) {
        CallId id = callId(callId);
        CallTracker t = tracker.get();
        if (t == null || t.call(id).isEmpty()) {
            throw new ControlException(ControlException.Kind.NO_SUCH_CALL, "call " + callId + " is not in progress");
        }
        AgentInterface iface = iface(account(username));
        return t.agentChannel(id, iface).orElseThrow(() -> new ControlException(
                ControlException.Kind.NOT_YOUR_CALL, "call " + callId + " is not on your phone"));
    }

    private String callerChannel(String callId) {
        return tracker.get().callerChannel(callId(callId)).orElseThrow(() -> new ControlException(
                ControlException.Kind.NO_SUCH_CALL, "call " + callId + " has no customer leg any more"));
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
