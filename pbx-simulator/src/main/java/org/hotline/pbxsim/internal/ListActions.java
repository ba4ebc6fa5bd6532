package org.hotline.pbxsim.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The list actions answered from the current state exactly as capture 08 shows: a "… will follow" response, items
 * carrying the ActionID, and a {@code …Complete} event with {@code EventList: Complete} and {@code ListItems}.
 */
final class ListActions {

    private final Sim sim;

    ListActions(Sim sim) {
        this.sim = sim;
    }

    /** Whether an optional filter header admits an item: absent or empty admits all, else one name must match. */
    static boolean selects(String filter, String... names) {
        return filter == null || filter.isEmpty() || Arrays.asList(names).contains(filter);
    }

    private static Frame complete(String name, String id, int items) {
        return Frame.bare(name).add("ActionID", id).add("EventList", "Complete").add("ListItems", items);
    }

    /** Sends the start response, items and completion as one reply, so that an injected delay keeps them together. */
    private static void sendList(ActionHandler h, AmiSession s, String id, String message, List<Frame> items,
            Frame complete) {
        List<Frame> out = new ArrayList<>(items.size() + 2);
        out.add(Frame.response("Success", id).add("EventList", "start").add("Message", message));
        out.addAll(items);
        out.add(complete);
        h.reply(s, Frame.concat(out));
    }

    /** CoreShowChannels: one CoreShowChannel per live channel. */
    void coreShowChannels(ActionHandler h, AmiSession s, String id) {
        List<Frame> out = new ArrayList<>();
        long now = sim.clock.simNanos();
        for (SimChannel c : sim.channels.values()) {
            Frame f = Frame.bare("CoreShowChannel").actionId(id);
            c.writeBlock(f, "", sim.config.channelVariables());
            f.add("Application", c.application).add("ApplicationData", c.applicationData)
                    .add("Duration", duration(now - c.createdSimNanos())).add("BridgeId", c.bridgeId);
            out.add(f);
        }
        sendList(h, s, id, "Channels will follow", out, complete("CoreShowChannelsComplete", id, out.size()));
    }

    /** Status: one Status per live channel (or the one named). */
    void status(ActionHandler h, AmiSession s, String id, String channel) {
        List<Frame> out = new ArrayList<>();
        long now = sim.clock.simNanos();
        for (SimChannel c : sim.channels.values()) {
            if (!selects(channel, c.name())) {
                continue;
            }
            Frame f = Frame.bare("Status").add("Privilege", "Call");
            c.writeBlock(f, "", sim.config.channelVariables());
            f.add("Type", "Local").add("DNID", "").add("EffectiveConnectedLineNum", c.connectedNum)
                    .add("EffectiveConnectedLineName", c.connectedName).add("TimeToHangup", 0)
                    .add("BridgeID", c.bridgeId).add("Application", c.application).add("Data", c.applicationData)
                    .add("Nativeformats", "(slin)").add("Readformat", "slin").add("Readtrans", "")
                    .add("Writeformat", "slin").add("Writetrans", "").add("Callgroup", 0).add("Pickupgroup", 0)
                    .add("Seconds", (now - c.createdSimNanos()) / 1_000_000_000L).actionId(id);
            out.add(f);
        }
        sendList(h, s, id, "Channel status will follow", out,
                complete("StatusComplete", id, out.size()).add("Items", out.size()));
    }

    /** QueueStatus: QueueParams, QueueMember rows, QueueEntry rows per queue. */
    void queueStatus(ActionHandler h, AmiSession s, String id, String queue, String member) {
        List<Frame> out = new ArrayList<>();
        long now = sim.clock.simNanos();
        for (QueueState q : sim.queues.values()) {
            if (!selects(queue, q.name)) {
                continue;
            }
            out.add(Frame.bare("QueueParams").add("Queue", q.name).add("Max", 0)
                    .add("Strategy", q.strategy.asteriskName()).add("Calls", q.entries.size())
                    .add("Holdtime", q.averageHoldTime()).add("TalkTime", q.averageTalkTime())
                    .add("Completed", q.completed).add("Abandoned", q.abandoned).add("ServiceLevel", q.serviceLevel)
                    .add("ServicelevelPerf", "0.0").add("ServicelevelPerf2", "0.0").add("Weight", 0).actionId(id));
            for (Member m : q.members.values()) {
                if (!selects(member, m.iface, m.name)) {
                    continue;
                }
                Frame f = Frame.bare("QueueMember");
                m.writeListFields(f);
                out.add(f.actionId(id));
            }
            int position = 1;
            for (QueueState.Entry e : q.entries) {
                SimChannel c = e.channel;
                out.add(Frame.bare("QueueEntry").add("Queue", q.name).add("Position", position++)
                        .add("Channel", c.name()).add("Uniqueid", c.uniqueid()).add("CallerIDNum", plain(c.callerNum))
                        .add("CallerIDName", plain(c.callerName)).add("ConnectedLineNum", plain(c.connectedNum))
                        .add("ConnectedLineName", plain(c.connectedName))
                        .add("Wait", Math.max(0, (now - e.joinedSimNanos) / 1_000_000_000L)).add("Priority", 0)
                        .actionId(id));
            }
        }
        sendList(h, s, id, "Queue status will follow", out, complete("QueueStatusComplete", id, out.size()));
    }

    /** QueueSummary: one QueueSummary per queue. */
    void queueSummary(ActionHandler h, AmiSession s, String id, String queue) {
        List<Frame> out = new ArrayList<>();
        long now = sim.clock.simNanos();
        for (QueueState q : sim.queues.values()) {
            if (!selects(queue, q.name)) {
                continue;
            }
            long available = q.members.values().stream()
                    .filter(m -> !m.paused && m.device.status == AgentDevice.NOT_INUSE && m.device.call == null)
                    .count();
            long longest = q.entries.isEmpty() ? 0 : (now - q.entries.get(0).joinedSimNanos) / 1_000_000_000L;
            out.add(Frame.bare("QueueSummary").add("Queue", q.name).add("LoggedIn", q.members.size())
                    .add("Available", available).add("Callers", q.entries.size())
                    .add("HoldTime", q.averageHoldTime()).add("TalkTime", q.averageTalkTime())
                    .add("LongestHoldTime", Math.max(0, longest)).actionId(id));
        }
        sendList(h, s, id, "Queue summary will follow", out, complete("QueueSummaryComplete", id, out.size()));
    }

    /** QueueEntry writes {@code unknown} where channel blocks write {@code <unknown>} (capture 08). */
    private static String plain(String v) {
        return SimChannel.UNKNOWN.equals(v) ? "unknown" : v;
    }

    /** {@code HH:MM:SS} of a simulated duration. */
    static String duration(long simNanos) {
        long s = Math.max(0, simNanos / 1_000_000_000L);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
