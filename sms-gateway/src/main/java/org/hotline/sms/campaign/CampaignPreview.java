package org.hotline.sms.campaign;

import java.math.BigDecimal;

/** What a reminder campaign would send: rows matched, messages, parts and their cost, and one sample text. */
public record CampaignPreview(int matched, int withoutMobile, int messages, int segments, BigDecimal cost,
                              String sample) {
}
