package org.hotline.cti.presence.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.cti.ami.AmiAction;
import org.hotline.cti.control.AmiCommands;
import org.hotline.cti.control.ControlException;

/** Turns desk effects into the AMI queue actions of one agent's interface. */
public final class QueueActions {

    private QueueActions() {
    }

    /** The actions for {@code effect} on {@code iface}, named {@code memberName} in the queues. */
    public static List<AmiAction> of(DeskEffect effect, String iface, String memberName) {
        List<AmiAction> out = new ArrayList<>();
        if (effect instanceof DeskEffect.AddToQueues add) {
            for (String queue : add.queues()) {
                Map<String, String> f = new LinkedHashMap<>();
                f.put("Queue", queue);
                f.put("Interface", iface);
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

    /** A Local agent channel's device state comes from its hint ({@code hint:1001@agents}), as the lab's members. */
    static String stateInterface(String iface) {
        if (iface.regionMatches(true, 0, "Local/", 0, 6) && iface.indexOf('@') > 6) {
            return "hint:" + iface.substring(6);
        }
        return null;
    }

    /** Sends one action; adding a member that is there, or removing one that is not, is what we wanted anyway. */
    public static void sendTolerant(AmiCommands commands, AmiAction action) {
        try {
            commands.send(action);
        } catch (ControlException e) {
            String m = e.getMessage().toLowerCase(Locale.ROOT);
            boolean harmless = (action.name().equals("QueueAdd") && m.contains("already there"))
                    || (action.name().equals("QueueRemove") && m.contains("not there"));
            if (!harmless) {
                throw e;
            }
        }
    }
}
