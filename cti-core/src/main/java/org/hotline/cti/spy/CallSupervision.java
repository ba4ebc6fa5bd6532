package org.hotline.cti.spy;

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
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.call.CallView;
import org.hotline.cti.control.AmiCommands;
import org.hotline.cti.control.ControlException;
import org.hotline.cti.control.ControlResult;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.spy.internal.SpyConfirmation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A supervisor listens to, whispers to or barges into an agent's call from the supervisor's own phone (docs/adr/0031):
 * an Originate rings the supervisor's phone (the first interface of the supervisor's account, as click-to-dial rings
 * an agent's) and, once answered, sends it into {@code hotline.spy.context}, whose extension per mode runs ChanSpy
 * on the agent's channel as the call tracker knows it. Done only when Asterisk's ChanSpyStart names that channel; the
 * agent's desk is told when {@code hotline.spy.tell-agent} is on. Who may act on whom is the web layer's check.
 */
public final class CallSupervision {

    /** Push type of "a supervisor is on your call" sent to the agent's desk. */
    public static final String TYPE_SUPERVISOR_ON_CALL = "supervisor-on-call";

    private static final Logger log = LoggerFactory.getLogger(CallSupervision.class);
    // what a channel name may hold before it becomes a dialplan variable (no commas, no parentheses)
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9/@._;:+-]{3,120}");

    private final SpyProperties properties;
    private final AgentDirectory directory;
    private final AmiCommands commands;
    private final Supplier<CallTracker> tracker;
    private final PushBus bus;

    /** Spying over {@code commands} on the calls {@code tracker} knows; {@code bus} tells the agent (null: never). */
    public CallSupervision(SpyProperties properties, AgentDirectory directory, AmiCommands commands,
                           Supplier<CallTracker> tracker, PushBus bus) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.bus = bus;
    }

    /** The settings in force (whether the agent is told). */
    public SpyProperties properties() {
        return properties;
    }

    /**
     * Rings {@code supervisor}'s phone and puts it on {@code agent}'s current call in {@code mode}; returns when
     * Asterisk confirmed the spy channel on the call, so it waits up to the ring time plus the command timeout.
     */
    public ControlResult spy(String supervisor, String agent, SpyMode mode) {
        Objects.requireNonNull(mode, "mode");
        AgentAccount me = directory.findByUsername(supervisor).orElseThrow(() -> new ControlException(
                ControlException.Kind.INVALID, "no user '" + supervisor + "'"));
        if (me.interfaces().isEmpty()) {
            throw ControlException.of(ControlException.Kind.CONFLICT, "spy-no-phone",
                    "you have no extension to listen on: ask an administrator to give you one", "");
        }
        AgentAccount them = directory.findByUsername(agent).orElseThrow(() -> ControlException.of(
                ControlException.Kind.INVALID, "no-such-agent", "no agent '" + agent + "'", ""));
        if (them.username().equals(me.username())) {
            throw ControlException.of(ControlException.Kind.INVALID, "spy-self", "you cannot listen to yourself", "");
        }
        String target = channelOnCall(them);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Channel", me.interfaces().get(0));
        f.put("Context", properties.context());
        f.put("Exten", mode.code());
        f.put("Priority", "1");
        f.put("CallerID", "\"" + mode.code() + " " + them.username() + "\" <" + extensionOf(them) + ">");
        f.put("Timeout", Long.toString(properties.ringTimeout().toMillis()));
        f.put("Async", "true");
        AmiAction originate = AmiAction.of("Originate", f)
                .with("Variable", "HOTLINE_SPY_TARGET=" + target)
                .with("Variable", "HOTLINE_AGENT=" + me.username());
        ControlResult r = commands.confirm(originate, new SpyConfirmation(target, mode),
                properties.ringTimeout().plus(commands.timeout()));
        log.info("{} {} on {}'s call ({}): {}", me.username(), mode.code(), them.username(), target, r.confirmedBy());
        if (properties.tellAgent() && bus != null) {
            tell(them.username(), me, mode);
        }
        return r;
    }

    private void tell(String agent, AgentAccount supervisor, SpyMode mode) {
        try {
            bus.publish(agent, TYPE_SUPERVISOR_ON_CALL, "{\"mode\":\"" + mode.code() + "\",\"supervisor\":"
                    + quote(supervisor.displayName()) + "}");
        } catch (RuntimeException e) {
            // the supervisor is on the call either way; the desk learns of it at the next push
            log.warn("could not tell {} of {}: {}", agent, mode.code(), e.toString());
        }
    }

    // the agent's channel on the call they talk on now, never one the browser names
    private String channelOnCall(AgentAccount agent) {
        CallTracker t = tracker.get();
        if (t == null || agent.interfaces().isEmpty()) {
            throw notOnCall(agent);
        }
        List<AgentInterface> mine = agent.interfaces().stream().map(AgentInterface::of).toList();
        for (CallView c : t.calls()) {
            if (c.state() != CallState.TALKING || c.agent() == null || !mine.contains(c.agent())) {
                continue;
            }
            String channel = t.agentChannel(c.callId(), c.agent()).orElse(null);
            if (channel != null) {
                if (!CHANNEL.matcher(channel).matches()) {
                    throw ControlException.of(ControlException.Kind.REJECTED, "pbx-unexpected",
                            "the agent's channel has a name Hotline will not pass on: " + channel, channel);
                }
                return channel;
            }
        }
        throw notOnCall(agent);
    }

    private static ControlException notOnCall(AgentAccount agent) {
        return ControlException.of(ControlException.Kind.CONFLICT, "agent-not-talking",
                agent.username() + " is not talking to a customer now", "");
    }

    private static String extensionOf(AgentAccount a) {
        if (a.interfaces().isEmpty()) {
            return "";
        }
        String v = a.interfaces().get(0);
        String rest = v.substring(v.indexOf('/') + 1);
        int at = rest.indexOf('@');
        return (at < 0 ? rest : rest.substring(0, at)).replaceAll("[^0-9]", "");
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
