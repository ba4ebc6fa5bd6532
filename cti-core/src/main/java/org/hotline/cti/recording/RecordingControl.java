package org.hotline.cti.recording;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiAction;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.control.AmiCommands;
import org.hotline.cti.control.Confirmation;
import org.hotline.cti.control.ControlException;
import org.hotline.cti.control.ControlResult;

/**
 * An agent pauses the recording of the own call while the customer gives card or identity details, and resumes it:
 * AMI {@code MixMonitorMute} (both directions) on the agent's channel that records, done when Asterisk's
 * MixMonitorMute event says so. The paused part is silence: the file keeps the call's length.
 */
public final class RecordingControl {

    private static final Pattern CALL_ID = Pattern.compile("[0-9A-Za-z._-]{1,64}");

    private final AgentDirectory directory;
    private final AmiCommands commands;
    private final Supplier<CallTracker> tracker;
    private final CallRecordings recordings;

    /** Pauses over {@code commands} the recordings {@code recordings} knows, of calls {@code tracker} knows. */
    public RecordingControl(AgentDirectory directory, AmiCommands commands, Supplier<CallTracker> tracker,
                            CallRecordings recordings) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.recordings = Objects.requireNonNull(recordings, "recordings");
    }

    /** Pauses ({@code paused} true) or resumes the recording of {@code username}'s call {@code callId}. */
    public ControlResult pause(String username, String callId, boolean paused) {
        if (callId == null || !CALL_ID.matcher(callId).matches()) {
            throw new ControlException(ControlException.Kind.INVALID, "'" + callId + "' is not a call id");
        }
        AgentAccount me = directory.findByUsername(username).orElseThrow(() -> new ControlException(
                ControlException.Kind.INVALID, "no user '" + username + "'"));
        CallTracker t = tracker.get();
        CallId id = new CallId(callId);
        if (t == null || t.call(id).isEmpty()) {
            throw ControlException.of(ControlException.Kind.NO_SUCH_CALL, "call-gone",
                    "call " + callId + " is not in progress", "");
        }
        String mine = null;
        for (String iface : me.interfaces()) {
            mine = mine != null ? mine : t.agentChannel(id, AgentInterface.of(iface)).orElse(null);
        }
        if (mine == null) {
            throw ControlException.of(ControlException.Kind.NOT_YOUR_CALL, "not-your-call",
                    "call " + callId + " is not on your phone", "");
        }
        String channel = recordingChannel(callId, mine);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Channel", channel);
        f.put("Direction", "both");
        f.put("State", paused ? "1" : "0");
        return commands.confirm(AmiAction.of("MixMonitorMute", f), muted(channel, paused), commands.timeout());
    }

    // the recording runs on the agent's channel the queue bridged: the tracker's one, or the other Local half
    private String recordingChannel(String callId, String mine) {
        CallRecording r = recordings.running(callId, mine).orElse(null);
        if (r == null && mine.contains(";")) {
            String other = mine.endsWith(";1") ? mine.replace(";1", ";2") : mine.replace(";2", ";1");
            r = recordings.running(callId, other).orElse(null);
        }
        if (r == null) {
            throw ControlException.of(ControlException.Kind.CONFLICT, "not-recording",
                    "this call is not being recorded", "");
        }
        return r.channel();
    }

    private static Confirmation muted(String channel, boolean paused) {
        return new Confirmation() {
            @Override
            public Set<String> events() {
                return Set.of("MixMonitorMute", "Hangup");
            }

            @Override
            public ControlResult on(AmiMessage e) {
                if (!channel.equals(e.get("Channel"))) {
                    return null;
                }
                if ("Hangup".equals(e.eventName())) {
                    throw new ControlException(ControlException.Kind.NO_SUCH_CALL, "call-ended",
                            "the call ended", "Hangup " + channel, ControlException.Outcome.FAILED, null);
                }
                boolean state = "1".equals(e.get("State"));
                return state == paused ? new ControlResult(paused ? "recording-paused" : "recording-resumed",
                        paused ? "recording paused" : "recording resumed", "MixMonitorMute State="
                        + e.get("State") + " " + channel) : null;
            }

            @Override
            public ControlException timedOut(Duration waited) {
                return ControlException.of(ControlException.Kind.TIMED_OUT, "pbx-no-response",
                        "the PBX did not confirm the recording's " + (paused ? "pause" : "resumption") + " within "
                                + waited.toSeconds() + " s", "no MixMonitorMute");
            }
        };
    }
}
