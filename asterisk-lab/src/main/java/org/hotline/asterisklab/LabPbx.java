package org.hotline.asterisklab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plays the people around the lab's Asterisk: callers dialling the hotline, agents' phones that answer (or not) and
 * outside numbers, through the overlay's dialplan ({@code overlay/extensions-site.conf}) and the lab's AMI user.
 */
public final class LabPbx implements AutoCloseable {

    private final LabAsterisk asterisk;
    private final LabAmi ami;

    /** A driver of {@code asterisk}, logged in as the lab's user. */
    public LabPbx(LabAsterisk asterisk) {
        this.asterisk = Objects.requireNonNull(asterisk, "asterisk");
        this.ami = LabAmi.connect(asterisk.amiPort(), LabAsterisk.LAB_USER, asterisk.labSecret());
    }

    /** The driver's AMI connection (its events are Asterisk's own account of what happened). */
    public LabAmi ami() {
        return ami;
    }

    /** The Asterisk this drives. */
    public LabAsterisk asterisk() {
        return asterisk;
    }

    /** Agent {@code extension}'s phone answers after {@code delay} and stays on the call until someone hangs up. */
    public void phoneAnswers(String extension, Duration delay) {
        global("LAB_MODE_" + extension, "answer");
        global("LAB_DELAY_" + extension, Long.toString(Math.max(0, delay.toSeconds())));
        phoneIdle(extension);
    }

    /** Agent {@code extension}'s phone rings and is never answered. */
    public void phoneNeverAnswers(String extension) {
        global("LAB_MODE_" + extension, "noanswer");
        phoneIdle(extension);
    }

    /** Agent {@code extension}'s phone answers and the agent hangs up after {@code talk}. */
    public void phoneTalks(String extension, Duration delay, Duration talk) {
        phoneAnswers(extension, delay);
        global("LAB_TALK_" + extension, Long.toString(talk.toSeconds()));
    }

    /** Agent {@code extension}'s phone sends a {@code hz} tone once answered (a voice for recordings and spies). */
    public void phoneSpeaks(String extension, int hz) {
        global("LAB_VOICE_" + extension, Integer.toString(hz));
    }

    /**
     * Agent {@code extension}'s phone reports the audio that reaches it once answered: Asterisk's
     * {@code ChannelTalkingStart} on its channel (the {@code ;2} half of {@code Local/<ext>@agents}).
     */
    public void phoneHears(String extension) {
        global("LAB_HEAR_" + extension, "yes");
    }

    /** Agent {@code extension}'s phone neither speaks nor reports what it hears (the default). */
    public void phoneQuiet(String extension) {
        global("LAB_VOICE_" + extension, "");
        global("LAB_HEAR_" + extension, "");
    }

    /** Agent {@code extension}'s phone shows idle (the state interface {@code Custom:agent<ext>}). */
    public void phoneIdle(String extension) {
        asterisk.cli("devstate change Custom:agent" + extension + " NOT_INUSE");
    }

    /** An outside number answers (default), is busy, or never answers. */
    public void outsideNumber(String number, String mode) {
        global("LAB_TRUNK_" + number, mode);
    }

    /**
     * A caller from {@code callerNumber} dials {@code dialled} (95598 for the power hotline, 96777 for gas) and hangs
     * up after {@code patience} unless the call ended first.
     */
    public LabCall call(String dialled, String callerNumber, Duration patience, String... variables) {
        return originate("Local/" + dialled + "@lab-callers", callerNumber, patience, variables);
    }

    /** A caller dials agent {@code extension} directly, with no queue. */
    public LabCall callDirect(String extension, String callerNumber, Duration patience) {
        return originate("Local/direct-" + extension + "@lab-callers", callerNumber, patience);
    }

    private LabCall originate(String channel, String callerNumber, Duration patience, String... variables) {
        List<String> h = new ArrayList<>(List.of("Channel", channel, "Application", "Wait",
                "Data", Long.toString(patience.toSeconds()), "Async", "true", "CallerID", callerNumber,
                "Variable", "LAB_CALLER=" + callerNumber));
        for (String v : variables) {
            h.add("Variable");
            h.add(v);
        }
        LabAmi.Message response = ami.action("Originate", h.toArray(String[]::new));
        String actionId = response.get("ActionID");
        LabAmi.Message started = ami.awaitEvent(e -> e.is("OriginateResponse")
                && actionId.equals(e.get("ActionID")), Duration.ofSeconds(10));
        if (!"Success".equalsIgnoreCase(started.get("Response"))) {
            throw new IllegalStateException("the caller could not be created: " + started);
        }
        return new LabCall(this, started.get("Uniqueid"), started.get("Channel"));
    }

    /** Hangs up every channel whose name matches the regular expression (Asterisk's {@code /regex/} form). */
    public void hangupMatching(String regex) {
        ami.actionAnyResponse("Hangup", "Channel", "/" + regex + "/", "Cause", "16");
    }

    /** Hangs up one channel by name. */
    public void hangup(String channel) {
        ami.action("Hangup", "Channel", channel, "Cause", "16");
    }

    /** Asterisk's QueueStatus items of one queue (QueueParams, QueueMember, QueueEntry). */
    public List<LabAmi.Message> queueStatus(String queue) {
        return ami.list("QueueStatus", "Queue", queue);
    }

    /** Asterisk's QueueSummary of one queue. */
    public LabAmi.Message queueSummary(String queue) {
        return ami.list("QueueSummary", "Queue", queue).get(0);
    }

    /** The members of a queue as Asterisk has them: location to paused flag ("1"/"0"). */
    public Map<String, LabAmi.Message> members(String queue) {
        Map<String, LabAmi.Message> out = new java.util.LinkedHashMap<>();
        for (LabAmi.Message m : queueStatus(queue)) {
            if (m.is("QueueMember")) {
                out.put(m.get("Location"), m);
            }
        }
        return out;
    }

    /** Sets a global dialplan variable. */
    public void global(String name, String value) {
        ami.action("Setvar", "Variable", name, "Value", value);
    }

    /** Channels in progress (CoreShowChannels items). */
    public List<LabAmi.Message> channels() {
        return ami.list("CoreShowChannels");
    }

    @Override
    public void close() {
        ami.close();
    }

    /**
     * A caller placed by {@link #call}.
     *
     * @param pbx the driver
     * @param linkedid the call's Linkedid (the caller's ;1 leg's Uniqueid), Hotline's call id
     * @param phone the caller's phone (the ;1 leg)
     */
    public record LabCall(LabPbx pbx, String linkedid, String phone) {

        /** The caller hangs up. */
        public void hangup() {
            pbx.ami.actionAnyResponse("Hangup", "Channel", phone, "Cause", "16");
        }

        /** The caller presses keys (DTMF received by the call, as from the phone's keypad). */
        public void press(String digits) {
            pbx.ami.action("PlayDTMF", "Channel", phone.replace(";1", ";2"), "Digit", digits, "Receive", "true");
        }

        /** Whether the caller's phone is still up. */
        public boolean up() {
            return pbx.channels().stream().anyMatch(c -> phone.equals(c.get("Channel")));
        }
    }
}
