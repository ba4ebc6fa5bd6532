package org.hotline.reports;

import java.time.Instant;

/**
 * One agent's answered queue calls over one period: the phone ({@code agentInterface}), the account and team when
 * known, counts and averages in seconds (null when the agent answered none). Calls per agent (坐席业务量) is
 * {@code answered}.
 */
public record AgentKpis(Instant period, String agentInterface, String agentName, String team, long answered,
                        long transferred, long talkSeconds, Double avgTalkSeconds, Double avgHoldSeconds,
                        Double avgWrapUpSeconds, Double ahtSeconds) {
}
