package org.hotline.cti.wallboard;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Wallboard settings ({@code hotline.wallboard.*}).
 *
 * @param zone            the zone whose midnight starts "today" (default Asia/Shanghai)
 * @param publishInterval how often a frame goes out when something changed (default 500 ms: the board stays
 *                        under 1 s behind at the p99 with 2,000 agents and 200 supervisors, docs/benchmarks.md)
 * @param heartbeat       a frame goes out at least this often, so nodes started later get one (default 10 s)
 * @param deskInterval    the agents' desks get the callers waiting at most this often (default 2 s: the page counts
 *                        the seconds itself, and 2,000 desks twice a second cost the pops their p99, issue #11)
 * @param alerts          thresholds of every queue
 * @param queues          per-queue thresholds replacing {@code alerts} for that queue (key: queue name)
 */
@ConfigurationProperties("hotline.wallboard")
public record WallboardProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("500ms") Duration publishInterval,
        @DefaultValue("10s") Duration heartbeat,
        @DefaultValue("2s") Duration deskInterval,
        @DefaultValue Thresholds alerts,
        Map<String, Thresholds> queues) {

    /** Fills the map. */
    public WallboardProperties {
        queues = queues == null ? Map.of() : Map.copyOf(queues);
    }

    /** The thresholds of one queue. */
    public Thresholds thresholds(String queue) {
        return queues.getOrDefault(queue, alerts);
    }

    /**
     * When a queue raises an alert: longest wait at or above a duration, service level (last 60 minutes, answered
     * within T ÷ answered) below a ratio, agents ready at or below a count while calls wait.
     */
    public record Thresholds(
            @DefaultValue("60s") Duration longestWaitWarning,
            @DefaultValue("120s") Duration longestWaitCritical,
            @DefaultValue("0.80") double serviceLevelWarning,
            @DefaultValue("0.60") double serviceLevelCritical,
            @DefaultValue("1") int agentsReadyWarning,
            @DefaultValue("0") int agentsReadyCritical) {
    }
}
