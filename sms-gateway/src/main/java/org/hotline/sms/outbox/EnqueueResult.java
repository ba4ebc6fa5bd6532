package org.hotline.sms.outbox;

/** What {@link SmsOutbox#enqueue} did: messages newly queued, keys already present, numbers opted out of the kind. */
public record EnqueueResult(int queued, int duplicates, int optedOut) {
}
