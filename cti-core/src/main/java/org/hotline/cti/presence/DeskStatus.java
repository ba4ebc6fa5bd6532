package org.hotline.cti.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One agent's desk state since {@code since}: the pause reason code (null unless paused, wrap-up or lagged), when a
 * wrap-up ends and whether it was extended, the queues the PBX has the agent in, the current call, the state to
 * return to after a ring that was not answered, and the queues the PBX last reported the agent paused in with each
 * one's reason (all of them while {@link DeskState#PAUSED}; some only: "paused in some queues", the desk is ready),
 * and what an extension of the wrap-up adds (null: it cannot be extended; the rule of the call's queue); the call a
 * wrap-up is for ({@code wrapped}) and the call outcome chosen for the call on hand or in wrap-up (null: none yet).
 */
public record DeskStatus(DeskState state, String reason, Instant since, Instant wrapUpEndsAt, boolean extended,
                         List<String> queues, DeskCall call, DeskState before, Map<String, String> pausedQueues,
                         Duration wrapUpExtension, DeskCall wrapped, String disposition) {

    /** Reason code of the system pause during wrap-up. */
    public static final String WRAPUP = "wrapup";

    /** Reason code of the system pause while the desktop is disconnected. */
    public static final String LAGGED = "lagged";

    /** Copies the queues. */
    public DeskStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        queues = List.copyOf(queues);
        pausedQueues = pausedQueues == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(pausedQueues));
    }

    /** A logged-out desk. */
    public static DeskStatus loggedOut(Instant at) {
        return new DeskStatus(DeskState.LOGGED_OUT, null, at, null, false, List.of(), null, null, Map.of(), null, null,
                null);
    }

    /** A copy in another state since {@code at}, keeping the queues, without call, reason or countdown. */
    public DeskStatus to(DeskState next, Instant at) {
        return new DeskStatus(next, null, at, null, false, queues, null, null, pausedQueues, null, null, null);
    }

    /** A copy with a reason. */
    public DeskStatus withReason(String code) {
        return new DeskStatus(state, code, since, wrapUpEndsAt, extended, queues, call, before, pausedQueues,
                wrapUpExtension, wrapped, disposition);
    }

    /** A copy with a call and the state to return to if it does not connect. */
    public DeskStatus withCall(DeskCall c, DeskState returnTo) {
        return new DeskStatus(state, reason, since, wrapUpEndsAt, extended, queues, c, returnTo, pausedQueues,
                wrapUpExtension, wrapped, disposition);
    }

    /** A copy with a wrap-up end, whether it was extended and what an extension adds (null: none). */
    public DeskStatus withWrapUp(Instant endsAt, boolean wasExtended, Duration extension) {
        return new DeskStatus(state, reason, since, endsAt, wasExtended, queues, call, before, pausedQueues,
                extension, wrapped, disposition);
    }

    /** A copy with other queues. */
    public DeskStatus withQueues(List<String> q) {
        return new DeskStatus(state, reason, since, wrapUpEndsAt, extended, q, call, before, pausedQueues,
                wrapUpExtension, wrapped, disposition);
    }

    /** A copy with the paused queues (and their reasons) the PBX reported. */
    public DeskStatus withPausedQueues(Map<String, String> paused) {
        return new DeskStatus(state, reason, since, wrapUpEndsAt, extended, queues, call, before, paused,
                wrapUpExtension, wrapped, disposition);
    }

    /** A copy wrapping up {@code c} with the outcome chosen so far (null: none). */
    public DeskStatus wrappingUp(DeskCall c, String chosen) {
        return new DeskStatus(state, reason, since, wrapUpEndsAt, extended, queues, call, before, pausedQueues,
                wrapUpExtension, c, chosen);
    }

    /** A copy with this call outcome chosen. */
    public DeskStatus withDisposition(String code) {
        return new DeskStatus(state, reason, since, wrapUpEndsAt, extended, queues, call, before, pausedQueues,
                wrapUpExtension, wrapped, code);
    }

    /** The call the desk handles now: the one talking, or the one in wrap-up; null otherwise. */
    public DeskCall handled() {
        return state == DeskState.TALKING ? call : state == DeskState.WRAP_UP ? wrapped : null;
    }

    /** Paused in some of the agent's queues but not all: the desk may still get calls from the others. */
    public boolean partlyPaused() {
        return !pausedQueues.isEmpty() && !pausedQueues.keySet().containsAll(queues);
    }
}
