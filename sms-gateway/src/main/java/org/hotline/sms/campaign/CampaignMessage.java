package org.hotline.sms.campaign;

import java.time.Instant;

/** One message of a campaign as its status table shows it. */
public record CampaignMessage(long id, String destination, String status, int segments, int attempts,
                              Instant notBefore, Instant submittedAt, Instant finishedAt, String errorCode,
                              String errorText, String body) {
}
