package org.hotline.reports;

import java.time.LocalDate;
import java.util.Map;

/**
 * An agent's own day (issue #16): calls handled, average handling time and pause time by reason, beside the team's
 * calls per agent and handling time (null team figures when the agent is in no team).
 */
public record MyFigures(LocalDate day, long calls, Double ahtSeconds, long pausedSeconds,
                        Map<String, Long> pausedByReason, String team, Integer teamAgents, Double teamCallsPerAgent,
                        Double teamAhtSeconds) {

    /** Copies the reasons. */
    public MyFigures {
        pausedByReason = Map.copyOf(pausedByReason);
    }
}
