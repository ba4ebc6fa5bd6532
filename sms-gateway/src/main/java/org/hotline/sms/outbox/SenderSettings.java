package org.hotline.sms.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox sender works ({@code hotline.sms.sender.*}).
 *
 * @param enabled whether this node sends (only one node sends at a time anyway: ADR 0009)
 * @param batchSize messages claimed per database round trip
 * @param pollInterval wait between claims when nothing is due
 * @param maxAttempts temporary failures before a message fails for good
 * @param retryBackoffCap the longest wait before retrying after a temporary failure (doubling from 5 s)
 * @param inDoubtWindow how long to wait for a receipt that settles an in-doubt message before resending it
 * @param reconcileInterval how often receipts are applied and in-doubt messages examined
 * @param optOutWords MO texts that opt the number out (compared trimmed, case-insensitively)
 */
@ConfigurationProperties("hotline.sms.sender")
public record SenderSettings(Boolean enabled, Integer batchSize, Duration pollInterval, Integer maxAttempts,
                             Duration retryBackoffCap, Duration inDoubtWindow, Duration reconcileInterval,
                             List<String> optOutWords) {

    /** Fills defaults. */
    public SenderSettings {
        enabled = enabled == null || enabled;
        batchSize = batchSize == null ? 500 : batchSize;
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        retryBackoffCap = retryBackoffCap == null ? Duration.ofMinutes(10) : retryBackoffCap;
        inDoubtWindow = inDoubtWindow == null ? Duration.ofMinutes(10) : inDoubtWindow;
        reconcileInterval = reconcileInterval == null ? Duration.ofMillis(500) : reconcileInterval;
        optOutWords = optOutWords == null ? List.of("TD", "退订", "STOP") : List.copyOf(optOutWords);
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("hotline.sms.sender: batch-size and max-attempts must be >= 1");
        }
    }

    /** Every default. */
    public static SenderSettings defaults() {
        return new SenderSettings(null, null, null, null, null, null, null, null);
    }

    /** These settings with another in-doubt window and reconcile interval (tests, the kill-9 proof). */
    public SenderSettings withInDoubt(Duration window, Duration reconcile) {
        return new SenderSettings(enabled, batchSize, pollInterval, maxAttempts, retryBackoffCap, window, reconcile,
                optOutWords);
    }
}
