package org.hotline.cti.outage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outage settings ({@code hotline.outages.*}, env {@code HOTLINE_OUTAGES_*}).
 *
 * @param autoRestoreInterval how often outages past their expected end are restored by the system (default 30 s)
 */
@ConfigurationProperties("hotline.outages")
public record OutageProperties(@DefaultValue("30s") Duration autoRestoreInterval) {
}
