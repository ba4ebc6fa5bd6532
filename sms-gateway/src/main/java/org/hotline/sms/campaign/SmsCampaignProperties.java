package org.hotline.sms.campaign;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.hotline.sms.outbox.SmsKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of what is sent and when ({@code hotline.sms.campaigns.*}): signature and opt-out text, price per part,
 * quiet hours, and the outage-notice scheduler.
 *
 * @param signature     company signature put first in every text, in 【】
 * @param optOutText    appended to texts of {@code optOutKinds}
 * @param optOutKinds   kinds that carry the opt-out text (bulk kinds)
 * @param pricePerPart  what one part costs, for previews (CNY)
 * @param quietKinds    kinds held by quiet hours on every path (campaigns, the API, the IVR): arrears and general
 * @param quietStart    start of the hours reminders and planned notices are held
 * @param quietEnd      end of those hours (next morning)
 * @param zone          the customers' time zone
 * @param notices       whether this node runs the outage-notice scheduler (safe on several nodes at once)
 * @param noticeInterval how often the scheduler looks at outages
 * @param leadTime      how long before a planned outage its notice goes
 * @param lookBack      how long after restoration a restored outage still gets its restoration notice
 */
@ConfigurationProperties("hotline.sms.campaigns")
public record SmsCampaignProperties(
        @DefaultValue("【国网供电服务】") String signature,
        @DefaultValue("回TD退订") String optOutText,
        @DefaultValue({"ARREARS", "GENERAL"}) Set<SmsKind> optOutKinds,
        @DefaultValue("0.05") BigDecimal pricePerPart,
        @DefaultValue({"ARREARS", "GENERAL"}) Set<SmsKind> quietKinds,
        @DefaultValue("21:00") LocalTime quietStart,
        @DefaultValue("08:00") LocalTime quietEnd,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("true") boolean notices,
        @DefaultValue("30s") Duration noticeInterval,
        @DefaultValue("24h") Duration leadTime,
        @DefaultValue("24h") Duration lookBack) {

    /** The quiet hours of the outbox, for {@link #quietKinds}. */
    public org.hotline.sms.outbox.QuietWindow quietWindow() {
        return new org.hotline.sms.outbox.QuietWindow(quietKinds, quietStart, quietEnd, zone);
    }

    /** The quiet hours these settings describe. */
    public QuietHours quietHours() {
        return new QuietHours(quietStart, quietEnd, zone);
    }
}
