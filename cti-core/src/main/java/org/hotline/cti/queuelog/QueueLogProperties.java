package org.hotline.cti.queuelog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reconciliation against Asterisk's {@code queue_log} ({@code hotline.queue-log.*}, env {@code HOTLINE_QUEUE_LOG_*};
 * ADR 0032).
 *
 * @param path the {@code queue_log} file as Hotline sees it (a shared volume or the same host); empty: no
 *     reconciliation (default)
 * @param interval how often the file's new lines are read and checked (default 1 min)
 * @param settle how long after its end a call is checked, so Hotline's own record is in first (default 2 min)
 * @param lookback calls that ended longer ago than this are not recovered (default 7 days)
 */
@ConfigurationProperties("hotline.queue-log")
public record QueueLogProperties(@DefaultValue("") String path, @DefaultValue("1m") Duration interval,
                                 @DefaultValue("2m") Duration settle, @DefaultValue("7d") Duration lookback) {
}
