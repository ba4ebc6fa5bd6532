package org.hotline.cti.presence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.cti.call.AgentState;
import org.hotline.cti.presence.DeskCall;
import org.hotline.cti.presence.DeskRules;
import org.hotline.cti.presence.DeskState;
import org.hotline.cti.presence.DeskStatus;
import org.hotline.cti.presence.PresenceProperties;
import org.hotline.cti.presence.internal.DeskInput.Answered;
import org.hotline.cti.presence.internal.DeskInput.ChooseDisposition;
import org.hotline.cti.presence.internal.DeskInput.Ended;
import org.hotline.cti.presence.internal.DeskInput.ExtendWrapUp;
import org.hotline.cti.presence.internal.DeskInput.FinishWrapUp;
import org.hotline.cti.presence.internal.DeskInput.Login;
import org.hotline.cti.presence.internal.DeskInput.Logout;
import org.hotline.cti.presence.internal.DeskInput.Pause;
import org.hotline.cti.presence.internal.DeskInput.Pbx;
import org.hotline.cti.presence.internal.DeskInput.Ready;
import org.hotline.cti.presence.internal.DeskInput.RingStopped;
import org.hotline.cti.presence.internal.DeskInput.Ringing;
import org.hotline.cti.presence.internal.DeskInput.SocketBack;
import org.hotline.cti.presence.internal.DeskInput.SocketLost;
import org.hotline.cti.presence.internal.DeskInput.WrapUpTimer;

/**
 * The desk state machine: one pure function from a status and an input to the next status and the PBX actions.
 * No clock, no I/O: time comes with the input.
 */
public final class DeskMachine {

    private final DeskRules rules;

    /** A machine with the rules of these settings alone (one wrap-up, the reasons for every queue). */
    public DeskMachine(PresenceProperties properties) {
        this(DeskRules.of(properties));
    }

    /** A machine with these rules (each queue's wrap-up, the pause reasons). */
    public DeskMachine(DeskRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The transition for {@code input} from {@code s}. */
    public DeskTransition next(DeskStatus s, DeskInput input) {
        DeskState st = s.state();
        if (input instanceof Login in) {
            return login(s, in);
        }
        if (input instanceof Logout in) {
            return switch (st) {
                case LOGGED_OUT -> DeskTransition.to(s);
                case RINGING, TALKING -> DeskTransition.refuse(s, "finish the call first");
                default -> DeskTransition.to(s.to(DeskState.LOGGED_OUT, in.at()).withQueues(List.of()),
                        new DeskEffect.RemoveFromQueues(s.queues()));
            };
        }
        if (input instanceof Ready in) {
            if (st == DeskState.WRAP_UP && outcomeMissing(s)) {
                return DeskTransition.refuse(s, OUTCOME_FIRST);
            }
            return switch (st) {
                case LOGGED_OUT -> DeskTransition.refuse(s, "log in first");
                case RINGING, TALKING -> DeskTransition.to(s);
                // sent even when the desk shows ready: a command is never dropped on what the desk believes
                case READY -> DeskTransition.to(s, new DeskEffect.Unpause());
                default -> DeskTransition.to(s.to(DeskState.READY, in.at()), new DeskEffect.Unpause());
            };
        }
        if (input instanceof Pause in) {
            return pause(s, in);
        }
        if (input instanceof FinishWrapUp in) {
            return st != DeskState.WRAP_UP ? DeskTransition.refuse(s, "not in wrap-up")
                    : outcomeMissing(s) ? DeskTransition.refuse(s, OUTCOME_FIRST)
                    : DeskTransition.to(s.to(DeskState.READY, in.at()), new DeskEffect.Unpause());
        }
        if (input instanceof ChooseDisposition in) {
            return choose(s, in);
        }
        if (input instanceof ExtendWrapUp) {
            return st != DeskState.WRAP_UP ? DeskTransition.refuse(s, "not in wrap-up")
                    : s.wrapUpExtension() == null ? DeskTransition.refuse(s, "wrap-up cannot be extended")
                    : s.extended() ? DeskTransition.refuse(s, "wrap-up already extended once")
                    : DeskTransition.to(s.withWrapUp(s.wrapUpEndsAt().plus(s.wrapUpExtension()), true,
                            s.wrapUpExtension()));
        }
        if (input instanceof WrapUpTimer in) {
            return st != DeskState.WRAP_UP || in.at().isBefore(s.wrapUpEndsAt()) ? DeskTransition.to(s)
                    : DeskTransition.to(s.to(DeskState.READY, in.at()), new DeskEffect.Unpause());
        }
        if (input instanceof Ringing in) {
            return st == DeskState.TALKING || st == DeskState.LOGGED_OUT ? DeskTransition.to(s)
                    : DeskTransition.to(s.to(DeskState.RINGING, in.at()).withCall(in.call(), returnState(s)));
        }
        if (input instanceof RingStopped in) {
            return st != DeskState.RINGING || !sameCall(s, in.callId()) ? DeskTransition.to(s)
                    : DeskTransition.to(back(s, in.at()));
        }
        if (input instanceof Answered in) {
            // the same call answered again (a second event for it) keeps the outcome already chosen
            String chosen = st == DeskState.TALKING && sameCall(s, in.call().callId()) ? s.disposition() : null;
            return st == DeskState.LOGGED_OUT ? DeskTransition.to(s)
                    : DeskTransition.to(s.to(DeskState.TALKING, in.at()).withCall(merge(s, in.call()), null)
                            .withDisposition(chosen));
        }
        if (input instanceof Ended in) {
            return ended(s, in);
        }
        if (input instanceof Pbx in) {
            return pbx(s, in);
        }
        if (input instanceof SocketLost in) {
            return st != DeskState.READY ? DeskTransition.to(s)
                    : DeskTransition.to(s.to(DeskState.LAGGED, in.at()).withReason(DeskStatus.LAGGED),
                            new DeskEffect.Pause(DeskStatus.LAGGED));
        }
        if (input instanceof SocketBack in) {
            return st != DeskState.LAGGED ? DeskTransition.to(s)
                    : DeskTransition.to(s.to(DeskState.READY, in.at()), new DeskEffect.Unpause());
        }
        throw new IllegalArgumentException("input: " + input);
    }

    /** The refusal of a wrap-up end without the call outcome its queue requires. */
    static final String OUTCOME_FIRST = "choose a call outcome first";

    private boolean outcomeMissing(DeskStatus s) {
        return s.disposition() == null && s.wrapped() != null && rules.dispositionRequired(s.wrapped().queue());
    }

    /** An outcome for the call on hand or in wrap-up: an active one of the call's queue. */
    private DeskTransition choose(DeskStatus s, ChooseDisposition in) {
        DeskCall call = s.handled();
        if (call == null) {
            return DeskTransition.refuse(s, "no call to record an outcome for");
        }
        String why = rules.dispositionRefusal(in.code(), call.queue());
        return why != null ? DeskTransition.refuse(s, why) : DeskTransition.to(s.withDisposition(in.code()));
    }

    private DeskTransition pause(DeskStatus s, Pause in) {
        if (rules.reason(in.reason()).isEmpty()) {
            return DeskTransition.refuse(s, "unknown pause reason '" + in.reason() + "'");
        }
        return switch (s.state()) {
            case LOGGED_OUT -> DeskTransition.refuse(s, "log in first");
            case RINGING, TALKING -> DeskTransition.refuse(s, "finish the call first");
            // sent even when the desk shows this pause: a command is never dropped on what the desk believes
            default -> s.state() == DeskState.PAUSED && in.reason().equals(s.reason())
                    ? DeskTransition.to(s, new DeskEffect.Pause(in.reason()))
                    : DeskTransition.to(s.to(DeskState.PAUSED, in.at()).withReason(in.reason()),
                            new DeskEffect.Pause(in.reason()));
        };
    }

    /** Logged out: into every queue. Logged in: into the account's queues the PBX does not have the agent in. */
    private static DeskTransition login(DeskStatus s, Login in) {
        if (in.queues().isEmpty()) {
            return DeskTransition.refuse(s, "no queues: ask an administrator");
        }
        if (s.state() == DeskState.LOGGED_OUT) {
            return DeskTransition.to(s.to(DeskState.READY, in.at()).withQueues(in.queues()),
                    new DeskEffect.AddToQueues(in.queues()));
        }
        List<String> missing = in.queues().stream().filter(q -> !s.queues().contains(q)).toList();
        if (missing.isEmpty()) {
            return DeskTransition.to(s);
        }
        List<String> all = new ArrayList<>(s.queues());
        all.addAll(missing);
        return DeskTransition.to(s.withQueues(all.stream().sorted().toList()), new DeskEffect.AddToQueues(missing));
    }

    private DeskTransition ended(DeskStatus s, Ended in) {
        if (!sameCall(s, in.callId())) {
            return DeskTransition.to(s);
        }
        if (s.state() == DeskState.RINGING) {
            return DeskTransition.to(back(s, in.at()));
        }
        if (s.state() != DeskState.TALKING) {
            return DeskTransition.to(s);
        }
        DeskRules.WrapUp rule = rules.wrapUp(s.call() == null ? null : s.call().queue());
        if (rule.length().isZero()) {
            // this queue's agents take the next call at once
            return DeskTransition.to(s.to(DeskState.READY, in.at()));
        }
        DeskStatus wrap = s.to(DeskState.WRAP_UP, in.at()).withReason(DeskStatus.WRAPUP)
                .withWrapUp(in.at().plus(rule.length()), false, rule.extension())
                .wrappingUp(s.call(), s.disposition());
        return DeskTransition.to(wrap, new DeskEffect.Pause(DeskStatus.WRAPUP));
    }

    /** The PBX is the truth for membership and pause; call states come from call events, not from here. */
    private DeskTransition pbx(DeskStatus s, Pbx in) {
        DeskStatus q = s.withQueues(in.queues()).withPausedQueues(in.pausedQueues());
        if (in.state() == AgentState.LOGGED_OUT || in.queues().isEmpty()) {
            return DeskTransition.to(s.state() == DeskState.LOGGED_OUT ? q.withPausedQueues(Map.of())
                    : q.to(DeskState.LOGGED_OUT, in.at()).withQueues(List.of()).withPausedQueues(Map.of()));
        }
        boolean busy = s.state() == DeskState.RINGING || s.state() == DeskState.TALKING;
        if (s.state() == DeskState.TALKING && in.state() == AgentState.PAUSED && !isSystem(in.reason())) {
            // a pause taken during the call (by a supervisor) shows once the phone is free, instead of a wrap-up
            return DeskTransition.to(q.to(DeskState.PAUSED, in.at()).withReason(in.reason()));
        }
        if (s.state() == DeskState.TALKING
                && (in.state() == AgentState.READY || in.state() == AgentState.PAUSED)) {
            // the phone is free again (hang-up or transfer): Asterisk frees the member before AgentComplete
            return ended(q, new Ended(s.call().callId(), in.at()));
        }
        if (in.state() == AgentState.PAUSED) {
            String reason = in.reason() == null ? "" : in.reason();
            if (busy || (s.state() == DeskState.WRAP_UP && reason.equals(DeskStatus.WRAPUP))) {
                return DeskTransition.to(q);
            }
            if (reason.equals(DeskStatus.LAGGED)) {
                return DeskTransition.to(s.state() == DeskState.LAGGED ? q
                        : q.to(DeskState.LAGGED, in.at()).withReason(DeskStatus.LAGGED));
            }
            if (reason.equals(DeskStatus.WRAPUP)) {
                // another node's wrap-up: without its countdown here, show a full one from now
                DeskRules.WrapUp rule = rules.wrapUp(null);
                return DeskTransition.to(q.to(DeskState.WRAP_UP, in.at()).withReason(DeskStatus.WRAPUP)
                        .withWrapUp(in.at().plus(rule.length()), false, rule.extension()));
            }
            return DeskTransition.to(s.state() == DeskState.PAUSED && reason.equals(s.reason()) ? q
                    : q.to(DeskState.PAUSED, in.at()).withReason(reason));
        }
        boolean paused = s.state() == DeskState.PAUSED || s.state() == DeskState.WRAP_UP
                || s.state() == DeskState.LAGGED;
        if (s.state() == DeskState.WRAP_UP && s.pausedQueues().isEmpty() && in.pausedQueues().isEmpty()) {
            // the wrap-up's own pause is still on its way (sent after the call ended): a ready report from before it
            // is no unpause, and taking it would lose the call's queue rules and its call outcome (ADR 0036)
            return DeskTransition.to(q);
        }
        if (paused && pauseGoingThrough(s, in.pausedQueues())) {
            return DeskTransition.to(q);
        }
        if ((paused || s.state() == DeskState.LOGGED_OUT)
                && (in.state() == AgentState.READY || in.state() == AgentState.UNAVAILABLE)) {
            return DeskTransition.to(q.to(DeskState.READY, in.at()));
        }
        return DeskTransition.to(q);
    }

    /**
     * Some queues paused with the desk's own reason and none that were paused before unpaused: the desk's pause is
     * still going through the queues (Asterisk reports one queue at a time). Fewer paused queues than before is an
     * unpause made on the PBX: the agent gets calls from those queues again, so the desk is no longer paused.
     */
    private static boolean pauseGoingThrough(DeskStatus s, Map<String, String> paused) {
        if (paused.isEmpty() || !paused.keySet().containsAll(s.pausedQueues().keySet())) {
            return false;
        }
        for (String reason : paused.values()) {
            if (!reason.isEmpty() && !reason.equals(s.reason())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSystem(String reason) {
        return DeskStatus.WRAPUP.equals(reason) || DeskStatus.LAGGED.equals(reason);
    }

    private static DeskState returnState(DeskStatus s) {
        return s.state() == DeskState.RINGING && s.before() != null ? s.before() : s.state();
    }

    private static DeskStatus back(DeskStatus s, java.time.Instant at) {
        DeskState to = s.before() == null ? DeskState.READY : s.before();
        return s.to(to, at);
    }

    private static DeskCall merge(DeskStatus s, DeskCall answered) {
        return s.call() != null && s.call().callId().equals(answered.callId()) && answered.number().isEmpty()
                ? s.call() : answered;
    }

    private static boolean sameCall(DeskStatus s, String callId) {
        return s.call() != null && s.call().callId().equals(callId);
    }
}
