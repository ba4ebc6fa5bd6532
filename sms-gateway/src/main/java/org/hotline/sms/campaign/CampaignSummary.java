package org.hotline.sms.campaign;

import java.time.Instant;
import java.util.Map;

/** A campaign as its page shows it: who was targeted, what the outbox skipped, and messages by status. */
public record CampaignSummary(long id, String name, String kind, String status, String createdBy, Instant createdAt,
                              String template, String rule, int targeted, int withoutMobile, int optedOut,
                              int duplicates, int segments, Map<String, Integer> counts) {
}
