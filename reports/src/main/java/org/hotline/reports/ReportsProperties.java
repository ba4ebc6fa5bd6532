package org.hotline.reports;

import java.time.Duration;
import java.time.ZoneId;
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
 */
@ConfigurationProperties("hotline.reports")
public record ReportsProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("5s") Duration shortAbandon,
                                @DefaultValue("answered") ServiceLevelRule serviceLevelRule,
                                @DefaultValue("10s") Duration refreshInterval) {
}
