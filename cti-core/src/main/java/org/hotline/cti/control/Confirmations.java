package org.hotline.cti.control;

import java.time.Duration;
import java.util.Set;
import org.hotline.cti.ami.AmiMessage;

/**
 * The events that prove each call command on Asterisk 22, as recorded against the real PBX (ADR 0018): what Hotline's
 * least-privilege user receives (no Newexten, no DTMF), in the order Asterisk sends it.
 */
final class Confirmations {

    private Confirmations() {
    }

    /** Hangup of the agent's leg: its own Hangup event. */
    static Confirmation hangup(String channel) {
        return new Base(Set.of("Hangup"), "hangup") {
            @Override
            public ControlResult on(AmiMessage e) {
                return channel.equals(e.get("Channel"))
                        ? new ControlResult("hung-up", "hung up", "Hangup " + channel) : null;
            }
        };
    }

    /** BlindTransfer: the BlindTransfer event of the agent's channel, Result=Success; the caller gone first fails. */
    static Confirmation blindTransfer(String agent, String caller, String exten) {
        return new Base(Set.of("BlindTransfer", "Hangup"), "transfer") {
            @Override
            public ControlResult on(AmiMessage e) {
                if ("Hangup".equals(e.eventName())) {
                    if (caller != null && caller.equals(e.get("Channel"))) {
                        throw ended("the customer hung up before the transfer");
                    }
                    return null;
                }
                if (!agent.equals(e.get("TransfererChannel"))) {
                    return null;
                }
                String result = e.get("Result", "");
                if ("Success".equalsIgnoreCase(result)) {
                    return new ControlResult("transferred", "transferred to " + exten,
                            "BlindTransfer Result=Success Extension=" + e.get("Extension", exten));
                }
                throw ControlException.of(ControlException.Kind.REJECTED, "transfer-failed",
                        "the PBX could not transfer the call to " + exten + " (BlindTransfer Result=" + result + ")",
                        "BlindTransfer Result=" + result);
            }
        };
    }

    /**
     * Atxfer: the consultation started, which on Asterisk 22 shows as the customer put on music and the agent's leg
     * leaving the customer's bridge for the consultation's (then Asterisk dials {@code Local/<exten>@<context>}).
     * Asterisk answers Success even where the call does not allow transfers (Queue without t, Dial without t/T) and
     * then does nothing: no event at all, so the time-out is a refusal. An Unhold of the agent's leg before it left
     * the bridge means Asterisk gave up on the transfer (no such target) and the customer is back.
     */
    static Confirmation attendedTransfer(String agent, String caller, String exten) {
        return new Base(Set.of("MusicOnHoldStart", "BridgeLeave", "Unhold", "Hangup"), "transfer") {
            private boolean music = caller == null;
            private boolean left;

            @Override
            public ControlResult on(AmiMessage e) {
                String channel = e.get("Channel", "");
                switch (e.eventName()) {
                    case "MusicOnHoldStart" -> music |= channel.equals(caller);
                    case "BridgeLeave" -> left |= channel.equals(agent);
                    case "Unhold" -> {
                        if (agent.equals(channel) && !left) {
                            throw ControlException.of(ControlException.Kind.REJECTED, "transfer-aborted",
                                    "the PBX gave up the attended transfer to " + exten + " (the customer is back)",
                                    "Unhold " + channel);
                        }
                    }
                    default -> {
                        if (agent.equals(channel) || channel.equals(caller)) {
                            throw ended("the call ended before the consultation started");
                        }
                    }
                }
                return music && left ? new ControlResult("consulting", "consulting " + exten
                        + ": hang up to complete the transfer", "BridgeLeave " + agent
                        + (caller == null ? "" : ", MusicOnHoldStart " + caller)) : null;
            }

            @Override
            public ControlException timedOut(Duration waited) {
                return ControlException.of(ControlException.Kind.CONFLICT, "transfer-not-allowed",
                        "the PBX did not start the consultation with " + exten + " within " + seconds(waited)
                                + ": this call does not allow transfers (Queue or Dial without option t)",
                        "Atxfer: Success, then no consultation");
            }
        };
    }

    /** Hold: the customer hears music in the hold context and the agent's leg reached it; a hang-up first fails. */
    static Confirmation hold(String agent, String caller, String holdContext) {
        return new Base(Set.of("MusicOnHoldStart", "BridgeLeave", "HangupHandlerPush", "Hangup"), "hold") {
            private boolean music;
            private boolean parked;

            @Override
            public ControlResult on(AmiMessage e) {
                String channel = e.get("Channel", "");
                if ("Hangup".equals(e.eventName())) {
                    if (channel.equals(agent) || channel.equals(caller)) {
                        throw ended("the call ended while it was being put on hold");
                    }
                    return null;
                }
                boolean inHold = holdContext.equals(e.get("Context"));
                music |= inHold && channel.equals(caller) && "MusicOnHoldStart".equals(e.eventName());
                parked |= inHold && channel.equals(agent);
                return music && parked ? new ControlResult("held", "the customer is on hold",
                        "MusicOnHoldStart " + caller + " in " + holdContext) : null;
            }
        };
    }

    /** Unhold: both legs enter the same bridge; a hang-up first fails. */
    static Confirmation unhold(String agent, String caller) {
        return new Base(Set.of("BridgeEnter", "Hangup"), "unhold") {
            private String agentBridge;
            private String callerBridge;

            @Override
            public ControlResult on(AmiMessage e) {
                String channel = e.get("Channel", "");
                if ("Hangup".equals(e.eventName())) {
                    if (channel.equals(agent) || channel.equals(caller)) {
                        throw ended("the call ended while it was being resumed");
                    }
                    return null;
                }
                if (channel.equals(agent)) {
                    agentBridge = e.get("BridgeUniqueid");
                } else if (channel.equals(caller)) {
                    callerBridge = e.get("BridgeUniqueid");
                }
                return agentBridge != null && agentBridge.equals(callerBridge)
                        ? new ControlResult("resumed", "the call is resumed", "BridgeEnter " + agent + ", " + caller
                        + " into " + agentBridge) : null;
            }
        };
    }

    /**
     * Click-to-dial: the Originate's own OriginateResponse (tied by ActionID). Success comes when the agent answered
     * their phone; Failure carries why (Reason 5 busy, 3 no answer, 1 hung up, 0/8 unreachable).
     */
    static Confirmation dial(String number) {
        return new Base(Set.of("OriginateResponse"), "dial") {
            private String actionId;

            @Override
            public void accepted(AmiMessage response) {
                actionId = response.actionId();
            }

            @Override
            public ControlResult on(AmiMessage e) {
                if (actionId == null || !actionId.equals(e.actionId())) {
                    return null;
                }
                String reason = e.get("Reason", "");
                if ("Success".equalsIgnoreCase(e.get("Response"))) {
                    return new ControlResult("dialled", "you answered: calling " + number,
                            "OriginateResponse Success Reason=" + reason);
                }
                String detail = "OriginateResponse " + e.get("Response", "") + " Reason=" + reason;
                throw switch (reason) {
                    case "5" -> ControlException.of(ControlException.Kind.CONFLICT, "phone-busy",
                            "your phone is busy", detail);
                    case "3" -> ControlException.of(ControlException.Kind.CONFLICT, "phone-no-answer",
                            "your phone rang but was not answered", detail);
                    case "1" -> ControlException.of(ControlException.Kind.CONFLICT, "phone-declined",
                            "your phone declined the call", detail);
                    default -> ControlException.of(ControlException.Kind.CONFLICT, "phone-offline",
                            "your phone is offline or unreachable", detail);
                };
            }
        };
    }

    private static ControlException ended(String message) {
        return new ControlException(ControlException.Kind.NO_SUCH_CALL, "call-ended", message, "Hangup",
                ControlException.Outcome.FAILED, null);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The events a confirmation reads and the time-out every command shares unless it says otherwise. */
    private abstract static class Base implements Confirmation {
        private final Set<String> events;
        private final String command;

        Base(Set<String> events, String command) {
            this.events = events;
            this.command = command;
        }

        @Override
        public Set<String> events() {
            return events;
        }

        @Override
        public ControlException timedOut(Duration waited) {
            return ControlException.of(ControlException.Kind.TIMED_OUT, "not-confirmed",
                    "the PBX accepted the " + command + " but did not confirm it within " + seconds(waited)
                            + ": it may still happen", "no confirming event");
        }
    }
}
