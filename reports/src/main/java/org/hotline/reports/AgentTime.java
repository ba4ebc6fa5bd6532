package org.hotline.reports;

import java.time.Instant;
import java.util.Map;

/**
 * How one agent (phone) spent one period of the report's range ({@code period} its start), from the state stretches: seconds ready, ringing, talking, in
 * after-call work and paused (by reason), and occupancy = (talking + after-call work) ÷ (ready + ringing + talking +
 * after-call work), null when the agent was never available. A stretch still running at the time of the report is
 * counted when it ends.
 */
public record AgentTime(Instant period, String agentInterface, String agentName, String team, long readySeconds,
                        long ringingSeconds, long talkingSeconds, long wrapUpSeconds, long pausedSeconds,
                        Map<String, Long> pausedByReason, Double occupancy) {

    /** Copies the reasons. */
    public AgentTime {
        pausedByReason = Map.copyOf(pausedByReason);
    }
}
