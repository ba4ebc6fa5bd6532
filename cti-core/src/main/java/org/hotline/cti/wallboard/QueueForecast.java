package org.hotline.cti.wallboard;

import java.time.Duration;
import java.util.Optional;

/**
 * What Hotline knows of a queue now, for telling a caller about to join it how long they will wait: callers waiting
 * ahead, agents ready and busy (ringing or on a call; paused agents are not counted) and the recent average handle
 * time (talk + wrap-up, seconds; null when there is no history).
 */
public record QueueForecast(String queue, int waitingAhead, int agentsReady, int agentsBusy, Double avgHandleSeconds) {

    /** Checks the counts. */
    public QueueForecast {
        if (waitingAhead < 0 || agentsReady < 0 || agentsBusy < 0) {
            throw new IllegalArgumentException("counts: " + waitingAhead + "/" + agentsReady + "/" + agentsBusy
                    + " (expected: >= 0)");
        }
    }

    /** A queue nothing is known of: no wait can be predicted. */
    public static QueueForecast unknown(String queue) {
        return new QueueForecast(queue, 0, 0, 0, null);
    }

    /**
     * The predicted wait of a caller joining now; empty when nothing can be predicted (no agent logged in and
     * unpaused, or no handle time yet).
     */
    public Optional<Duration> expectedWait() {
        int staffed = agentsReady + agentsBusy;
        if (staffed == 0 || avgHandleSeconds == null || !(avgHandleSeconds > 0)) {
            return Optional.empty();
        }
        // rule: the callers ahead, plus this one, beyond the ready agents are served by all staffed agents at one
        // average handle time each: wait = max(0, ahead + 1 − ready) × AHT ÷ (ready + busy)
        long beyondReady = Math.max(0, (long) waitingAhead + 1 - agentsReady);
        return Optional.of(Duration.ofMillis(Math.round(beyondReady * avgHandleSeconds * 1000 / staffed)));
    }

    /** The predicted wait in whole minutes, rounded up and at least 1 (what the caller is told); empty as above. */
    public Optional<Integer> expectedMinutes() {
        return expectedWait().map(d -> (int) Math.max(1, Math.min(Integer.MAX_VALUE, (d.toSeconds() + 59) / 60)));
    }
}
