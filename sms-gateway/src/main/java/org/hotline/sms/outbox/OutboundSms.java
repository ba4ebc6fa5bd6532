package org.hotline.sms.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to queue: {@code dedupeKey} names it for good (a second message with the same key is not queued),
 * {@code destination} is a normalized mobile number, {@code campaignId} is null outside campaigns and the message
 * is not sent before {@code notBefore} (quiet hours, planned-outage lead time).
 */
public record OutboundSms(String dedupeKey, String destination, String text, SmsKind kind, Long campaignId,
                          Instant notBefore) {
    /** Requires the key, destination, text, kind and time. */
    public OutboundSms {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(notBefore, "notBefore");
    }
}
