package org.hotline.sms.notice;

/** What queueing one phase of one outage did: customers beneath it, those without a mobile, and the outbox's counts. */
public record NoticeRun(long outageId, String phase, int customers, int withoutMobile, int queued, int duplicates,
                        int optedOut) {
}
