package org.hotline.sms.outbox;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox sender works ({@code hotline.sms.sender.*}).
 *
 * @param enabled whether this node sends (only one node sends at a time anyway: ADR 0009)
 * @param batchSize messages claimed per database round trip
 * @param pollInterval wait between claims when nothing is due
 * @param maxAttempts temporary failures before a message fails for good
 * @param retryBackoffCap the longest wait before retrying after a temporary failure (doubling from 5 s)
 * @param inDoubtWindow how long to wait for a receipt that settles an in-doubt message (ADR 0026)
 * @param reconcileInterval how often receipts are applied and in-doubt messages examined
 * @param optOutWords MO texts that opt the number out (compared trimmed, case-insensitively)
 * @param unsettled per kind, what becomes of an in-doubt message still unsettled after the window (default resend)
 * @param receiptTimeout how long an accepted message waits for its receipt before it ends {@code unknown}
 * @param optOutScope what an opt-out reply stops: {@code all} kinds or the {@code kind} replied to
 * @param optOutReply the answer to an opt-out ({@code {scope}} names what was stopped; empty: no answer)
 * @param unboundGrace how long without any SMSC bind before the health component is DOWN
 */
@ConfigurationProperties("hotline.sms.sender")
public record SenderSettings(Boolean enabled, Integer batchSize, Duration pollInterval, Integer maxAttempts,
                             Duration retryBackoffCap, Duration inDoubtWindow, Duration reconcileInterval,
                             List<String> optOutWords, Map<SmsKind, UnsettledPolicy> unsettled,
                             Duration receiptTimeout, OptOutScope optOutScope, String optOutReply,
                             Duration unboundGrace) {

    /** The default answer to an opt-out. */
    public static final String DEFAULT_OPT_OUT_REPLY = "【国网供电服务】您已退订{scope}，如需恢复请致电95598。";

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
        Map<SmsKind, UnsettledPolicy> policies = new EnumMap<>(SmsKind.class);
        for (SmsKind kind : SmsKind.values()) {
            policies.put(kind, unsettled == null ? UnsettledPolicy.RESEND
                    : unsettled.getOrDefault(kind, UnsettledPolicy.RESEND));
        }
        unsettled = Map.copyOf(policies);
        receiptTimeout = receiptTimeout == null ? Duration.ofHours(48) : receiptTimeout;
        optOutScope = optOutScope == null ? OptOutScope.ALL : optOutScope;
        optOutReply = optOutReply == null ? DEFAULT_OPT_OUT_REPLY : optOutReply;
        unboundGrace = unboundGrace == null ? Duration.ofMinutes(2) : unboundGrace;
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("hotline.sms.sender: batch-size and max-attempts must be >= 1");
        }
    }

    /** Every default. */
    public static SenderSettings defaults() {
        return new SenderSettings(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** These settings with another in-doubt window and reconcile interval (tests, the kill-9 proof). */
    public SenderSettings withInDoubt(Duration window, Duration reconcile) {
        return new SenderSettings(enabled, batchSize, pollInterval, maxAttempts, retryBackoffCap, window, reconcile,
                optOutWords, unsettled, receiptTimeout, optOutScope, optOutReply, unboundGrace);
    }

    /** These settings with another policy for {@code kind}. */
    public SenderSettings withUnsettled(SmsKind kind, UnsettledPolicy policy) {
        Map<SmsKind, UnsettledPolicy> p = new EnumMap<>(unsettled);
        p.put(kind, policy);
        return new SenderSettings(enabled, batchSize, pollInterval, maxAttempts, retryBackoffCap, inDoubtWindow,
                reconcileInterval, optOutWords, p, receiptTimeout, optOutScope, optOutReply, unboundGrace);
    }

    /** These settings with another receipt timeout. */
    public SenderSettings withReceiptTimeout(Duration timeout) {
        return new SenderSettings(enabled, batchSize, pollInterval, maxAttempts, retryBackoffCap, inDoubtWindow,
                reconcileInterval, optOutWords, unsettled, timeout, optOutScope, optOutReply, unboundGrace);
    }

    /** These settings with another opt-out scope. */
    public SenderSettings withOptOutScope(OptOutScope scope) {
        return new SenderSettings(enabled, batchSize, pollInterval, maxAttempts, retryBackoffCap, inDoubtWindow,
                reconcileInterval, optOutWords, unsettled, receiptTimeout, scope, optOutReply, unboundGrace);
    }

    /** The policy for messages of {@code kind}. */
    public UnsettledPolicy policy(SmsKind kind) {
        return unsettled.get(kind);
    }
}
