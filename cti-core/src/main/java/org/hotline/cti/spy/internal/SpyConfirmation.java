package org.hotline.cti.spy.internal;

import java.time.Duration;
import java.util.Set;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.control.Confirmation;
import org.hotline.cti.control.ControlException;
import org.hotline.cti.control.ControlResult;
import org.hotline.cti.spy.SpyMode;

/**
 * Proves a supervisor's listen, whisper or barge: the Originate's own OriginateResponse says the supervisor answered
 * (or why not: busy, no answer, offline), then Asterisk's {@code ChanSpyStart} with the agent's channel as the spyee
 * says the spy channel is on the call. The supervisor's channel hanging up first means ChanSpy found nothing to spy
 * on (the agent's call ended meanwhile); the agent's channel hanging up first, that the call ended.
 */
public final class SpyConfirmation implements Confirmation {

    private final String target;
    private final SpyMode mode;
    private String actionId;
    private String spyChannel;

    /** Confirms spying in {@code mode} on the agent's channel {@code target}. */
    public SpyConfirmation(String target, SpyMode mode) {
        this.target = target;
        this.mode = mode;
    }

    @Override
    public Set<String> events() {
        return Set.of("OriginateResponse", "ChanSpyStart", "Hangup");
    }

    @Override
    public void accepted(AmiMessage response) {
        actionId = response.actionId();
    }

    @Override
    public ControlResult on(AmiMessage e) {
        switch (e.eventName()) {
            case "OriginateResponse" -> {
                if (actionId == null || !actionId.equals(e.actionId())) {
                    return null;
                }
                if (!"Success".equalsIgnoreCase(e.get("Response"))) {
                    throw phoneFailed(e.get("Reason", ""), "OriginateResponse " + e.get("Response", "")
                            + " Reason=" + e.get("Reason", ""));
                }
                spyChannel = e.get("Channel");
                return null;
            }
            case "ChanSpyStart" -> {
                boolean mine = spyChannel == null || spyChannel.equals(e.get("SpyerChannel"));
                return mine && target.equals(e.get("SpyeeChannel")) ? new ControlResult(mode.doneCode(),
                        "your phone is on the call (" + mode.code() + ")", "ChanSpyStart " + e.get("SpyerChannel")
                        + " on " + target) : null;
            }
            default -> {
                String channel = e.get("Channel", "");
                if (channel.equals(target)) {
                    throw new ControlException(ControlException.Kind.NO_SUCH_CALL, "call-ended",
                            "the agent's call ended before your phone joined it", "Hangup " + channel,
                            ControlException.Outcome.FAILED, null);
                }
                if (channel.equals(spyChannel)) {
                    throw new ControlException(ControlException.Kind.NO_SUCH_CALL, "spy-ended",
                            "your phone hung up before it joined the call (no call to join any more)",
                            "Hangup " + channel + " before ChanSpyStart", ControlException.Outcome.FAILED, null);
                }
                return null;
            }
        }
    }

    @Override
    public ControlException timedOut(Duration waited) {
        return ControlException.of(ControlException.Kind.TIMED_OUT, "pbx-no-response",
                "the PBX did not confirm within " + waited.toSeconds() + " s that your phone joined the call",
                spyChannel == null ? "no OriginateResponse" : "OriginateResponse Success, no ChanSpyStart");
    }

    // Asterisk's OriginateResponse reasons: 5 busy, 3 no answer, 1 hung up, 0 or 8 unreachable
    private static ControlException phoneFailed(String reason, String detail) {
        return switch (reason) {
            case "5" -> ControlException.of(ControlException.Kind.CONFLICT, "phone-busy", "your phone is busy",
                    detail);
            case "3" -> ControlException.of(ControlException.Kind.CONFLICT, "phone-no-answer",
                    "your phone rang but was not answered", detail);
            case "1" -> ControlException.of(ControlException.Kind.CONFLICT, "phone-declined",
                    "your phone declined the call", detail);
            default -> ControlException.of(ControlException.Kind.CONFLICT, "phone-offline",
                    "your phone is offline or unreachable", detail);
        };
    }
}
