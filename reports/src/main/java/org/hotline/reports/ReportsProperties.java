package org.hotline.reports;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Report settings ({@code hotline.reports.*}, env {@code HOTLINE_REPORTS_*}; docs/kpis.md).
 *
 * @param zone the time zone days, weeks and months are counted in unless a report asks for another (default
 *     Asia/Shanghai)
 * @param shortAbandon abandons that waited less than this are short abandons, kept apart (default 5 s; changing it
 *     rebuilds the rollups at the next start)
 * @param serviceLevelRule the service-level rule reports use unless they ask for another: {@code answered},
 *     {@code inclusive} or {@code abandons-count} (default answered)
 * @param refreshInterval how often the rollups take in the calls written since (default 10 s)
 * @param schedule the reports made on schedule
 */
@ConfigurationProperties("hotline.reports")
public record ReportsProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("5s") Duration shortAbandon,
                                @DefaultValue("answered") ServiceLevelRule serviceLevelRule,
                                @DefaultValue("10s") Duration refreshInterval, @DefaultValue Schedule schedule) {

    /** The documented defaults (Asia/Shanghai, 5 s, the answered-only rule, 10 s, reports at 08:00 not mailed). */
    public static ReportsProperties defaults() {
        return new ReportsProperties(ZoneId.of("Asia/Shanghai"), Duration.ofSeconds(5), ServiceLevelRule.ANSWERED,
                Duration.ofSeconds(10), new Schedule(true, LocalTime.of(8, 0), List.of(), "hotline@localhost",
                Duration.ofDays(400)));
    }

    /**
     * Reports made on schedule ({@code hotline.reports.schedule.*}): yesterday's every day, last month's on the first.
     *
     * @param enabled whether they are made (default true)
     * @param dailyAt local time (in {@code zone}) yesterday's report is made, and on the first last month's (08:00)
     * @param mailTo addresses the reports are mailed to through {@code spring.mail.*}'s SMTP server; empty: not mailed
     * @param mailFrom the sender address (default hotline@localhost)
     * @param keep how long made reports are kept (default 400 days)
     */
    public record Schedule(@DefaultValue("true") boolean enabled, @DefaultValue("08:00") LocalTime dailyAt,
                           @DefaultValue List<String> mailTo, @DefaultValue("hotline@localhost") String mailFrom,
                           @DefaultValue("400d") Duration keep) {
    }
}
