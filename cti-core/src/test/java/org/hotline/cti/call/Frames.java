package org.hotline.cti.call;

import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.ami.AmiMessage;

/** Builds synthetic AMI frames for scenarios the captures do not contain (SIP phones, hold, attended transfer). */
final class Frames {

    private Frames() {
    }

    /** An event frame: {@code Event: name} followed by the given name/value pairs. */
    static AmiMessage event(String name, String... fields) {
        List<String> all = new ArrayList<>(fields.length + 2);
        all.add("Event");
        all.add(name);
        all.addAll(List.of(fields));
        return AmiMessage.of(all.toArray(String[]::new));
    }

    static AmiMessage newChannel(String ts, String channel, String uid, String linkedid, String callerNum) {
        return event("Newchannel", "Timestamp", ts, "Channel", channel, "CallerIDNum", callerNum, "CallerIDName",
                "<unknown>", "Uniqueid", uid, "Linkedid", linkedid);
    }

    static AmiMessage member(String ts, String iface, String queue, int status) {
        return event("QueueMemberStatus", "Timestamp", ts, "Queue", queue, "MemberName", "Agent " + iface,
                "Interface", iface, "Status", Integer.toString(status), "Paused", "0", "PausedReason", "");
    }

    static AmiMessage dialBegin(String ts, String channel, String uid, String linkedid, String callerNum,
                                String dest, String destUid) {
        return event("DialBegin", "Timestamp", ts, "Channel", channel, "CallerIDNum", callerNum, "Uniqueid", uid,
                "Linkedid", linkedid, "DestChannel", dest, "DestUniqueid", destUid, "DestLinkedid", linkedid);
    }

    static AmiMessage dialEnd(String ts, String uid, String linkedid, String dest, String destUid, String status) {
        return event("DialEnd", "Timestamp", ts, "Uniqueid", uid, "Linkedid", linkedid, "DestChannel", dest,
                "DestUniqueid", destUid, "DestLinkedid", linkedid, "DialStatus", status);
    }

    static AmiMessage onChannel(String event, String ts, String channel, String uid, String linkedid,
                                String... more) {
        List<String> all = new ArrayList<>(List.of("Timestamp", ts, "Channel", channel, "Uniqueid", uid, "Linkedid",
                linkedid));
        all.addAll(List.of(more));
        return event(event, all.toArray(String[]::new));
    }

    static AmiMessage hangup(String ts, String channel, String uid, String linkedid, String cause) {
        return onChannel("Hangup", ts, channel, uid, linkedid, "Cause", cause, "Cause-txt", "Normal Clearing");
    }
}
