package org.hotline.sms.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS API for other systems ({@code hotline.sms.api.*}).
 *
 * @param claimTimeout how long an Idempotency-Key stays claimed by a request that has not answered; after it a retry
 *     takes the key over (the request's owner died): safe, as the message's dedupe key never lets it queue twice
 * @param receiptCallbackUrl where each API message's final state is POSTed (JSON); empty: no callbacks
 * @param callbackMaxAttempts attempts per message before the callback is given up (and logged)
 * @param callbackTimeout how long one callback POST may take
 */
@ConfigurationProperties("hotline.sms.api")
public record SmsApiProperties(Duration claimTimeout, String receiptCallbackUrl, Integer callbackMaxAttempts,
                               Duration callbackTimeout) {

    /** Fills defaults. */
    public SmsApiProperties {
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(30) : claimTimeout;
        receiptCallbackUrl = receiptCallbackUrl == null ? "" : receiptCallbackUrl.strip();
        callbackMaxAttempts = callbackMaxAttempts == null ? 10 : callbackMaxAttempts;
        callbackTimeout = callbackTimeout == null ? Duration.ofSeconds(5) : callbackTimeout;
        if (callbackMaxAttempts < 1) {
            throw new IllegalArgumentException("hotline.sms.api.callback-max-attempts must be >= 1");
        }
    }

    /** Every default. */
    public static SmsApiProperties defaults() {
        return new SmsApiProperties(null, null, null, null);
    }
}
