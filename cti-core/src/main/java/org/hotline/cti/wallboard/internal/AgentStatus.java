package org.hotline.cti.wallboard.internal;

import java.util.Locale;
import org.hotline.cti.call.AgentState;

/** How the wallboard names an agent's state: the PBX state, with the desktop's wrap-up and lagged pauses split out. */
public final class AgentStatus {

    /** Pause reason of after-call work (set by the agent desktop). */
    public static final String WRAPUP = "wrapup";
    /** Pause reason of the system pause for a lost browser (set by the agent desktop). */
    public static final String LAGGED = "lagged";

    private AgentStatus() {
    }

    /** One of ready, ringing, talking, wrapup, paused, lagged, loggedOut, unavailable. */
    public static String of(AgentState state, String pausedReason) {
        return switch (state) {
            case READY -> "ready";
            case RINGING -> "ringing";
            case IN_CALL -> "talking";
            case LOGGED_OUT -> "loggedOut";
            case UNAVAILABLE -> "unavailable";
            case PAUSED -> {
                String reason = pausedReason == null ? "" : pausedReason.strip().toLowerCase(Locale.ROOT);
                yield reason.equals(WRAPUP) ? "wrapup" : reason.equals(LAGGED) ? "lagged" : "paused";
            }
        };
    }
}
