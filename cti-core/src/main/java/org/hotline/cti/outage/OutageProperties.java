package org.hotline.cti.outage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outage settings ({@code hotline.outages.*}, env {@code HOTLINE_OUTAGES_*}).
 *
 * @param autoRestoreInterval how often outages past their expected end are restored by the system (default 30 s)
 * @param listingConnections how many database connections list the customers beneath one outage at once, each taking a
 *     share of its areas (default 2; issue #4: 20,000 customers in under 200 ms)
 */
@ConfigurationProperties("hotline.outages")
public record OutageProperties(@DefaultValue("30s") Duration autoRestoreInterval,
                               @DefaultValue("2") int listingConnections) {
}
