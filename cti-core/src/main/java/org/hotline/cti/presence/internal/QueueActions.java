package org.hotline.cti.presence.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.hotline.cti.ami.AmiAction;
import org.hotline.cti.control.AmiCommands;
import org.hotline.cti.control.ControlException;

/** Turns desk effects into the AMI queue actions of one agent's interface. */
public final class QueueActions {

    private QueueActions() {
    }

    /**
     * The actions for {@code effect} on {@code iface}, named {@code memberName} in the queues; {@code iface} must be
     * the member's interface exactly as Asterisk has it ({@code Local/1001@agents/n}): Asterisk matches it as a
     * string, so {@code Local/1001@agents} would pause nobody and add a second member.
     */
    public static List<AmiAction> of(DeskEffect effect, String iface, String memberName) {
        return of(effect, iface, memberName, Map::of);
    }

    /**
     * As {@link #of(DeskEffect, String, String)}, adding the member to each queue at its configured penalty
     * ({@code penalties} by queue, read only for an add; a queue without one: 0, Asterisk's first choice).
     */
    public static List<AmiAction> of(DeskEffect effect, String iface, String memberName,
                                     Supplier<Map<String, Integer>> penalties) {
        List<AmiAction> out = new ArrayList<>();
        if (effect instanceof DeskEffect.AddToQueues add) {
            Map<String, Integer> penalty = penalties.get();
            for (String queue : add.queues()) {
                Map<String, String> f = new LinkedHashMap<>();
                f.put("Queue", queue);
                f.put("Interface", iface);
                f.put("Penalty", String.valueOf(penalty.getOrDefault(queue, 0)));
                f.put("Paused", "false");
                f.put("MemberName", memberName);
                String state = stateInterface(iface);
                if (state != null) {
                    f.put("StateInterface", state);
                }
                out.add(AmiAction.of("QueueAdd", f));
            }
        } else if (effect instanceof DeskEffect.RemoveFromQueues remove) {
            for (String queue : remove.queues()) {
                out.add(AmiAction.of("QueueRemove", Map.of("Queue", queue, "Interface", iface)));
            }
        } else if (effect instanceof DeskEffect.Pause pause) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("Interface", iface);
            f.put("Paused", "true");
            f.put("Reason", pause.reason());
            out.add(AmiAction.of("QueuePause", f));
        } else {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("Interface", iface);
            f.put("Paused", "false");
            out.add(AmiAction.of("QueuePause", f));
        }
        return out;
    }

    /**
     * A Local agent channel's device state comes from its hint: {@code Local/1001@agents/n} and
     * {@code Local/1001@agents} give {@code hint:1001@agents} (Local's {@code /n} option is no part of the hint).
     */
    static String stateInterface(String iface) {
        if (iface.regionMatches(true, 0, "Local/", 0, 6) && iface.indexOf('@') > 6) {
            String rest = iface.substring(6);
            int options = rest.indexOf('/');
            return "hint:" + (options < 0 ? rest : rest.substring(0, options));
        }
        return null;
    }

    /**
     * Sends one action; adding a member that is there, or removing one that is not, is what we wanted anyway.
     * Asterisk answers a pause of an interface that is no member with "Interface not found": a conflict with the
     * PBX's membership, not a call that is gone.
     */
    public static void sendTolerant(AmiCommands commands, AmiAction action) {
        try {
            commands.send(action);
        } catch (ControlException e) {
            String m = e.getMessage().toLowerCase(Locale.ROOT);
            boolean harmless = (action.name().equals("QueueAdd") && m.contains("already there"))
                    || (action.name().equals("QueueRemove") && m.contains("not there"));
            if (harmless) {
                return;
            }
            if (action.name().equals("QueuePause") && m.contains("interface not found")) {
                throw new ControlException(ControlException.Kind.CONFLICT,
                        "the PBX has no queue member " + field(action, "Interface") + " (Interface not found)", e);
            }
            throw e;
        }
    }

    private static String field(AmiAction action, String name) {
        for (AmiAction.Field f : action.fields()) {
            if (f.name().equals(name)) {
                return f.value();
            }
        }
        return "";
    }
}
